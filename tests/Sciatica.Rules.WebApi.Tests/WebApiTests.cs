using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Sciatica.Rules;

namespace Sciatica.Rules.WebApi.Tests;

public sealed class WebApiTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private const string Profile = """{"causes":["herniatedDisc"],"affectedRoots":["l5"],"legPain":6,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}""";

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task PostDecision_ValidProfile_ReturnsContractDecision()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/decisions", Json(Profile));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var decision = SciaticaJson.ReadDecision(await response.Content.ReadAsStringAsync());
        Assert.Equal(Sciatica.Rules.DecisionKind.Program, decision.Decision);
        Assert.DoesNotContain(decision.Exercises, e => e.Id == "prone-press-up");
    }

    [Fact]
    public async Task PostDecision_WhatIf_AddsWhatWouldChangeAsTheLibraryDoes()
    {
        const string noClearance = """{"causes":["herniatedDisc"],"legPain":8,"backPain":3,"redFlags":[],"medicalClearance":false,"symptomsTolerateExercise":true}""";
        using var client = factory.CreateClient();

        using var plain = await client.PostAsync("/api/decisions", Json(noClearance));
        using var whatIf = await client.PostAsync("/api/decisions?whatIf=true", Json(noClearance));
        using var bad = await client.PostAsync("/api/decisions?whatIf=yes", Json(noClearance));

        Assert.DoesNotContain("whatWouldChange", await plain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var expected = ProgramSelector.Default.Select(SciaticaJson.ReadProfile(noClearance), SelectionOptions.WithWhatWouldChange);
        Assert.Equal(SciaticaJson.WriteDecision(expected), await whatIf.Content.ReadAsStringAsync());
        Assert.Equal(new ProfilePatch { MedicalClearance = true, LegPain = 6 }, Assert.Single(expected.WhatWouldChange!).Patch);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("whatIf", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/decisions", """{"causes":["herniatedDsc"],"legPain":5,"backPain":3,"redFlags":["bladderDysfunction"],"medicalClearance":true}""", "emergency", "now")]
    [InlineData("/api/reviews", """{"profile":{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"redFlags":[],"medicalClearance":true,"symptomsTolerateExercise":true},"feedback":{"nextMorning":"fine","newNumbness":false,"newWeakness":false,"newRedFlags":["footDrop"]}}""", "urgentReferral", "within24Hours")]
    public async Task Post_InvalidInputNamingDanger_ProblemDocumentCarriesTheScreeningFirst(string path, string body, string decision, string timeframe)
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(path, Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var screening = problem.RootElement.GetProperty("screening");
        Assert.Equal(decision, screening.GetProperty("decision").GetString());
        Assert.Equal(timeframe, screening.GetProperty("timeframe").GetString());
        Assert.NotEqual(0, screening.GetProperty("reasons").GetArrayLength());
        Assert.StartsWith(decision == "emergency" ? "EMERGENCY: " : "URGENT: ", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostDecision_InvalidProfileWithoutDanger_NoScreening()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/decisions", Json("""{"causes":["herniatedDsc"],"legPain":5,"backPain":3,"redFlags":["fever"],"medicalClearance":true,"symptomsTolerateExercise":true}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(problem.RootElement.TryGetProperty("screening", out _));
    }

    [Fact]
    public async Task PostDecision_InvalidProfile_ProblemDetailsNamingEachField()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/decisions", Json("""{"causes":["herniated"],"legPain":11,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true,"oops":1}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Contains("herniatedDisc", errors.GetProperty("$.causes[0]")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("0..10", errors.GetProperty("$.legPain")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("$.oops", out _));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[1,2,3]")]
    public async Task PostDecision_Garbage_BadRequestWithoutStackTrace(string body)
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/decisions", Json(body));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(" at Sciatica", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostDecision_BodyOverLimit_PayloadTooLarge()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/decisions", Json(new string(' ', 100_000) + Profile));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task PostReview_ContractExample_Adjusts()
    {
        using var client = factory.CreateClient();
        const string Review = """
            {"profile":{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true},
             "feedback":{"exercises":[{"id":"knee-to-chest","painDuring":3,"symptomChange":"centralized"}],"nextMorning":"same","newNumbness":false,"newWeakness":false,"newRedFlags":[]}}
            """;

        using var response = await client.PostAsync("/api/reviews", Json(Review));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Sciatica.Rules.ReviewDecision.Adjust, SciaticaJson.ReadReview(await response.Content.ReadAsStringAsync()).Decision);
    }

    [Fact]
    public async Task GetCatalog_LoadsBackToTheSameEngine()
    {
        using var client = factory.CreateClient();

        var document = await client.GetStringAsync("/api/catalog");

        var engine = Sciatica.Rules.Catalogs.CatalogLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(document)));
        Assert.Equal(Sciatica.Rules.ProgramSelector.Default.RuleSetVersion, engine.RuleSetVersion);
    }

    [Fact]
    public async Task GetRules_ListsEveryRuleWithRationaleAndSource()
    {
        using var client = factory.CreateClient();

        using var rules = JsonDocument.Parse(await client.GetStringAsync("/api/rules"));

        var ids = rules.RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Contains("disc-avoid-extension", ids);
        Assert.Contains("emergency-bladder-dysfunction", ids);
        Assert.All(rules.RootElement.EnumerateArray(), r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("rationale").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("source").GetString()));
        });
    }

    [Theory]
    [InlineData("lone surrogate escape")]
    [InlineData("invalid utf-8")]
    [InlineData("raw surrogate bytes")]
    [InlineData("deep nesting")]
    public async Task PostDecision_HostileBody_BadRequestWithProblemNeverServerError(string kind)
    {
        byte[] body = kind switch
        {
            "lone surrogate escape" => """{"causes":["\ud800"],"legPain":1,"backPain":1,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}"""u8.ToArray(),
            "invalid utf-8" => [.. """{"causes":["herniated"""u8, 0xFF, .. """Disc"],"legPain":1,"backPain":1,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}"""u8],
            "raw surrogate bytes" => [.. """{"""u8, 0xED, 0xA0, 0x80, .. "\":1}"u8],
            _ => Encoding.ASCII.GetBytes(new string('[', 5000)),
        };
        using var client = factory.CreateClient();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await client.PostAsync("/api/decisions", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PostReview_LoneSurrogateInFeedback_BadRequest()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/reviews", Json("{\"profile\":" + Profile + ",\"feedback\":{\"nextMorning\":\"same\",\"exercises\":[{\"id\":\"\\udc00\",\"painDuring\":1,\"symptomChange\":\"unchanged\"}]}}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PostDecision_TooLarge_413ClosesTheConnection()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/decisions", Json(new string(' ', 70_000) + Profile));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.True(response.Headers.ConnectionClose, "Connection: close");
    }
}
