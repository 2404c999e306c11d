using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Hl7.Fhir.Serialization;
using Microsoft.AspNetCore.Mvc.Testing;
using Sciatica.Rules.Fhir;

namespace Sciatica.Rules.WebApi.Tests;

/// <summary>The CDS Hooks service, called with requests shaped like the CDS Hooks 2.0 specification's examples.</summary>
public sealed class CdsHooksTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private const string Service = "/cds-services/sciatica-exercise-program";
    private static readonly JsonSerializerOptions Fhir = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    [Fact]
    public async Task Discovery_ListsThePatientViewServiceWithItsPrefetch()
    {
        using var client = factory.CreateClient();

        var discovery = JsonNode.Parse(await client.GetStringAsync("/cds-services"))!;

        var service = discovery["services"]![0]!;
        Assert.Equal("patient-view", (string?)service["hook"]);
        Assert.Equal("sciatica-exercise-program", (string?)service["id"]);
        Assert.Contains("QuestionnaireResponse?subject={{context.patientId}}", (string?)service["prefetch"]!["intake"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Program_InfoCardWithACarePlanSuggestion_SameRequestSameResponse()
    {
        using var client = factory.CreateClient();
        var body = Request(Intake("""{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"medicalClearance":true,"age":44,"symptomWeeks":2}"""));

        var first = await Post(client, body);
        var second = await Post(client, body);

        Assert.Equal(first, second);
        var card = Assert.Single(JsonNode.Parse(first)!["cards"]!.AsArray())!;
        Assert.Equal("info", (string?)card["indicator"]);
        Assert.True(((string?)card["summary"])!.Length <= 140);
        Assert.StartsWith("Sciatica.Rules default/", (string?)card["source"]!["label"], StringComparison.Ordinal);
        var action = card["suggestions"]![0]!["actions"]![0]!;
        Assert.Equal("create", (string?)action["type"]);
        var plan = JsonSerializer.Deserialize<CarePlan>(action["resource"]!.ToJsonString(), Fhir)!;
        Assert.Equal(CarePlan.CarePlanIntent.Proposal, plan.Intent);
        Assert.Equal("Patient/123", plan.Subject.Reference);
        Assert.True(Guid.TryParse((string?)card["uuid"], out _));
    }

    [Theory]
    [InlineData("""{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"medicalClearance":true,"redFlags":["saddleAnesthesia"]}""", "critical")]
    [InlineData("""{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"medicalClearance":true,"redFlags":["fever"],"age":44}""", "warning")]
    [InlineData("""{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"medicalClearance":false,"age":44}""", "info")]
    public async Task NotAProgram_CardByUrgency_NoSuggestion(string profile, string indicator)
    {
        using var client = factory.CreateClient();

        var card = JsonNode.Parse(await Post(client, Request(Intake(profile))))!["cards"]![0]!;

        Assert.Equal(indicator, (string?)card["indicator"]);
        Assert.Null(card["suggestions"]);
    }

    [Fact]
    public async Task IntakeAsSearchBundle_Accepted()
    {
        using var client = factory.CreateClient();
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset };
        bundle.Entry.Add(new Bundle.EntryComponent { Resource = JsonSerializer.Deserialize<QuestionnaireResponse>(Intake("""{"causes":["spinalStenosis"],"legPain":3,"backPain":3,"medicalClearance":true,"age":60,"symptomWeeks":3}""").ToJsonString(), Fhir) });

        var card = JsonNode.Parse(await Post(client, Request(JsonNode.Parse(SciaticaFhir.ToJson(bundle))!)))!["cards"]![0]!;

        Assert.NotNull(card["suggestions"]);
    }

    [Fact]
    public async Task MissingPrefetch_CardSaysWhatIsMissingAndAdvisesNothing()
    {
        using var client = factory.CreateClient();

        var card = JsonNode.Parse(await Post(client, Request(null)))!["cards"]![0]!;

        Assert.Contains("intake", (string?)card["summary"], StringComparison.OrdinalIgnoreCase);
        Assert.Null(card["suggestions"]);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"hook":"order-select","hookInstance":"x","context":{"patientId":"1"}}""")]
    [InlineData("""{"hook":"patient-view","hookInstance":"x","context":{"patientId":"1"},"prefetch":{"intake":{"resourceType":"Banana"}}}""")]
    [InlineData("""{"hook":"patient-view","hookInstance":"x","context":{"patientId":"1"},"prefetch":{"intake":{"resourceType":"QuestionnaireResponse","status":42}}}""")]
    public async Task BadInput_BadRequestWithProblem(string body)
    {
        using var client = factory.CreateClient();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(Service, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task InvalidIntake_BadRequestNamingEachLinkId()
    {
        using var client = factory.CreateClient();
        var intake = Intake("""{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"medicalClearance":true}""");
        intake["item"]!.AsArray().First(i => (string?)i!["linkId"] == "legPain")!["answer"]![0]!["valueInteger"] = 11;
        using var content = new StringContent(Request(intake).ToJsonString(), Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(Service, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Contains("QuestionnaireResponse.item[linkId='legPain']", errors.Select(e => e.Key));
    }

    [Fact]
    public async Task Feedback_Accepted()
    {
        using var client = factory.CreateClient();
        using var content = new StringContent("""{"feedback":[{"card":"9368d37b-3fa6-4e42-9ec4-c61a1c1c1a0b","outcome":"overridden","overrideReason":{"reason":{"code":"clinician-assessed"},"userComment":"seen"},"outcomeTimestamp":"2026-11-30T10:00:00Z"}]}""", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(Service + "/feedback", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Service_WrongContentTypeOrEmptyBody_415Or400()
    {
        using var client = factory.CreateClient();
        using var text = new StringContent("{}", Encoding.UTF8, "text/plain");
        using var empty = new ByteArrayContent([]);
        empty.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var wrongType = await client.PostAsync("/api/decisions", text);
        using var nothing = await client.PostAsync(Service, empty);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
    }

    [Fact]
    public async Task Health_LiveAndReady()
    {
        using var client = factory.CreateClient();

        Assert.Equal("ok", await client.GetStringAsync("/healthz"));
        Assert.StartsWith("ready: default/", await client.GetStringAsync("/readyz"), StringComparison.Ordinal);
    }

    private static async Task<string> Post(HttpClient client, JsonNode body)
    {
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(Service, content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return text;
    }

    /// <summary>A patient-view request as in the specification's example, with the intake in prefetch.</summary>
    private static JsonNode Request(JsonNode? intake)
    {
        var request = new JsonObject
        {
            ["hookInstance"] = "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
            ["fhirServer"] = "http://ehr.example/fhir",
            ["hook"] = "patient-view",
            ["context"] = new JsonObject { ["userId"] = "Practitioner/example", ["patientId"] = "123" },
        };
        if (intake is not null)
        {
            request["prefetch"] = new JsonObject { ["intake"] = intake };
        }

        return request;
    }

    /// <summary>The intake response for a profile in the JSON contract, as FHIR JSON.</summary>
    private static JsonNode Intake(string profileJson) =>
        JsonNode.Parse(SciaticaFhir.ToJson(SciaticaFhir.IntakeResponse(SciaticaJson.ReadProfile(profileJson))))!;
}
