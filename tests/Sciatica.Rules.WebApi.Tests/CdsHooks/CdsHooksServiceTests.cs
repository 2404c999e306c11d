using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Task = System.Threading.Tasks.Task;
using static Sciatica.Rules.WebApi.Tests.CdsHooks.CdsHooksHost;

namespace Sciatica.Rules.WebApi.Tests.CdsHooks;

/// <summary>The service called with requests written from the CDS Hooks 2.0 specification: right patient, current record, real data.</summary>
public sealed class CdsHooksServiceTests(CdsHooksHost host) : IClassFixture<CdsHooksHost>
{
    [Fact]
    public async Task Discovery_PrefetchSearchesByPatientSortedByAuthored()
    {
        using var client = host.CreateClient();

        var service = JsonNode.Parse(await client.GetStringAsync("/cds-services"))!["services"]![0]!;

        Assert.Equal("patient-view", (string?)service["hook"]);
        var template = (string)service["prefetch"]!["intake"]!;
        Assert.StartsWith("QuestionnaireResponse?patient={{context.patientId}}&", template, StringComparison.Ordinal);
        Assert.Contains("_sort=-authored", template, StringComparison.Ordinal);
        Assert.Contains("status=completed,amended", template, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Program_InfoCardWithGroupedExclusions_SameInvocationSameIds_NewInvocationNewIds()
    {
        using var client = host.CreateClient();
        var body = Request(Bundle(Intake("""{"causes":["herniatedDisc","osteoporosis"],"legPain":5,"backPain":3,"medicalClearance":true,"age":44,"symptomWeeks":2,"redFlags":[],"symptomsTolerateExercise":true}""")));

        var first = Card(await Call(client, body));
        var again = Card(await Call(client, body));
        body["hookInstance"] = "7f1a3c52-0b7e-4c0e-9f57-1d7a2a4f0c11";
        var other = Card(await Call(client, body));

        Assert.Equal((string?)first["uuid"], (string?)again["uuid"]);
        Assert.NotEqual((string?)first["uuid"], (string?)other["uuid"]);
        Assert.NotEqual((string?)first["suggestions"]![0]!["uuid"], (string?)other["suggestions"]![0]!["uuid"]);
        Assert.Equal("info", (string?)first["indicator"]);
        var summary = (string)first["summary"]!;
        Assert.True(summary.Length < 140, summary);
        Assert.StartsWith("Routine: Exercise program may start", summary, StringComparison.Ordinal);
        Assert.StartsWith("Sciatica.Rules default/", (string?)first["source"]!["label"], StringComparison.Ordinal);
        Assert.StartsWith("https://", (string?)first["source"]!["url"], StringComparison.Ordinal);
        var detail = Text(first);
        var absolute = detail.IndexOf("absolute contraindications", StringComparison.Ordinal);
        var relative = detail.IndexOf("relative contraindications", StringComparison.Ordinal);
        Assert.True(absolute > 0 && relative > absolute, detail);
        Assert.Contains("Too Fit To Fracture", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(" you ", detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Program_CarePlanMarksDoNotPerformOnlyForAbsoluteExclusions()
    {
        using var client = host.CreateClient();
        var card = Card(await Call(client, Request(Intake("""{"causes":["herniatedDisc","osteoporosis"],"legPain":5,"backPain":3,"medicalClearance":true,"age":44,"symptomWeeks":2,"redFlags":[],"symptomsTolerateExercise":true}"""))));

        var plan = card["suggestions"]![0]!["actions"]![0]!["resource"]!;
        var details = plan["activity"]!.AsArray().Select(a => a!["detail"]).Where(d => d is not null).ToList();
        var rules = Sciatica.Rules.Catalogs.RuleSet.Default.Rules.ToDictionary(r => r.Id, r => r.Strength);

        Assert.NotEmpty(details);
        Assert.Contains(details, d => (bool?)d!["doNotPerform"] == true);
        Assert.Contains(details, d => (bool?)d!["doNotPerform"] != true);
        foreach (var detail in details)
        {
            var absolute = detail!["reasonCode"]!.AsArray().Any(r => rules.GetValueOrDefault((string)r!["coding"]![0]!["code"]!) == Sciatica.Rules.Catalogs.ContraindicationStrength.Absolute);
            Assert.Equal(absolute, (bool?)detail["doNotPerform"] == true);
        }
    }

    [Theory]
    [InlineData("""{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"medicalClearance":true,"redFlags":["saddleAnesthesia"],"symptomsTolerateExercise":true}""", "critical", "Emergency, now:")]
    [InlineData("""{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"medicalClearance":true,"redFlags":["fever","ivDrugUse"],"age":44,"symptomsTolerateExercise":true}""", "warning", "Urgent, within 24 hours:")]
    [InlineData("""{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"medicalClearance":false,"age":44,"redFlags":[],"symptomsTolerateExercise":true}""", "info", "before exercise starts:")]
    public async Task NotAProgram_CardLeadsWithHowSoon_DetailSaysTheSame_NoCarePlan(string profile, string indicator, string lead)
    {
        using var client = host.CreateClient();

        var card = Card(await Call(client, Request(Intake(profile))));

        Assert.Equal(indicator, (string?)card["indicator"]);
        Assert.StartsWith(lead, (string)card["summary"]!, StringComparison.Ordinal);
        var howSoon = lead.TrimEnd(':').Split(", ")[^1];
        Assert.Contains(howSoon, Text(card), StringComparison.Ordinal);
        if (indicator == "info")
        {
            // No clearance: the one thing that would change it is offered, with nothing to create.
            var suggestion = Assert.Single(card["suggestions"]!.AsArray())!;
            Assert.Contains("records medical clearance", (string)suggestion["label"]!, StringComparison.Ordinal);
            Assert.Null(suggestion["actions"]);
            Assert.Contains("What would change it", Text(card), StringComparison.Ordinal);
        }
        else
        {
            // A red flag: nothing a clinician can act on changes it, so nothing is suggested.
            Assert.Null(card["suggestions"]);
        }
    }

    [Fact]
    public async Task Program_WhatWouldChangeIt_OfferedBesideTheCarePlan_NeverAScreeningFact()
    {
        using var client = host.CreateClient();

        var card = Card(await Call(client, Request(Intake(Disc))));

        var suggestions = card["suggestions"]!.AsArray();
        Assert.Equal("at-most-one", (string?)card["selectionBehavior"]);
        Assert.Single(suggestions, s => s!["actions"] is not null);
        var changes = suggestions.Where(s => s!["actions"] is null).Select(s => (string)s!["label"]!).ToList();
        Assert.NotEmpty(changes);
        Assert.All(changes, label => Assert.Contains("can be included in the program when", label, StringComparison.Ordinal));
        Assert.Equal(suggestions.Count, suggestions.Select(s => (string)s!["uuid"]!).Distinct().Count());
    }

    [Theory]
    [InlineData("Patient/999", 2, "completed", "another patient")]
    [InlineData("Patient/123", 45, "completed", "45 days old")]
    [InlineData("Patient/123", 2, "entered-in-error", "entered in error")]
    [InlineData("Patient/123", 2, "stopped", "stopped")]
    [InlineData("Patient/123", 2, "in-progress", "in progress")]
    public async Task UnusableIntake_WarningSaysWhatIsWrong_NoProgram(string subject, double daysAgo, string status, string said)
    {
        using var client = host.CreateClient();
        var intake = Intake(Disc, subject, daysAgo);
        intake["status"] = status;

        var card = Card(await Call(client, Request(Bundle(intake))));

        Assert.Equal("warning", (string?)card["indicator"]);
        Assert.Contains(said, Text(card), StringComparison.Ordinal);
        Assert.Null(card["suggestions"]);
        Assert.DoesNotContain("exercise program may start", (Text(card)).ToLowerInvariant(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IntakeWithoutAuthored_Warning()
    {
        using var client = host.CreateClient();
        var intake = Intake(Disc);
        intake.Remove("authored");

        var card = Card(await Call(client, Request(intake)));

        Assert.Equal("warning", (string?)card["indicator"]);
        Assert.Contains("no date", Text(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DangerWithAnInvalidAnswer_EmergencyCardFirstThenTheWarning()
    {
        using var client = host.CreateClient();
        var intake = Intake("""{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"medicalClearance":true,"redFlags":["bladderDysfunction"],"symptomsTolerateExercise":true}""");
        var items = intake["item"]!.AsArray();
        items.Remove(items.FirstOrDefault(i => (string?)i!["linkId"] == "legPain"));
        items.Add(new JsonObject { ["linkId"] = "legPain", ["answer"] = new JsonArray(new JsonObject { ["valueInteger"] = 12 }) });

        var cards = JsonNode.Parse(await Call(client, Request(intake)))!["cards"]!.AsArray();

        Assert.Equal(2, cards.Count);
        Assert.Equal("critical", (string?)cards[0]!["indicator"]);
        Assert.Contains("now", (string?)cards[0]!["summary"], StringComparison.Ordinal);
        Assert.Null(cards[0]!["suggestions"]);
        Assert.Equal("warning", (string?)cards[1]!["indicator"]);
    }

    [Theory]
    [InlineData("redFlags", "red-flag question")]
    [InlineData("symptomsTolerateExercise", "symptoms allow exercise")]
    public async Task BlankScreeningItem_WarningNotAProgram(string linkId, string said)
    {
        using var client = host.CreateClient();
        var intake = Intake(Disc);
        var items = intake["item"]!.AsArray();
        items.Remove(items.FirstOrDefault(i => (string?)i!["linkId"] == linkId));
        items.Add(new JsonObject { ["linkId"] = linkId });

        var card = Card(await Call(client, Request(intake)));

        Assert.Equal("warning", (string?)card["indicator"]);
        Assert.Contains(said, Text(card), StringComparison.Ordinal);
        Assert.Null(card["suggestions"]);
    }

    [Fact]
    public async Task DangerWithABlankScreeningItem_EmergencyCardFirstThenTheWarning()
    {
        using var client = host.CreateClient();
        var intake = Intake("""{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"medicalClearance":true,"redFlags":["saddleAnesthesia"],"symptomsTolerateExercise":true}""");
        var items = intake["item"]!.AsArray();
        items.Remove(items.FirstOrDefault(i => (string?)i!["linkId"] == "symptomsTolerateExercise"));
        items.Add(new JsonObject { ["linkId"] = "symptomsTolerateExercise" });

        var cards = JsonNode.Parse(await Call(client, Request(intake)))!["cards"]!.AsArray();

        Assert.Equal(2, cards.Count);
        Assert.Equal("critical", (string?)cards[0]!["indicator"]);
        Assert.Contains("now", (string?)cards[0]!["summary"], StringComparison.Ordinal);
        Assert.Null(cards[0]!["suggestions"]);
        Assert.Equal("warning", (string?)cards[1]!["indicator"]);
        Assert.Contains("symptoms allow exercise", Text(cards[1]!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Patient/123", 2, "in-progress", true)]
    [InlineData("Patient/123", 2, "stopped", true)]
    [InlineData("Patient/999", 2, "completed", false)]
    [InlineData("Patient/123", 2, "entered-in-error", false)]
    [InlineData("Patient/123", 45, "completed", false)]
    public async Task DangerInAnUnusableIntake_SaidOnlyFromThisPatientsCurrentRecord(string subject, double daysAgo, string status, bool said)
    {
        using var client = host.CreateClient();
        var intake = Intake("""{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"medicalClearance":true,"redFlags":["bladderDysfunction"],"symptomsTolerateExercise":true}""", subject, daysAgo);
        intake["status"] = status;

        var cards = JsonNode.Parse(await Call(client, Request(Bundle(intake))))!["cards"]!.AsArray();

        Assert.Equal(said ? ["critical", "warning"] : new[] { "warning" }, cards.Select(c => (string?)c!["indicator"]));
    }

    [Fact]
    public async Task PrefetchNull_NoIntakeRecorded_NoCards()
    {
        using var client = host.CreateClient();

        var cards = JsonNode.Parse(await Call(client, Request(null)))!["cards"]!.AsArray();

        Assert.Empty(cards);
    }

    [Fact]
    public async Task EmptySearchBundle_NoCards()
    {
        using var client = host.CreateClient();

        Assert.Empty(JsonNode.Parse(await Call(client, Request(Bundle())))!["cards"]!.AsArray());
    }

    [Fact]
    public async Task PrefetchMissing_NoFhirServer_412()
    {
        using var client = host.CreateClient();

        using var response = await Post(client, Request(null, fhirServer: null, prefetch: false));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PrefetchMissing_FetchedFromFhirServerWithTheBearerToken()
    {
        using var client = host.CreateClient();
        host.FhirBundles["fetch-1"] = Bundle(Intake(Disc, "Patient/fetch-1")).ToJsonString();
        var body = Request(null, patientId: "fetch-1", fhirServer: host.FhirBase, prefetch: false);
        body["fhirAuthorization"] = new JsonObject { ["access_token"] = "some-opaque-fhir-access-token", ["token_type"] = "Bearer", ["expires_in"] = 300, ["scope"] = "user/QuestionnaireResponse.read", ["subject"] = "cds-service" };

        var card = Card(await Call(client, body));

        Assert.NotNull(card["suggestions"]);
        Assert.Contains("Bearer some-opaque-fhir-access-token", host.FhirAuthorizations);
    }

    [Fact]
    public async Task OperationOutcomePrefetch_FetchedFromFhirServer()
    {
        using var client = host.CreateClient();
        host.FhirBundles["fetch-2"] = Bundle(Intake(Disc, "Patient/fetch-2")).ToJsonString();
        var outcome = JsonNode.Parse("""{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"timeout","diagnostics":"prefetch timed out"}]}""");

        var card = Card(await Call(client, Request(outcome, patientId: "fetch-2", fhirServer: host.FhirBase)));

        Assert.NotNull(card["suggestions"]);
    }

    [Fact]
    public async Task OperationOutcomePrefetch_NoFhirServer_412_NeverAGuess()
    {
        using var client = host.CreateClient();
        var outcome = JsonNode.Parse("""{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"exception"}]}""");

        using var response = await Post(client, Request(outcome, fhirServer: null));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
    }

    [Theory]
    [InlineData("no-such-patient", "/fhir")]
    [InlineData("123", "/slow")]
    public async Task FhirServerFailsOrTimesOut_412(string patientId, string path)
    {
        using var client = host.CreateClient();
        var server = host.FhirBase.Replace("/fhir", path, StringComparison.Ordinal);

        using var response = await Post(client, Request(null, patientId: patientId, fhirServer: server, prefetch: false));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
    }

    [Fact]
    public async Task FhirServerAnswersAnotherPatientsIntake_Warning()
    {
        using var client = host.CreateClient();
        host.FhirBundles["fetch-3"] = Bundle(Intake(Disc, "Patient/someone-else")).ToJsonString();

        var card = Card(await Call(client, Request(null, patientId: "fetch-3", fhirServer: host.FhirBase, prefetch: false)));

        Assert.Equal("warning", (string?)card["indicator"]);
    }

    [Fact]
    public async Task SeveralIntakes_TheLatestAuthoredDecides()
    {
        using var client = host.CreateClient();
        var old = Intake("""{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"medicalClearance":true,"age":44,"redFlags":["saddleAnesthesia"],"symptomsTolerateExercise":true}""", daysAgo: 20);
        var recent = Intake(Disc, daysAgo: 1);

        var card = Card(await Call(client, Request(Bundle(old, recent))));

        Assert.Equal("info", (string?)card["indicator"]);
    }

    internal static JsonNode Card(string response) => Assert.Single(JsonNode.Parse(response)!["cards"]!.AsArray())!;

    internal async Task<string> Call(HttpClient client, JsonNode body)
    {
        using var response = await Post(client, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return text;
    }

    internal async Task<HttpResponseMessage> Post(HttpClient client, JsonNode body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Service) { Content = Json(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.EhrToken());
        return await client.SendAsync(request);
    }
}
