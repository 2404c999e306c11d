using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Sciatica.Rules;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Tests.Serialization;

/// <summary>The JSON Schema files under schemas/ agree with the documents and with the C# model.</summary>
public sealed class SchemaTests
{
    private static readonly Lazy<Dictionary<string, (JsonSchema Schema, JsonObject Raw)>> Schemas = new(() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "schemas"), "*.schema.json").ToDictionary(
            path => Path.GetFileName(path).Replace(".schema.json", string.Empty, StringComparison.Ordinal),
            path => (JsonSchema.FromText(File.ReadAllText(path)), JsonNode.Parse(File.ReadAllText(path))!.AsObject())));

    private static string Errors(EvaluationResults results) =>
        string.Join("; ", (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    private static void AssertValid(string schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = Schemas.Value[schema].Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(results.IsValid, $"{schema}: {Errors(results)}\n{json}");
    }

    private static bool IsValid(string schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        return Schemas.Value[schema].Schema.Evaluate(document.RootElement).IsValid;
    }

    private static string[] Profiles(string pattern) =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "profiles"), pattern);

    [Fact]
    public void SampleProfiles_ValidateAgainstProfileSchema()
    {
        var files = Profiles("*.json").Where(f => !Path.GetFileName(f).StartsWith("review-", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(files);
        Assert.All(files, f => AssertValid("profile", File.ReadAllText(f)));
    }

    [Fact]
    public void SampleReviewRequests_ValidateAgainstReviewRequestSchema() =>
        Assert.All(Profiles("review-*.json"), f => AssertValid("review-request", File.ReadAllText(f)));

    [Fact]
    public void SampleBatch_ValidLinesValidateAndTheInvalidLineDoesNot()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "profiles", "batch.jsonl"));

        Assert.Equal([true, true, false, true], lines.Select(l => IsValid("profile", l)));
    }

    [Fact]
    public void CatalogDocuments_DefaultAndSamples_ValidateAgainstCatalogSchema()
    {
        AssertValid("catalog", CatalogLoader.Write(ExerciseCatalog.Default, RuleSet.Default));
        var samples = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "catalogs"), "*.json");
        Assert.NotEmpty(samples);
        Assert.All(samples, f => AssertValid("catalog", File.ReadAllText(f)));
    }

    [Theory]
    [InlineData("{\"causes\":[\"herniatedDisc\"],\"legPain\":6,\"backPain\":3,\"medicalClearance\":true,\"redFlags\":[],\"symptomsTolerateExercise\":true}")]
    [InlineData("{\"causes\":[\"tumor\"],\"legPain\":6,\"backPain\":3,\"medicalClearance\":true,\"redFlags\":[],\"symptomsTolerateExercise\":true}")]
    [InlineData("{\"causes\":[\"spinalStenosis\"],\"legPain\":6,\"backPain\":3,\"medicalClearance\":true,\"symptomsTolerateExercise\":true,\"redFlags\":[\"saddleAnesthesia\"]}")]
    [InlineData("{\"causes\":[\"bulgingDisc\"],\"legPain\":6,\"backPain\":3,\"medicalClearance\":true,\"redFlags\":[],\"symptomsTolerateExercise\":true,\"directionalPreference\":\"extension\",\"landWalkingPainful\":true,\"poolAccess\":true}")]
    public void Decisions_ValidateAgainstDecisionSchema(string profile) =>
        AssertValid("decision", SciaticaJson.WriteDecision(ProgramSelector.Default.Select(SciaticaJson.ReadProfile(profile)), indented: true));

    [Fact]
    public void Reviews_ValidateAgainstReviewSchema()
    {
        var request = SciaticaJson.ReadReviewRequest(File.ReadAllText(Profiles("review-progress.json")[0]));
        AssertValid("review", SciaticaJson.WriteReview(new SessionReviewer().Review(request.Profile, request.Feedback)));
        AssertValid("review", SciaticaJson.WriteReview(new SessionReviewer().Review(request.Profile, request.Feedback with { NewWeakness = true })));
    }

    [Theory]
    [InlineData("profile", "{\"causes\":[\"herniatedDisc\"],\"legPain\":6,\"backPain\":3,\"medicalClearance\":true,\"redFlags\":[],\"symptomsTolerateExercise\":true,\"redFlag\":[]}")]
    [InlineData("profile", "{\"causes\":[],\"legPain\":6,\"backPain\":3,\"medicalClearance\":true,\"redFlags\":[],\"symptomsTolerateExercise\":true}")]
    [InlineData("profile", "{\"causes\":[\"herniatedDisc\"],\"legPain\":6,\"backPain\":3}")]
    [InlineData("profile", "{\"causes\":[\"HerniatedDisc\"],\"legPain\":6,\"backPain\":3,\"medicalClearance\":true,\"redFlags\":[],\"symptomsTolerateExercise\":true}")]
    public void InvalidDocuments_RejectedBySchemaAndByReader(string schema, string json)
    {
        Assert.False(IsValid(schema, json));
        Assert.Throws<Sciatica.Rules.SciaticaValidationException>(() => SciaticaJson.ReadProfile(json));
    }

    [Fact]
    public void ProfileSchema_PropertiesAndEnums_MatchTheModel()
    {
        var schema = Schemas.Value["profile"].Raw;

        Assert.Equal(Keys(schema), ProfileReader.Properties.Order(StringComparer.Ordinal));
        Assert.Equal(Keys(JsonNode.Parse(SciaticaJson.WriteProfile(Tests.Profiles.Clear))!.AsObject()), Keys(schema));
        Assert.Equal(Enum(schema, "cause"), ContractNames.All<Cause>());
        Assert.Equal(Enum(schema, "redFlag"), ContractNames.All<RedFlag>());
        Assert.Equal(Enum(schema, "nerveRoot"), ContractNames.All<NerveRoot>());
        Assert.Equal(Enum(schema, "directionalPreference"), ContractNames.All<DirectionalPreference>());
        Assert.Equal(Keys(schema["properties"]!["clinicianOverrides"]!["items"]!.AsObject()), ProfileReader.OverrideProperties.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void DecisionSchema_Properties_MatchTheWrittenDecision()
    {
        var schema = Schemas.Value["decision"].Raw;
        // With what would change it, so that its member is written too (it is left out when not asked for).
        var written = JsonNode.Parse(SciaticaJson.WriteDecision(ProgramSelector.Default.Select(Tests.Profiles.Clear, SelectionOptions.WithWhatWouldChange)))!.AsObject();
        var exercise = written["exercises"]![0]!.AsObject();

        Assert.Equal(Keys(schema), Keys(written));
        Assert.Equal(Keys(schema["properties"]!["exercises"]!["items"]!.AsObject()), Keys(exercise));
        Assert.Equal(Keys(schema["$defs"]!["dosage"]!.AsObject()), Keys(exercise["dosage"]!.AsObject()));
        Assert.Equal(Keys(schema["$defs"]!["reason"]!.AsObject()), Keys(written["reasons"]![0]!.AsObject()));
        Assert.Equal(Keys(schema["properties"]!["excluded"]!["items"]!.AsObject()), Keys(written["excluded"]![0]!.AsObject()));
        Assert.Equal(Keys(schema["properties"]!["whatWouldChange"]!["items"]!.AsObject()), Keys(written["whatWouldChange"]![0]!.AsObject()));
        var everyChange = new ProfilePatch
        {
            MedicalClearance = true, SymptomsTolerateExercise = true, SetsDirectionalPreference = true, ClinicianOverrides = [Tests.Profiles.Override("bridge", "pregnancy-avoid-supine")], PoolAccess = true, LegPain = 1, BackPain = 1,
        };
        Assert.Equal(Keys(schema["properties"]!["whatWouldChange"]!["items"]!["properties"]!["patch"]!.AsObject()), Keys(JsonNode.Parse(SciaticaJson.WritePatch(everyChange))!.AsObject()));
        Assert.Equal(Enum(schema, "movement"), ContractNames.All<MovementPattern>());
        Assert.Equal(schema["properties"]!["decision"]!["enum"]!.AsArray().Select(v => (string)v!).Order(StringComparer.Ordinal), ContractNames.All<DecisionKind>().Order(StringComparer.Ordinal));
        Assert.Equal(schema["$defs"]!["reason"]!["properties"]!["source"]!["enum"]!.AsArray().Select(v => (string)v!), ClinicalSources.All);
    }

    [Fact]
    public void ReviewSchemas_Properties_MatchReaderAndWriter()
    {
        var request = Schemas.Value["review-request"].Raw;
        Assert.Equal(Keys(request), ReviewReader.RequestProperties.Order(StringComparer.Ordinal));
        Assert.Equal(Keys(request["$defs"]!["feedback"]!.AsObject()), ReviewReader.FeedbackProperties.Order(StringComparer.Ordinal));
        Assert.Equal(Keys(request["$defs"]!["feedback"]!["properties"]!["exercises"]!["items"]!.AsObject()), ReviewReader.ExerciseProperties.Order(StringComparer.Ordinal));
        Assert.Equal(Keys(request["$defs"]!["dosage"]!.AsObject()), DosageReader.Properties.Order(StringComparer.Ordinal));

        var review = Schemas.Value["review"].Raw;
        var written = JsonNode.Parse(SciaticaJson.WriteReview(new SessionReviewer().Review(Tests.Profiles.Clear, new SessionFeedback
        { NewNumbness = false, NewRedFlags = [], NewWeakness = false,
            NextMorning = NextMorningChange.Same,
            Exercises = [new ExerciseFeedback { Id = "walking", PainDuring = 1, SymptomChange = SymptomChange.Unchanged }],
        })))!.AsObject();
        Assert.Equal(Keys(review), Keys(written));
        Assert.Equal(Keys(review["properties"]!["exercises"]!["items"]!.AsObject()), Keys(written["exercises"]![0]!.AsObject()));
    }

    [Fact]
    public void CatalogSchema_Properties_MatchReaderAndWriter()
    {
        var schema = Schemas.Value["catalog"].Raw;
        var written = JsonNode.Parse(CatalogLoader.Write(ExerciseCatalog.Default, RuleSet.Default))!.AsObject();
        var p = schema["properties"]!;

        Assert.Equal(Keys(schema), CatalogReader.RootProperties.Order(StringComparer.Ordinal));
        // A written catalog is in the full form: every property but "extends", which only overlays use.
        Assert.Equal(Keys(schema).Where(k => k != "extends"), Keys(written));
        Assert.Equal(Keys(p["thresholds"]!.AsObject()), CatalogReader.ThresholdProperties.Order(StringComparer.Ordinal));
        Assert.Equal(Keys(p["thresholds"]!.AsObject()), Keys(written["thresholds"]!.AsObject()));
        Assert.Equal(Keys(p["screening"]!["items"]!.AsObject()), CatalogReader.GateProperties.Order(StringComparer.Ordinal));
        Assert.Equal(Keys(p["screening"]!["items"]!.AsObject()), Keys(written["screening"]![0]!.AsObject()));
        Assert.Equal(Keys(p["exercises"]!["items"]!.AsObject()), CatalogReader.ExerciseProperties.Order(StringComparer.Ordinal));
        Assert.Equal(Keys(p["exercises"]!["items"]!.AsObject()), Keys(written["exercises"]![0]!.AsObject()));
        Assert.Equal(Keys(p["contraindications"]!["items"]!.AsObject()), CatalogReader.ContraindicationProperties.Order(StringComparer.Ordinal));
        Assert.Equal(Keys(p["contraindications"]!["items"]!.AsObject()), Keys(written["contraindications"]![0]!.AsObject()));
        Assert.Equal(p["exercises"]!["items"]!["properties"]!["position"]!["enum"]!.AsArray().Select(v => (string)v!), ContractNames.All<BodyPosition>());
        Assert.Equal(p["exercises"]!["items"]!["properties"]!["kind"]!["enum"]!.AsArray().Select(v => (string)v!), ContractNames.All<ExerciseKind>());
    }

    private static IEnumerable<string> Keys(JsonObject node) =>
        (node["properties"] is JsonObject properties ? properties : node).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();

    private static IEnumerable<string> Enum(JsonObject schema, string def) =>
        schema["$defs"]![def]!["enum"]!.AsArray().Select(v => (string)v!).ToList();
}
