using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Microsoft.Extensions.Options;
using Sciatica.Rules;
using Sciatica.Rules.Handouts;
using Sciatica.Rules.CdsHooks;
using Sciatica.Rules.WebApi;

var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Limits.MaxRequestBodySize = Endpoints.MaximumBodyBytes;
    // A stalled or trickling body is cut (408 or a closed connection), never left to tie up the server.
    kestrel.Limits.MinRequestBodyDataRate = new Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(5));
    kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
});
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi(options => options.AddDocumentTransformer<ContractOpenApi>());

// Options bound from configuration: "SciaticaRules" in appsettings.json, or environment variables such as
// SciaticaRules__CatalogPath for a clinic's own catalog. An invalid catalog stops the start (options validated on start).
builder.Services.AddSciaticaRules(builder.Configuration.GetSection("SciaticaRules"));
builder.Services.AddSciaticaHandouts();

// The CDS Hooks service (package Sciatica.Rules.CdsHooks), options from "SciaticaCdsHooks": the public base address the JWT's
// aud names, the CDS clients (issuers and their keys), CORS origins, the intake's maximum age. Checked on start.
builder.Services.AddSciaticaCdsHooks();
builder.Services.AddOptions<SciaticaCdsHooksOptions>().Bind(builder.Configuration.GetSection("SciaticaCdsHooks"));

// OpenTelemetry behind configuration (Telemetry:Enabled): the engine's meter and activity source, ASP.NET Core's
// requests, exported over OTLP to the endpoint in the standard OTEL_EXPORTER_OTLP_ENDPOINT variable.
if (builder.Configuration.GetValue<bool>("Telemetry:Enabled"))
{
    builder.Services.AddOpenTelemetry()
        .ConfigureResource(resource => resource.AddService(builder.Configuration["Telemetry:ServiceName"] ?? "sciatica-rules-web"))
        .WithMetrics(metrics => metrics.AddMeter(SciaticaRulesTelemetry.Name).AddAspNetCoreInstrumentation())
        .WithTracing(tracing => tracing.AddSource(SciaticaRulesTelemetry.Name).AddAspNetCoreInstrumentation())
        .UseOtlpExporter();
}

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapSciaticaRules();
app.MapSciaticaCdsHooks();
app.MapPlanDefinitionApply(); // POST /PlanDefinition/$apply: R4 Parameters in, CarePlan out
app.MapOpenApi(); // GET /openapi/v1.json

// Live while the process serves; ready once the catalog is loaded and the engine built (a bad catalog: 503, said plainly).
app.MapGet("/healthz", () => Results.Text("ok"));
app.MapGet("/readyz", (IServiceProvider services) =>
{
    try
    {
        return Results.Text("ready: " + services.GetRequiredService<IProgramSelector>().RuleSetVersion);
    }
    catch (SciaticaValidationException ex)
    {
        return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The catalog could not be loaded.", detail: ex.Message);
    }
});
try
{
    app.Run();
}
catch (OptionsValidationException ex)
{
    // A bad setting or catalog: one line naming every problem, no stack trace (the host logged the details above).
    Console.Error.WriteLine("error: the settings are invalid: " + string.Join(" ", ex.Failures));
    return 1;
}
catch (IOException ex)
{
    // For example the port is taken: Kestrel says which address could not be bound.
    Console.Error.WriteLine("error: the server could not start: " + ex.Message);
    return 1;
}

return 0;

/// <summary>The web sample's entry point, visible to integration tests (WebApplicationFactory).</summary>
public partial class Program;
