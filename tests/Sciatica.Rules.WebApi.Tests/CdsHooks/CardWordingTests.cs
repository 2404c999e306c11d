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
        var profile = new PatientProfile
        {
            Causes = [Cause.HerniatedDisc],
            LegPain = 3,
            BackPain = 2,
            MedicalClearance = true,
            RedFlags = [],
            SymptomsTolerateExercise = true,
            Age = 40,
            SymptomWeeks = 2,
            WeeksSinceSpineSurgery = weeksSinceSurgery,
        };

        var decision = new ProgramSelector(ExerciseCatalog.Default, ruleSet).Select(profile);

        var summary = CardWording.Summary(decision);
        Assert.EndsWith("(recent spine surgery)", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("weeks", summary, StringComparison.Ordinal);
        var reason = CardWording.Reason(Assert.Single(decision.Reasons, r => r.RuleId == "advice-recent-spine-surgery"));
        Assert.Contains($"less than {minimumWeeks} weeks ago", reason, StringComparison.Ordinal);
    }
}
