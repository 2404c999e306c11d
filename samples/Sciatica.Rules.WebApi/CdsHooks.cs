using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Sciatica.Rules;
using Sciatica.Rules.Fhir;

namespace Sciatica.Rules.WebApi;

/// <summary>
/// A CDS Hooks 2.0 service for the <c>patient-view</c> hook: discovery, the service itself and feedback. The intake
/// <c>QuestionnaireResponse</c> comes from prefetch (<c>intake</c>, the resource or a search bundle holding exactly
/// one) or from the context (<c>context.intake</c>). One card per call, by decision: emergency <c>critical</c>; urgent
/// referral and treat-first <c>warning</c>; seek advice and program <c>info</c>; a program card suggests creating the
/// CarePlan. Without an intake the card says what is missing and advises nothing. Card and suggestion ids are derived
/// from the rule-set version and the input, so the same request gets the same response.
/// </summary>
internal static partial class CdsHooks
{
    public const string ServiceId = "sciatica-exercise-program";
    private const string Hook = "patient-view";
    private const string Json = "application/json";

    private static readonly JsonSerializerOptions Fhir = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "CDS Hooks feedback: card {Card} {Outcome}; override reason {OverrideReason}")]
    private static partial void LogFeedback(ILogger logger, string card, string outcome, string overrideReason);

    public static void MapCdsHooks(this IEndpointRouteBuilder app)
    {
        app.MapGet("/cds-services", () => Results.Json(new JsonObject
        {
            ["services"] = new JsonArray(new JsonObject
            {
                ["hook"] = Hook,
                ["id"] = ServiceId,
                ["title"] = "Sciatica exercise program",
                ["description"] = "From the patient's sciatica intake: emergency care, urgent referral, treat the cause first, medical advice first, or an exercise program with its dosage and the exercises left out.",
                ["prefetch"] = new JsonObject { ["intake"] = "QuestionnaireResponse?subject={{context.patientId}}&questionnaire=" + SciaticaFhir.IntakeQuestionnaireUrl + "&status=completed&_sort=-authored&_count=1" },
            }),
        }));

        app.MapPost("/cds-services/" + ServiceId, async (HttpRequest request, IProgramSelector engine) =>
        {
            var (body, error) = await Endpoints.ReadBody(request);
            return error ?? Answer(body, engine);
        });

        app.MapPost("/cds-services/" + ServiceId + "/feedback", async (HttpRequest request, ILoggerFactory loggers) =>
        {
            var (body, error) = await Endpoints.ReadBody(request);
            if (error is not null)
            {
                return error;
            }

            JsonNode? root;
            try
            {
                root = JsonNode.Parse(body.Span);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
            {
                return BadRequest("The feedback is not valid JSON.", ex.Message);
            }

            if (root?["feedback"] is not JsonArray feedback)
            {
                return BadRequest("The feedback is invalid.", "$.feedback: is required; allowed values: an array of feedback objects.");
            }

            // Only the card id, the outcome and the override reason code are logged: never patient data or free text.
            var logger = loggers.CreateLogger("Sciatica.Rules.WebApi.CdsHooks");
            foreach (var item in feedback)
            {
                var (card, outcome, reason) = (Text(item?["card"]), Text(item?["outcome"]), Text(item?["overrideReason"]?["reason"]?["code"]));
                LogFeedback(logger, card, outcome, reason);
            }

            return Results.Ok();
        });
    }

    private static IResult Answer(ReadOnlyMemory<byte> body, IProgramSelector engine)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body.Span);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            return BadRequest("The hook request is not valid JSON.", ex.Message);
        }

        if (root is not JsonObject request)
        {
            return BadRequest("The hook request is invalid.", "$: must be a JSON object.");
        }

        if (Text(request["hook"]) != Hook)
        {
            return BadRequest("The hook request is invalid.", $"$.hook: is '{Text(request["hook"])}'; allowed values: {Hook}.");
        }

        if (request["hookInstance"] is null || request["context"] is not JsonObject context || context["patientId"] is null)
        {
            return BadRequest("The hook request is invalid.", "$.hookInstance and $.context.patientId are required.");
        }

        var intake = request["prefetch"]?["intake"] ?? context["intake"];
        if (intake is null)
        {
            return Cards(Missing(engine, "No sciatica intake was sent with the request (prefetch 'intake' or context 'intake').", body));
        }

        QuestionnaireResponse response;
        try
        {
            var resource = JsonSerializer.Deserialize<Resource>(intake.ToJsonString(), Fhir);
            var found = resource switch
            {
                QuestionnaireResponse single => [single],
                Bundle bundle => bundle.Entry.Select(e => e.Resource).OfType<QuestionnaireResponse>().ToList(),
                _ => [],
            };
            if (found.Count == 0)
            {
                return Cards(Missing(engine, "The prefetch found no completed sciatica intake for this patient.", body));
            }

            if (found.Count > 1)
            {
                return Cards(Missing(engine, "The prefetch found more than one sciatica intake for this patient; send the one to decide from.", body));
            }

            response = found[0];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever the FHIR parser makes of hostile bytes, the client gets a 400 naming the problem, never a 500.
            return BadRequest("The intake is not a valid FHIR resource.", ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message);
        }

        PatientProfile profile;
        try
        {
            profile = SciaticaFhir.ReadIntake(response);
        }
        catch (SciaticaValidationException ex)
        {
            return Endpoints.Invalid(ex, "intake");
        }

        var decision = engine.Select(profile);
        var patient = new ResourceReference("Patient/" + Text(context["patientId"]));
        var seed = engine.RuleSetVersion + "\n" + SciaticaJson.WriteProfile(profile) + "\n" + patient.Reference;
        var card = new JsonObject
        {
            ["uuid"] = Uuid(seed, "card"),
            ["summary"] = Summary(decision),
            ["detail"] = Detail(decision),
            ["indicator"] = decision.Decision switch
            {
                DecisionKind.Emergency => "critical",
                DecisionKind.UrgentReferral or DecisionKind.TreatCauseFirst => "warning",
                _ => "info",
            },
            ["source"] = Source(engine),
            ["overrideReasons"] = OverrideReasons(),
        };
        if (decision.Decision == DecisionKind.Program)
        {
            var plan = JsonNode.Parse(SciaticaFhir.ToJson(SciaticaFhir.Apply(engine, decision, patient)));
            card["selectionBehavior"] = "at-most-one";
            card["suggestions"] = new JsonArray(new JsonObject
            {
                ["label"] = "Create the exercise program (draft care plan)",
                ["uuid"] = Uuid(seed, "suggestion"),
                ["isRecommended"] = true,
                ["actions"] = new JsonArray(new JsonObject { ["type"] = "create", ["description"] = "Create a draft CarePlan proposal for this exercise program.", ["resource"] = plan }),
            });
        }

        return Cards(card);
    }

    private static JsonObject Missing(IProgramSelector engine, string what, ReadOnlyMemory<byte> body) => new()
    {
        ["uuid"] = Uuid(engine.RuleSetVersion + "\n" + Convert.ToHexString(SHA256.HashData(body.Span)), "missing"),
        ["summary"] = "Sciatica intake needed before any exercise advice",
        ["detail"] = what + " No advice is given without it: complete the intake questionnaire (" + SciaticaFhir.IntakeQuestionnaireUrl + ") and open the patient again.",
        ["indicator"] = "info",
        ["source"] = Source(engine),
    };

    private static string Summary(ProgramDecision decision)
    {
        var summary = decision.Decision switch
        {
            DecisionKind.Emergency => "Sciatica: emergency care now - no exercises",
            DecisionKind.UrgentReferral => "Sciatica: urgent specialist assessment within 24 hours - no exercises",
            DecisionKind.TreatCauseFirst => "Sciatica: assess and treat the underlying cause first - no exercises yet",
            DecisionKind.SeekMedicalAdvice => "Sciatica: medical advice needed before exercising",
            _ => $"Sciatica: exercise program of {decision.Exercises.Count} exercises ({decision.Excluded.Count} left out)",
        };
        return summary.Length <= 140 ? summary : summary[..140];
    }

    private static string Detail(ProgramDecision decision)
    {
        var text = new StringBuilder();
        foreach (var line in decision.SafetyAdvice.Take(1))
        {
            text.Append("**").Append(line).Append("**\n\n");
        }

        text.Append("Why:\n\n");
        foreach (var reason in decision.Reasons)
        {
            text.Append("- ").Append(reason.Message).Append(" (").Append(reason.RuleId).Append(", ").Append(reason.Source).Append(")\n");
        }

        if (decision.Decision == DecisionKind.Program)
        {
            text.Append("\nExercises: ").Append(string.Join(", ", decision.Exercises.Select(e => e.Name))).Append('\n');
        }

        return text.ToString();
    }

    private static JsonObject Source(IProgramSelector engine) => new()
    {
        ["label"] = "Sciatica.Rules " + engine.RuleSetVersion,
        ["topic"] = new JsonObject { ["system"] = SciaticaFhir.CodeSystemBase + "rule-set", ["code"] = engine.RuleSetVersion, ["display"] = "Rule set " + engine.RuleSetVersion },
    };

    private static JsonArray OverrideReasons() =>
    [
        new JsonObject { ["code"] = "clinician-assessed", ["system"] = SciaticaFhir.CodeSystemBase + "override-reason", ["display"] = "Assessed by a clinician: advice not applicable" },
        new JsonObject { ["code"] = "intake-out-of-date", ["system"] = SciaticaFhir.CodeSystemBase + "override-reason", ["display"] = "The intake is out of date" },
    ];

    /// <summary>A name-based UUID (version 8, RFC 9562) from SHA-256 of the seed and the part: the same input, the same id.</summary>
    private static string Uuid(string seed, string part)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(part + "\n" + seed));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }

    private static IResult Cards(JsonObject card) => Results.Text(new JsonObject { ["cards"] = new JsonArray(card) }.ToJsonString(), Json, Encoding.UTF8);

    private static IResult BadRequest(string title, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);

    private static string Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : string.Empty;
}
