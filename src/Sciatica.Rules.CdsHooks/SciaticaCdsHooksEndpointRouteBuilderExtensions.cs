using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sciatica.Rules.Fhir;

namespace Sciatica.Rules.CdsHooks;

/// <summary>Mounts the Sciatica.Rules CDS Hooks service in an ASP.NET Core host.</summary>
public static class SciaticaCdsHooksEndpointRouteBuilderExtensions
{
    /// <summary>The service's id: its endpoint is <c>/cds-services/sciatica-exercise-program</c>.</summary>
    public const string ServiceId = "sciatica-exercise-program";

    /// <summary>
    /// Maps the CDS Hooks 2.0 endpoints: <c>GET /cds-services</c> (discovery), <c>POST /cds-services/sciatica-exercise-program</c>
    /// (the <c>patient-view</c> service) and <c>POST /cds-services/sciatica-exercise-program/feedback</c>, with the CORS preflight
    /// (<c>OPTIONS</c>) of each for <see cref="SciaticaCdsHooksOptions.AllowedOrigins"/>. The service and feedback calls need the CDS
    /// client's JWT (see <see cref="SciaticaCdsHooksOptions.Issuers"/>). Register the services first with
    /// <see cref="SciaticaCdsHooksServiceCollectionExtensions.AddSciaticaCdsHooks"/>. No other middleware is needed.
    /// </summary>
    /// <param name="endpoints">The endpoint route builder (the web application).</param>
    /// <returns>The route group of the endpoints, for further conventions (rate limiting, for example).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endpoints"/> is null.</exception>
    public static RouteGroupBuilder MapSciaticaCdsHooks(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        const string service = "/" + ServiceId;
        const string feedback = service + "/feedback";
        var group = endpoints.MapGroup("/cds-services");
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            ApplyCors(http);
            if (HttpMethods.IsPost(http.Request.Method))
            {
                var path = "/cds-services" + (http.Request.Path.Value!.EndsWith("/feedback", StringComparison.Ordinal) ? feedback : service);
                var refusal = await http.RequestServices.GetRequiredService<ClientAuthenticator>().RefusalAsync(http, path).ConfigureAwait(false);
                if (refusal is not null)
                {
                    http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                    return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The CDS client is not authenticated.", detail: refusal);
                }
            }

            return await next(context).ConfigureAwait(false);
        });

        group.MapGet(string.Empty, () => Results.Json(Discovery()));
        group.MapPost(service, (HttpContext http, HookService hooks) => hooks.InvokeAsync(http));
        group.MapPost(feedback, (HttpContext http, IOptions<SciaticaCdsHooksOptions> options, ILoggerFactory loggers) =>
            Feedback.InvokeAsync(http, options.Value.MaximumRequestBytes, loggers.CreateLogger("Sciatica.Rules.CdsHooks.Feedback")));
        foreach (var path in new[] { string.Empty, service, feedback })
        {
            group.MapMethods(path, [HttpMethods.Options], static () => Results.NoContent());
        }

        return group;
    }

    /// <summary>Adds the CORS headers for an allowed origin (a preflight or an actual call); nothing for any other origin.</summary>
    private static void ApplyCors(HttpContext http)
    {
        var origins = http.RequestServices.GetRequiredService<IOptions<SciaticaCdsHooksOptions>>().Value.AllowedOrigins;
        if (origins.Count == 0 || !http.Request.Headers.ContainsKey("Origin"))
        {
            return;
        }

        var policy = new CorsPolicyBuilder()
            .WithOrigins([.. origins])
            .WithMethods(HttpMethods.Get, HttpMethods.Post)
            .WithHeaders("Authorization", "Content-Type")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))
            .Build();
        var cors = http.RequestServices.GetRequiredService<ICorsService>();
        cors.ApplyResult(cors.EvaluatePolicy(http, policy), http.Response);
    }

    private static JsonObject Discovery() => new()
    {
        ["services"] = new JsonArray(new JsonObject
        {
            ["hook"] = HookRequest.Hook,
            ["id"] = ServiceId,
            ["title"] = "Sciatica exercise program",
            ["description"] = "From the patient's sciatica intake (completed in the last 30 days): emergency care, urgent referral, treat the cause first, medical review first, or an exercise program with the exercises left out and why.",
            ["prefetch"] = new JsonObject { [HookRequest.PrefetchKey] = IntakeLocator.Template },
            ["usageRequirements"] = "Record the sciatica intake (" + SciaticaFhir.IntakeQuestionnaireUrl + ") as a QuestionnaireResponse with subject and authored.",
        }),
    };
}
