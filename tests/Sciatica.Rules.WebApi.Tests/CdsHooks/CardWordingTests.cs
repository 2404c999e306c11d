using System.Globalization;
using Sciatica.Rules.Catalogs;
using Sciatica.Rules.CdsHooks;

namespace Sciatica.Rules.WebApi.Tests.CdsHooks;

/// <summary>The card's own words agree with the rule set that decided, not with the default's thresholds.</summary>
public sealed class CardWordingTests
{
    [Theory]
    [InlineData(4, 3)]
    [InlineData(12, 8)]
    public void RecentSpineSurgery_SummaryNamesNoWaitOfItsOwn_DetailGivesTheRuleSetsWait(int minimumWeeks, int weeksSinceSurgery)
    {
        var ruleSet = new RuleSet("clinic", "1", RuleSet.Default.Contraindications, new RuleThresholds { MinimumWeeksAfterSpineSurgery = minimumWeeks });
        var profile = SciaticaJson.ReadProfile(string.Create(CultureInfo.InvariantCulture,
            $$"""{"causes":["herniatedDisc"],"legPain":3,"backPain":2,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true,"age":40,"symptomWeeks":2,"weeksSinceSpineSurgery":{{weeksSinceSurgery}}}"""));

        var decision = new ProgramSelector(ExerciseCatalog.Default, ruleSet).Select(profile);

        var summary = CardWording.Summary(decision);
        Assert.EndsWith("(recent spine surgery)", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("weeks", summary, StringComparison.Ordinal);
        var reason = CardWording.Reason(Assert.Single(decision.Reasons, r => r.RuleId == "advice-recent-spine-surgery"));
        Assert.Contains($"less than {minimumWeeks} weeks ago", reason, StringComparison.Ordinal);
    }
}
