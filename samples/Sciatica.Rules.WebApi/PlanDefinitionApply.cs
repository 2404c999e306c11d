using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Sciatica.Rules.Fhir;

namespace Sciatica.Rules.WebApi;

/// <summary>
/// <c>POST /PlanDefinition/$apply</c> as a FHIR R4 server answers it: a <see cref="Parameters"/> resource in (<c>subject</c>,
/// the intake <see cref="QuestionnaireResponse"/> as <c>data</c>, optionally <c>url</c> naming the plan definition), the
/// draft <see cref="CarePlan"/> with its <see cref="RequestGroup"/> out, and an <see cref="OperationOutcome"/> for every error.
/// </summary>
internal static class PlanDefinitionApply
{
    private const string FhirJson = "application/fhir+json";

    private static readonly JsonSerializerOptions Fhir = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    public static void MapPlanDefinitionApply(this IEndpointRouteBuilder app)
    {
        app.MapPost("/PlanDefinition/$apply", (HttpRequest request, IProgramSelector engine) => Apply(request, engine, null));
        app.MapPost("/PlanDefinition/{id}/$apply", (HttpRequest request, IProgramSelector engine, string id) => Apply(request, engine, id));
    }

    private static async Task<IResult> Apply(HttpRequest request, IProgramSelector engine, string? id)
    {
        if (id is not null && id != "sciatica-exercise-program")
        {
            return Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, [("PlanDefinition.id", $"No plan definition '{id}'; this server has sciatica-exercise-program.")]);
        }

        Parameters parameters;
        try
        {
            parameters = await JsonSerializer.DeserializeAsync<Parameters>(request.Body, Fhir, request.HttpContext.RequestAborted)
                ?? throw new JsonException("The body is JSON null.");
        }
        catch (Exception ex) when (ex is JsonException or DeserializationFailedException or NotSupportedException)
        {
            return Outcome(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Structure, [("Parameters", "The body is not an R4 Parameters resource in FHIR JSON: " + ex.Message)]);
        }

        var problems = new List<(string Path, string Message)>();
        var url = parameters.Parameter.FirstOrDefault(p => p.Name == "url")?.Value?.ToString();
        var version = SciaticaFhir.ArtifactVersion(engine.RuleSetVersion);
        if (url is not null && url != SciaticaFhir.PlanDefinitionUrl && url != SciaticaFhir.PlanDefinitionUrl + "|" + version)
        {
            problems.Add(("Parameters.parameter[name='url']", $"is '{url}'; this server applies {SciaticaFhir.PlanDefinitionUrl}|{version}."));
        }

        var subjects = parameters.Parameter.Where(p => p.Name == "subject").ToList();
        var subject = subjects is [{ Value: FhirString { Value: { Length: > 0 } text } }] ? text
            : subjects is [{ Value: ResourceReference { Reference: { Length: > 0 } reference } }] ? reference
            : null;
        if (subject is null)
        {
            problems.Add(("Parameters.parameter[name='subject']", "must be given once, as a valueString or valueReference such as 'Patient/123'."));
        }

        var data = parameters.Parameter.Where(p => p.Name == "data").Select(p => p.Resource).ToList();
        var intakes = data.OfType<QuestionnaireResponse>()
            .Concat(data.OfType<Bundle>().SelectMany(b => b.Entry.Select(e => e.Resource).OfType<QuestionnaireResponse>()))
            .ToList();
        if (intakes.Count != 1)
        {
            problems.Add(("Parameters.parameter[name='data']", $"holds {intakes.Count} intake QuestionnaireResponses ({SciaticaFhir.IntakeQuestionnaireUrl}); give exactly one, as the resource or in a Bundle."));
        }

        if (problems.Count > 0)
        {
            return Outcome(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Required, problems);
        }

        try
        {
            var profile = SciaticaFhir.ReadIntake(intakes[0]);
            var plan = SciaticaFhir.Apply(engine, engine.Select(profile), new ResourceReference(subject));
            return Results.Text(SciaticaFhir.ToJson(plan), FhirJson, Encoding.UTF8);
        }
        catch (SciaticaValidationException ex)
        {
            return Outcome(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, [.. ex.Problems.Select(p => (p.Path, p.Message))]);
        }
    }

    /// <summary>An OperationOutcome with one error issue per problem, its FHIRPath location in <c>expression</c>.</summary>
    private static IResult Outcome(int status, OperationOutcome.IssueType type, IEnumerable<(string Path, string Message)> problems)
    {
        var outcome = new OperationOutcome
        {
            Issue = [.. problems.Select(p => new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Error,
                Code = type,
                Diagnostics = p.Message,
                Expression = [p.Path],
            })],
        };
        return Results.Text(SciaticaFhir.ToJson(outcome), FhirJson, Encoding.UTF8, status);
    }
}
