using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sciatica.Rules.CdsHooks;

/// <summary>
/// The parts of a CDS Hooks 2.0 <c>patient-view</c> request the service uses, read from a bounded document: each is checked
/// for type and shape, and every problem is named by its JSON path.
/// </summary>
internal sealed partial record HookRequest(string HookInstance, string PatientId, Uri? FhirServer, string? AccessToken, Prefetched Intake, JsonElement? IntakeElement)
{
    public const string Hook = "patient-view";
    public const string PrefetchKey = "intake";

    /// <summary>Reads the request, or lists what is wrong with it (path to message).</summary>
    public static (HookRequest? Request, Dictionary<string, string[]> Problems) Read(JsonElement root)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems["$"] = ["must be a JSON object (a CDS Hooks request)."];
            return (null, problems);
        }

        var hook = Text(root, "hook");
        if (hook != Hook)
        {
            problems["$.hook"] = [$"must be '{Hook}'."];
        }

        var hookInstance = Text(root, "hookInstance");
        if (string.IsNullOrWhiteSpace(hookInstance) || hookInstance.Length > 128)
        {
            problems["$.hookInstance"] = ["is required: a UUID of at most 128 characters."];
        }

        string? patientId = null;
        if (!root.TryGetProperty("context", out var context) || context.ValueKind != JsonValueKind.Object)
        {
            problems["$.context"] = ["is required: an object with patientId."];
        }
        else
        {
            patientId = Text(context, "patientId");
            if (patientId is null || !FhirId().IsMatch(patientId))
            {
                problems["$.context.patientId"] = ["is required: a FHIR id (letters, digits, '-' and '.', at most 64)."];
            }
        }

        Uri? fhirServer = null;
        if (root.TryGetProperty("fhirServer", out var server) && server.ValueKind != JsonValueKind.Null)
        {
            if (server.ValueKind != JsonValueKind.String || !Uri.TryCreate(server.GetString(), UriKind.Absolute, out fhirServer) || (fhirServer.Scheme != Uri.UriSchemeHttps && fhirServer.Scheme != Uri.UriSchemeHttp))
            {
                problems["$.fhirServer"] = ["must be the absolute http(s) base address of the FHIR server."];
                fhirServer = null;
            }
        }

        string? accessToken = null;
        if (root.TryGetProperty("fhirAuthorization", out var authorization) && authorization.ValueKind != JsonValueKind.Null)
        {
            accessToken = authorization.ValueKind == JsonValueKind.Object ? Text(authorization, "access_token") : null;
            var type = authorization.ValueKind == JsonValueKind.Object ? Text(authorization, "token_type") : null;
            if (accessToken is null || accessToken.Length > 8192 || !string.Equals(type, "Bearer", StringComparison.OrdinalIgnoreCase))
            {
                problems["$.fhirAuthorization"] = ["must be an object with access_token and token_type 'Bearer'."];
            }
            else if (fhirServer is null)
            {
                problems["$.fhirServer"] = ["is required when fhirAuthorization is given."];
            }
        }

        var (intake, element) = (Prefetched.Absent, (JsonElement?)null);
        if (root.TryGetProperty("prefetch", out var prefetch) && prefetch.ValueKind != JsonValueKind.Null)
        {
            if (prefetch.ValueKind != JsonValueKind.Object)
            {
                problems["$.prefetch"] = ["must be an object keyed by prefetch template."];
            }
            else if (prefetch.TryGetProperty(PrefetchKey, out var value))
            {
                (intake, element) = value.ValueKind switch
                {
                    JsonValueKind.Null => (Prefetched.NotFound, (JsonElement?)null),
                    JsonValueKind.Object => (Prefetched.Resource, value),
                    _ => (Prefetched.Invalid, null),
                };
                if (intake == Prefetched.Invalid)
                {
                    problems["$.prefetch.intake"] = ["must be a FHIR resource (a search Bundle, a QuestionnaireResponse or an OperationOutcome) or null."];
                }
            }
        }

        return problems.Count > 0
            ? (null, problems)
            : (new HookRequest(hookInstance!, patientId!, fhirServer, accessToken, intake, element), problems);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex("^[A-Za-z0-9\\-\\.]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex FhirId();
}

/// <summary>What the request's prefetch holds under the service's key.</summary>
internal enum Prefetched
{
    /// <summary>The key is not there: the client did not prefetch (or failed and left it out).</summary>
    Absent,

    /// <summary>The key is null: the client looked and found nothing.</summary>
    NotFound,

    /// <summary>A resource (possibly an OperationOutcome saying the prefetch failed).</summary>
    Resource,

    /// <summary>Neither an object nor null.</summary>
    Invalid,
}
