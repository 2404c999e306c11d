using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.Extensions.Options;
using Sciatica.Rules.Fhir;

namespace Sciatica.Rules.CdsHooks;

/// <summary>
/// Finds the patient's intake: in prefetch, or, when prefetch lacks it or holds an <c>OperationOutcome</c> (CDS Hooks 2.0
/// allows one when the client's own fetch failed), from the request's <c>fhirServer</c> with its <c>fhirAuthorization</c>
/// bearer token. Of several intakes the latest authored one is taken.
/// </summary>
internal sealed class IntakeLocator(Fetching fetching, IOptions<SciaticaCdsHooksOptions> options)
{
    /// <summary>The prefetch template: the patient's latest completed or amended intake, newest <c>authored</c> first.</summary>
    public const string Template = "QuestionnaireResponse?patient={{context.patientId}}&questionnaire=" + SciaticaFhir.IntakeQuestionnaireUrl + "&status=completed,amended&_sort=-authored&_count=1";

    private static readonly JsonSerializerOptions Fhir = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    public async Task<Located> LocateAsync(HookRequest request, CancellationToken cancel)
    {
        string why;
        if (request.Intake == Prefetched.NotFound)
        {
            return Located.None;
        }

        if (request.IntakeElement is { } element)
        {
            var (resource, problem) = Resource(element);
            if (resource is null)
            {
                return Located.Invalid("$.prefetch.intake: " + problem);
            }

            if (resource is not OperationOutcome)
            {
                return Choose(resource, "$.prefetch.intake");
            }

            why = "the prefetch 'intake' is an OperationOutcome (the client could not fetch it)";
        }
        else
        {
            why = "the request has no prefetch 'intake'";
        }

        if (request.FhirServer is not { } server)
        {
            return Located.Unavailable(why + ", and no fhirServer to fetch it from.");
        }

        if (!IsAllowed(server))
        {
            return Located.Unavailable(why + ", and the request's fhirServer is not one this service may fetch from.");
        }

        var query = new Uri(server.AbsoluteUri.TrimEnd('/') + "/" + Template
            .Replace("{{context.patientId}}", Uri.EscapeDataString(request.PatientId), StringComparison.Ordinal)
            .Replace(SciaticaFhir.IntakeQuestionnaireUrl, Uri.EscapeDataString(SciaticaFhir.IntakeQuestionnaireUrl), StringComparison.Ordinal));
        var (body, failure) = await fetching.GetAsync(query, "application/fhir+json", request.AccessToken, cancel).ConfigureAwait(false);
        if (body is null)
        {
            return Located.Unavailable(why + "; fetching it failed: " + failure);
        }

        var (document, jsonProblem) = BoundedJson.Parse(body);
        using (document)
        {
            if (document is null)
            {
                return Located.Unavailable(why + "; the FHIR server's answer is not usable JSON: " + jsonProblem);
            }

            var (fetched, problem) = Resource(document.RootElement);
            return fetched switch
            {
                Bundle => Choose(fetched, "the FHIR server's answer"),
                null => Located.Unavailable(why + "; the FHIR server's answer is not a FHIR resource: " + problem),
                _ => Located.Unavailable(why + $"; the FHIR server answered with a {fetched.TypeName}, not a search Bundle."),
            };
        }
    }

    private bool IsAllowed(Uri server)
    {
        var allowed = options.Value.FhirServers;
        if (allowed.Count == 0)
        {
            return Fetching.IsAllowedAddress(server);
        }

        var address = server.AbsoluteUri.TrimEnd('/') + "/";
        return allowed.Any(prefix => address.StartsWith(prefix.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase));
    }

    private static Located Choose(Resource resource, string where)
    {
        var responses = resource switch
        {
            QuestionnaireResponse single => [single],
            Bundle bundle => bundle.Entry
                .Where(e => e.Search?.Mode != Bundle.SearchEntryMode.Outcome)
                .Select(e => e.Resource)
                .OfType<QuestionnaireResponse>()
                .Where(r => r.Questionnaire is null || r.Questionnaire == SciaticaFhir.IntakeQuestionnaireUrl || r.Questionnaire.StartsWith(SciaticaFhir.IntakeQuestionnaireUrl + "|", StringComparison.Ordinal))
                .ToList(),
            _ => null,
        };
        if (responses is null)
        {
            return Located.Invalid($"{where}: is a {resource.TypeName}; allowed values: a search Bundle, a QuestionnaireResponse or an OperationOutcome.");
        }

        // Newest authored first (the template's own order); a response without authored comes last, and is then reported as undated.
        var latest = responses
            .OrderByDescending(r => r.AuthoredElement is { } at && at.TryToDateTimeOffset(out var when) ? when : DateTimeOffset.MinValue)
            .FirstOrDefault();
        return latest is null ? Located.None : Located.Found(latest);
    }

    private static (Resource? Resource, string? Problem) Resource(JsonElement element)
    {
        try
        {
            return (JsonSerializer.Deserialize<Resource>(element, Fhir), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever the FHIR parser makes of hostile input, the caller gets a bounded message, never an exception.
            var message = ex.Message.ReplaceLineEndings(" ");
            return (null, message.Length <= 200 ? message : message[..200] + "…");
        }
    }
}

/// <summary>Where the search for the intake ended.</summary>
internal sealed record Located(QuestionnaireResponse? Response, string? Problem, int Status)
{
    public static Located None { get; } = new(null, null, 200);

    public static Located Found(QuestionnaireResponse response) => new(response, null, 200);

    /// <summary>The data could not be had: CDS Hooks 2.0 answers 412 Precondition Failed.</summary>
    public static Located Unavailable(string why) => new(null, why, 412);

    /// <summary>The request carries something that is not an intake: 400.</summary>
    public static Located Invalid(string why) => new(null, why, 400);
}
