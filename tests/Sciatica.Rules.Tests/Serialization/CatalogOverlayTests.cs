using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Tests.Serialization;

/// <summary>Overlays ("extends": "default") add and tighten; they never remove or weaken. Options thresholds merge field by field.</summary>
public sealed class CatalogOverlayTests
{
    private static ProgramSelector Load(string json) => CatalogLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Load_EmptyOverlay_InheritsEveryDefaultRuleAndExercise()
    {
        var clinic = Load("""{ "name": "clinic", "version": "1", "extends": "default" }""");

        Assert.Equal(ExerciseCatalog.Default.Exercises.Select(e => e.Id), clinic.Catalog.Exercises.Select(e => e.Id));
        Assert.Equal(RuleSet.Default.Rules.Select(r => r.Id).Order(StringComparer.Ordinal), clinic.RuleSet.Rules.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal(RuleSet.Default.Thresholds, clinic.RuleSet.Thresholds);
        Assert.StartsWith("clinic/1+", clinic.RuleSetVersion, StringComparison.Ordinal);
        Assert.Equal(ProgramSelector.Default.Select(Profiles.Clear).Exercises, clinic.Select(Profiles.Clear).Exercises);
    }

    [Fact]
    public void Load_SampleClinicOverlay_AddsItsExerciseAndTightensAge()
    {
        var clinic = CatalogLoader.Load(Path.Combine(AppContext.BaseDirectory, "catalogs", "clinic-north.json"));

        Assert.NotNull(clinic.Catalog.Find("pool-knee-lifts"));
        Assert.Equal(45, clinic.RuleSet.Thresholds.SeriousPathologyMaximumAge);
        Assert.Equal(RuleSet.Default.Thresholds.MinimumWeeksAfterSpineSurgery, clinic.RuleSet.Thresholds.MinimumWeeksAfterSpineSurgery);
    }

    [Fact]
    public void Load_OverlayLooseningAThreshold_NamesFieldCatalogValueAndRequestedValue()
    {
        var error = Assert.Throws<SciaticaValidationException>(() => Load("""{ "name": "loose", "version": "1", "extends": "default", "thresholds": { "seriousPathologyMaximumAge": 55, "minimumWeeksAfterSpineSurgery": 6 } }"""));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.thresholds.seriousPathologyMaximumAge", problem.Path);
        Assert.Contains("is 55, looser than the default catalog's 50", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OverlayRestatingInheritedItems_EachNamedAtItsPath()
    {
        var walking = CatalogLoader.Write(ExerciseCatalog.Default, RuleSet.Default);
        var document = System.Text.Json.Nodes.JsonNode.Parse(walking)!;
        var overlay = new System.Text.Json.Nodes.JsonObject
        {
            ["name"] = "weaker",
            ["version"] = "1",
            ["extends"] = "default",
            ["exercises"] = new System.Text.Json.Nodes.JsonArray(document["exercises"]!.AsArray().First(e => (string?)e!["id"] == "walking")!.DeepClone()),
            ["contraindications"] = new System.Text.Json.Nodes.JsonArray(document["contraindications"]!.AsArray().First(c => (string?)c!["id"] == "osteoporosis-avoid-spinal-flexion")!.DeepClone()),
        };
        overlay["contraindications"]![0]!["strength"] = "relative";

        var error = Assert.Throws<SciaticaValidationException>(() => Load(overlay.ToJsonString()));

        Assert.Contains(error.Problems, p => p.Path == "$.exercises[0].id" && p.Message.Contains("inherits it", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Path == "$.contraindications[0].id" && p.Message.Contains("inherits it", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("default", true)]
    [InlineData("default@3.0.0", true)]
    [InlineData("default@1.0.0", false)]
    [InlineData("clinic-south", false)]
    public void Load_ExtendsPinnedToAVersionOrHash_AcceptedOnlyWhenItMatches(string extends, bool accepted)
    {
        var json = $$"""{ "name": "pinned", "version": "1", "extends": "{{extends}}" }""";

        if (accepted)
        {
            Assert.NotNull(Load(json));
        }
        else
        {
            Assert.Equal("$.extends", Assert.Single(Assert.Throws<SciaticaValidationException>(() => Load(json)).Problems).Path);
        }

        Assert.NotNull(Load($$"""{ "name": "pinned", "version": "1", "extends": "default@{{ProgramSelector.Default.RuleSetVersion}}" }"""));
    }

    [Fact]
    public void AddSciaticaRules_OptionsSetOnlyTheAge_KeepTheCatalogsEightWeekWait()
    {
        // The regression: options thresholds replaced the catalog's wholesale, so setting only the age brought back 4 weeks.
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{ "name": "clinic", "version": "1", "extends": "default", "thresholds": { "minimumWeeksAfterSpineSurgery": 8 } }""");
            using var provider = new ServiceCollection()
                .AddSciaticaRules(o => { o.CatalogPath = path; o.Thresholds = new RuleThresholds { SeriousPathologyMaximumAge = 45 }; })
                .BuildServiceProvider();

            var thresholds = provider.GetRequiredService<ProgramSelector>().RuleSet.Thresholds;

            Assert.Equal(8, thresholds.MinimumWeeksAfterSpineSurgery);
            Assert.Equal(45, thresholds.SeriousPathologyMaximumAge);
            Assert.Equal(DecisionKind.SeekMedicalAdvice, provider.GetRequiredService<IProgramSelector>().Select(Profiles.Clear with { WeeksSinceSpineSurgery = 6 }).Decision);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AddSciaticaRules_OptionsLooserThanTheCatalog_RefusedAtStartUpNamingBothValues()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{ "name": "clinic", "version": "1", "extends": "default", "thresholds": { "minimumWeeksAfterSpineSurgery": 8 } }""");
            using var provider = new ServiceCollection()
                .AddSciaticaRules(o => { o.CatalogPath = path; o.Thresholds = new RuleThresholds { MinimumWeeksAfterSpineSurgery = 6 }; })
                .BuildServiceProvider();

            var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

            Assert.Contains("minimumWeeksAfterSpineSurgery", error.Message, StringComparison.Ordinal);
            Assert.Contains("is 6, looser than the clinic catalog's 8", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private const string WithOwnSource = """
        { "name": "clinic", "version": "1", "extends": "default",
          "sources": [ { "id": "CLINIC-PROTOCOL-2025", "citation": "Clinic North, aquatic therapy protocol, 2025.", "link": "https://example.org/protocol" } ],
          "contraindications": [ { "id": "clinic-no-prone-after-60", "causes": ["spinalStenosis"], "positions": ["prone"], "strength": "relative",
            "rationale": "The clinic keeps people with stenosis off their front.", "source": "CLINIC-PROTOCOL-2025" } ] }
        """;

    [Fact]
    public void Load_DeclaredSource_CitedByARuleAndWrittenBack()
    {
        var clinic = Load(WithOwnSource);

        var source = Assert.Single(clinic.RuleSet.DeclaredSources);
        Assert.Equal("CLINIC-PROTOCOL-2025", source.Id);
        Assert.Equal("https://example.org/protocol", source.Link);
        Assert.Contains(clinic.RuleSet.Rules, r => r.Id == "clinic-no-prone-after-60" && r.Source == "CLINIC-PROTOCOL-2025");
        var again = Load(CatalogLoader.Write(clinic.Catalog, clinic.RuleSet));
        Assert.Equal(clinic.RuleSetVersion, again.RuleSetVersion);
        Assert.Empty(RuleSet.Default.DeclaredSources);
    }

    [Theory]
    [InlineData("\"source\": \"CLINIC-PROTOCOL-2025\"", "\"source\": \"CLINIC-OTHER\"", "$.contraindications[0].source")]
    [InlineData("\"id\": \"CLINIC-PROTOCOL-2025\"", "\"id\": \"SEED\"", "$.sources[0].id")]
    [InlineData("\"id\": \"CLINIC-PROTOCOL-2025\"", "\"id\": \"clinic protocol\"", "$.sources[0].id")]
    [InlineData("https://example.org/protocol", "ftp://example.org", "$.sources[0].link")]
    public void Load_BadSourceOrUndeclaredCitation_NamesThePath(string from, string to, string path)
    {
        var error = Assert.Throws<SciaticaValidationException>(() => Load(WithOwnSource.Replace(from, to, StringComparison.Ordinal)));

        Assert.Contains(error.Problems, p => p.Path == path);
    }
}
