using System.Text;
using System.Text.Json.Nodes;
using Sciatica.Rules;
using Sciatica.Rules.Catalogs;
using static Sciatica.Rules.Tests.Serialization.CatalogDocuments;

namespace Sciatica.Rules.Tests.Serialization;

public sealed class CatalogLoaderTests
{
    private static SciaticaValidationException Rejected(JsonObject document) =>
        Assert.Throws<SciaticaValidationException>(() => Load(document.ToJsonString()));

    private static JsonObject Exercise(JsonObject document, string id) =>
        document["exercises"]!.AsArray().Single(e => (string?)e!["id"] == id)!.AsObject();

    [Fact]
    public void Load_DefaultDocument_SameEngineAsTheDefault()
    {
        var engine = Load(DefaultDocument);

        Assert.Equal(ProgramSelector.Default.RuleSetVersion, engine.RuleSetVersion);
        Assert.Equal(ProgramSelector.Default.Select(Profiles.With(Cause.HerniatedDisc)), engine.Select(Profiles.With(Cause.HerniatedDisc)));
    }

    [Fact]
    public void Load_ClinicAddsAquaticExerciseAndStricterAge_ChangesTheDecision()
    {
        var document = Document();
        var pool = JsonNode.Parse(Exercise(document, "water-walking").ToJsonString())!.AsObject();
        pool["id"] = "aqua-jogging";
        pool["name"] = "Deep-water jogging";
        pool["kind"] = "strengthening";
        pool["dosage"] = new JsonObject { ["holdSeconds"] = null, ["repetitions"] = 10, ["sets"] = 1, ["minutes"] = null, ["timesPerDay"] = 1 };
        pool["minimumDosage"] = new JsonObject { ["repetitions"] = 5, ["sets"] = 1, ["timesPerDay"] = 1 };
        pool["maximumDosage"] = new JsonObject { ["repetitions"] = 20, ["sets"] = 2, ["timesPerDay"] = 1 };
        pool["progressionStep"] = new JsonObject { ["repetitions"] = 2 };
        document["exercises"]!.AsArray().Add(pool);
        document["name"] = "clinic-north";
        document["thresholds"]!["seriousPathologyMaximumAge"] = 45;

        var clinic = Load(document.ToJsonString());
        var person = Profiles.With(Cause.Injury) with { Age = 47, PoolAccess = true };

        Assert.Equal(DecisionKind.Program, ProgramSelector.Default.Select(person).Decision);
        Assert.Equal(DecisionKind.TreatCauseFirst, clinic.Select(person).Decision);
        Assert.Contains(clinic.Select(person with { Age = 40 }).Exercises, e => e.Id == "aqua-jogging");
        Assert.StartsWith("clinic-north/3.0.0+", clinic.RuleSetVersion, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateExerciseId_NamesThePath()
    {
        var document = Document();
        Exercise(document, "bridge")["id"] = "walking";

        Assert.Contains(Rejected(document).Problems, p => p.Path.EndsWith(".id", StringComparison.Ordinal) && p.Message.Contains("duplicate", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("kind", "\"yoga\"", "aerobic, stretch")]
    [InlineData("movements", "[\"lumbarTwist\"]", "lumbarRotation")]
    [InlineData("name", "\"\"", "non-empty text")]
    [InlineData("source", "\"BLOG\"", "SEED")]
    [InlineData("instructions", "[]", "at least one step")]
    public void Load_BadExerciseField_NamesFieldAndAllowedValues(string field, string value, string allowed)
    {
        var document = Document();
        var index = document["exercises"]!.AsArray().IndexOf(Exercise(document, "bridge"));
        Exercise(document, "bridge")[field] = JsonNode.Parse(value);

        var problem = Assert.Single(Rejected(document).Problems);

        Assert.StartsWith($"$.exercises[{index}].{field}", problem.Path, StringComparison.Ordinal);
        Assert.Contains(allowed, problem.Message, StringComparison.Ordinal);
        Assert.NotNull(problem.LineNumber);
    }

    [Theory]
    [InlineData("holdSeconds", 121, "above the largest allowed value 120")]
    [InlineData("holdSeconds", -30, "an integer >= 1")]
    [InlineData("repetitions", 0, "an integer >= 1")]
    public void Load_AbsurdDosage_Rejected(string field, int value, string expected)
    {
        var document = Document();
        Exercise(document, "knee-to-chest")["dosage"]![field] = value;
        Exercise(document, "knee-to-chest")["maximumDosage"]![field] = value;

        Assert.Contains(Rejected(document).Problems, p => p.Path.Contains($"Dosage.{field}", StringComparison.OrdinalIgnoreCase) && p.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_MissingRequiredField_NamedWithLine()
    {
        var document = Document();
        Exercise(document, "bridge").Remove("rationale");

        var problem = Assert.Single(Rejected(document).Problems);

        Assert.EndsWith(".rationale", problem.Path, StringComparison.Ordinal);
        Assert.Contains("is required", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RemovedRedFlagGate_Rejected()
    {
        var document = Document();
        var gates = document["screening"]!.AsArray();
        gates.Remove(gates.Single(g => (string?)g!["redFlag"] == "bladderDysfunction"));

        var problem = Assert.Single(Rejected(document).Problems);

        Assert.Equal("$.screening", problem.Path);
        Assert.Contains("bladderDysfunction", problem.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be removed", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WeakenedGate_RejectedButTightenedGateAccepted()
    {
        var weakened = Document();
        weakened["screening"]!.AsArray().Single(g => (string?)g!["redFlag"] == "saddleAnesthesia")!["decision"] = "seekMedicalAdvice";
        Assert.Contains("less urgent", Assert.Single(Rejected(weakened).Problems).Message, StringComparison.Ordinal);

        var tightened = Document();
        tightened["screening"]!.AsArray().Single(g => (string?)g!["redFlag"] == "fever")!["decision"] = "emergency";
        Assert.Equal(DecisionKind.Emergency, Load(tightened.ToJsonString()).Select(Profiles.WithFlags(RedFlag.Fever)).Decision);
    }

    [Fact]
    public void Load_RemovedOrWeakenedDefaultContraindication_Rejected()
    {
        var removed = Document();
        var list = removed["contraindications"]!.AsArray();
        list.Remove(list.Single(c => (string?)c!["id"] == "osteoporosis-avoid-twisting"));
        Assert.Contains("osteoporosis-avoid-twisting", Assert.Single(Rejected(removed).Problems).Message, StringComparison.Ordinal);

        var weakened = Document();
        weakened["contraindications"]!.AsArray().Single(c => (string?)c!["id"] == "osteoporosis-avoid-twisting")!["strength"] = "relative";
        Assert.Contains("strength must stay 'absolute'", Assert.Single(Rejected(weakened).Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LoosenedThreshold_Rejected()
    {
        var document = Document();
        document["thresholds"]!["minimumWeeksAfterSpineSurgery"] = 2;

        Assert.Equal("$.thresholds.minimumWeeksAfterSpineSurgery", Assert.Single(Rejected(document).Problems).Path);
    }

    [Fact]
    public void Load_ManyProblems_AllReportedAtOnceWithLines()
    {
        var document = Document();
        document["unexpected"] = 1;
        Exercise(document, "bridge")["kind"] = "yoga";
        Exercise(document, "walking")["name"] = " ";
        document["contraindications"]![0]!["movements"] = new JsonArray();
        document["thresholds"]!["maximumPainDuringExercise"] = 8;

        var error = Rejected(document);

        Assert.True(error.Problems.Count >= 5, error.Message);
        Assert.All(error.Problems, p => Assert.NotNull(p.LineNumber));
        Assert.Contains("line", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MalformedJson_Rejected() =>
        Assert.Contains("not valid JSON", Assert.Throws<SciaticaValidationException>(() => Load("{ \"name\": ")).Message, StringComparison.Ordinal);

    [Fact]
    public void Load_MissingFile_Throws() =>
        Assert.ThrowsAny<IOException>(() => CatalogLoader.Load("/nonexistent/catalog.json"));
}
