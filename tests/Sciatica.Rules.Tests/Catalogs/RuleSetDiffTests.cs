using System.Text;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Tests.Catalogs;

/// <summary>The rule-set diff a clinical lead reads before sign-off: empty for no change, exactly the known edits otherwise.</summary>
public sealed class RuleSetDiffTests
{
    private static ProgramSelector Overlay(string body) =>
        CatalogLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes("""{ "name": "clinic", "version": "1", "extends": "default", """ + body + "}")));

    [Fact]
    public void Compare_CatalogWithItself_NoChange() =>
        Assert.Empty(RuleSetDiff.Compare(ProgramSelector.Default, new ProgramSelector(), 5_000).Changes);

    [Fact]
    public void Compare_StricterAgeLimit_FindsExactlyTheInjuredPeopleOverTheNewLimit()
    {
        var clinic = Overlay(""" "thresholds": { "seriousPathologyMaximumAge": 45 } """);

        var diff = RuleSetDiff.Compare(ProgramSelector.Default, clinic, 5_000, seed: 7);

        Assert.NotEmpty(diff.Changes);
        Assert.All(diff.Changes, change =>
        {
            Assert.Equal(["treat-first-trauma-older-age"], change.RuleIds);
            Assert.Equal(DecisionKind.TreatCauseFirst, change.ToDecision);
            Assert.Contains(Cause.Injury, change.ExampleProfile.Causes);
            Assert.InRange(change.ExampleProfile.Age!.Value, 46, 50);
        });

        // Computed independently over the same stated sample: the diff counts exactly the profiles that differ.
        var differing = RuleSetDiff.SampleProfiles(ProgramSelector.Default, clinic, 5_000, seed: 7).Count(p =>
            ProgramSelector.Default.Select(p).Decision != clinic.Select(p).Decision
            || !ProgramSelector.Default.Select(p).Exercises.Select(e => e.Id).SequenceEqual(clinic.Select(p).Exercises.Select(e => e.Id)));
        Assert.Equal(differing, diff.Changes.Sum(c => c.Profiles));
    }

    [Fact]
    public void Compare_NewContraindication_FindsOnlyTheExerciseItLeavesOut()
    {
        var clinic = Overlay("""
            "contraindications": [ { "id": "stenosis-avoid-bridge", "causes": ["spinalStenosis"], "movements": ["hipExtension"],
              "strength": "relative", "rationale": "The clinic leaves bridges out with stenosis.", "source": "SEED" } ]
            """);

        var diff = RuleSetDiff.Compare(ProgramSelector.Default, clinic, 5_000);

        var change = Assert.Single(diff.Changes);
        Assert.Equal(DecisionKind.Program, change.FromDecision);
        Assert.Equal(DecisionKind.Program, change.ToDecision);
        Assert.Equal(["bridge"], change.ExercisesRemoved);
        Assert.Empty(change.ExercisesAdded);
        Assert.Equal(["stenosis-avoid-bridge"], change.RuleIds);
        Assert.Contains(Cause.SpinalStenosis, change.ExampleProfile.Causes);
    }

    [Fact]
    public void Compare_TimeframeAloneChanges_IsADecisionChange_InTheLibraryAndTheCli()
    {
        const string Body = """
            "screening": [ { "id": "clinic-fever-now", "redFlag": "fever", "decision": "treatCauseFirst", "timeframe": "now",
              "rationale": "The clinic sees fever the same hour.", "source": "SEED" } ]
            """;
        var clinic = Overlay(Body);
        var fever = Profiles.WithFlags(RedFlag.Fever);
        Assert.Equal(ProgramSelector.Default.Select(fever).Decision, clinic.Select(fever).Decision);

        var diff = RuleSetDiff.Compare(ProgramSelector.Default, clinic, 5_000);

        Assert.NotEmpty(diff.Changes);
        Assert.All(diff.Changes, change =>
        {
            Assert.Equal(change.FromDecision, change.ToDecision);
            Assert.Equal(Timeframe.Now, change.ToTimeframe);
            Assert.NotEqual(Timeframe.Now, change.FromTimeframe);
            Assert.Contains("clinic-fever-now", change.RuleIds);
            Assert.Contains(RedFlag.Fever, change.ExampleProfile.RedFlags);
        });
        var differing = RuleSetDiff.SampleProfiles(ProgramSelector.Default, clinic, 5_000).Count(p => ProgramSelector.Default.Select(p).Timeframe != clinic.Select(p).Timeframe);
        Assert.Equal(differing, diff.Changes.Sum(c => c.Profiles));

        var file = Path.Combine(Path.GetTempPath(), "sciatica-diff-timeframe-" + Environment.ProcessId + ".json");
        File.WriteAllText(file, """{ "name": "clinic", "version": "1", "extends": "default", """ + Body + "}");
        try
        {
            var text = Cli.CliRunner.Run(null, "diff", "--from", "default", "--to", file);
            var json = Cli.CliRunner.Run(null, "diff", "--from", "default", "--to", file, "--format", "json");

            Assert.Equal(3, text.ExitCode);
            Assert.DoesNotContain("No decision changes", text.Output, StringComparison.Ordinal);
            Assert.Contains("(within24Hours) -> treatCauseFirst (now)", text.Output, StringComparison.Ordinal);
            using var report = System.Text.Json.JsonDocument.Parse(json.Output);
            Assert.Contains(report.RootElement.GetProperty("changes").EnumerateArray(), c => c.GetProperty("toTimeframe").GetString() == "now");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Compare_SameInputs_SameComparison()
    {
        var clinic = Overlay(""" "thresholds": { "severePainFrom": 6 } """);

        Assert.Equal(RuleSetDiff.Compare(ProgramSelector.Default, clinic, 3_000), RuleSetDiff.Compare(ProgramSelector.Default, clinic, 3_000));
    }

    [Fact]
    public void CliDiff_ExitCodeTellsNoChangeFromChanges()
    {
        var same = Cli.CliRunner.Run(null, "diff", "--from", "default", "--to", "default");
        var clinic = Cli.CliRunner.Run(null, "diff", "--from", "default", "--to", Path.Combine(AppContext.BaseDirectory, "catalogs", "clinic-north.json"), "--format", "json");

        Assert.Equal(0, same.ExitCode);
        Assert.Contains("No decision changes.", same.Output, StringComparison.Ordinal);
        Assert.Equal(3, clinic.ExitCode);
        using var report = System.Text.Json.JsonDocument.Parse(clinic.Output);
        Assert.Contains(report.RootElement.GetProperty("changes").EnumerateArray(), c => c.GetProperty("ruleIds").EnumerateArray().Any(r => r.GetString() == "treat-first-trauma-older-age"));
    }
}
