using System.Net;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.AspNetCore.Mvc.Testing;
using Sciatica.Rules.Fhir;
using Task = System.Threading.Tasks.Task;

namespace Sciatica.Rules.WebApi.Tests;

/// <summary><c>POST /PlanDefinition/$apply</c>: R4 Parameters in, the CarePlan with its RequestGroup out, OperationOutcome for errors.</summary>
public sealed class PlanDefinitionApplyTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private const string Program = """{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"redFlags":[],"medicalClearance":true,"symptomsTolerateExercise":true,"age":44}""";
    private static readonly JsonSerializerOptions Fhir = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    [Fact]
    public async Task Apply_AnIntake_GivesTheEnginesCarePlan()
    {
        var profile = SciaticaJson.ReadProfile(Program);

        var (status, body) = await Post(Parameters(Intake(profile), new FhirString("Patient/123")));

        Assert.Equal(HttpStatusCode.OK, status);
        var plan = JsonSerializer.Deserialize<CarePlan>(body, Fhir)!;
        var expected = SciaticaFhir.Apply(ProgramSelector.Default, ProgramSelector.Default.Select(profile), new ResourceReference("Patient/123"));
        Assert.Equal(SciaticaFhir.ToJson(expected), SciaticaFhir.ToJson(plan));
        Assert.Single(plan.Contained.OfType<RequestGroup>());
    }

    [Fact]
    public async Task Apply_IntakeInABundle_SubjectAsReference_Accepted()
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Collection, Entry = [new Bundle.EntryComponent { Resource = Intake(SciaticaJson.ReadProfile(Program)) }] };

        var (status, _) = await Post(Parameters(bundle, new ResourceReference("Patient/123")));

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Apply_RedFlagsUnanswered_OperationOutcomeNamingTheLinkId()
    {
        var intake = Intake(SciaticaJson.ReadProfile(Program));
        intake.Item.RemoveAll(i => i.LinkId == "redFlags");

        var (status, body) = await Post(Parameters(intake, new FhirString("Patient/123")));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var outcome = JsonSerializer.Deserialize<OperationOutcome>(body, Fhir)!;
        var issue = Assert.Single(outcome.Issue);
        Assert.Equal(OperationOutcome.IssueSeverity.Error, issue.Severity);
        Assert.Equal("QuestionnaireResponse.item[linkId='redFlags']", Assert.Single(issue.Expression));
    }

    [Fact]
    public async Task Apply_NoSubjectNoData_OneIssueEach()
    {
        var (status, body) = await Post(new Parameters { Parameter = [new Parameters.ParameterComponent { Name = "url", Value = new FhirUri(SciaticaFhir.PlanDefinitionUrl) }] });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var outcome = JsonSerializer.Deserialize<OperationOutcome>(body, Fhir)!;
        Assert.Equal(["Parameters.parameter[name='subject']", "Parameters.parameter[name='data']"], outcome.Issue.Select(i => Assert.Single(i.Expression)));
    }

    [Fact]
    public async Task Apply_NotFhirJson_OperationOutcome()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/PlanDefinition/$apply", new StringContent("""{"resourceType":"Parameters","parameter":[{"name":"subject","valueString":1}]}""", Encoding.UTF8, "application/fhir+json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(JsonSerializer.Deserialize<OperationOutcome>(await response.Content.ReadAsStringAsync(), Fhir)!.Issue);
    }

    private static QuestionnaireResponse Intake(PatientProfile profile) => SciaticaFhir.IntakeResponse(profile);

    private static Parameters Parameters(Resource data, DataType subject) => new()
    {
        Parameter =
        [
            new Parameters.ParameterComponent { Name = "subject", Value = subject },
            new Parameters.ParameterComponent { Name = "data", Resource = data },
        ],
    };

    private async Task<(HttpStatusCode Status, string Body)> Post(Parameters parameters)
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/PlanDefinition/$apply", new StringContent(SciaticaFhir.ToJson(parameters), Encoding.UTF8, "application/fhir+json"));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
