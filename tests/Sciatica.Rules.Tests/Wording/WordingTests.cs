using System.Text.RegularExpressions;
using Sciatica.Rules;
using Sciatica.Rules.Catalogs;
using Xunit;
using Say = Sciatica.Rules.Wording;

namespace Sciatica.Rules.Tests.Wording;

public sealed class WordingTests
{
    public static TheoryData<DecisionKind, Timeframe?, Audience> Decisions()
    {
        var data = new TheoryData<DecisionKind, Timeframe?, Audience>();
        foreach (var audience in Enum.GetValues<Audience>())
        {
            foreach (var kind in Enum.GetValues<DecisionKind>().Where(k => k != DecisionKind.Unspecified))
            {
                data.Add(kind, Timeframes.For(kind), audience);
            }

            // A treat-first decision is within 24 hours when a fever suggests a spinal infection.
            data.Add(DecisionKind.TreatCauseFirst, Timeframe.Within24Hours, audience);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Decisions))]
    public void Explanation_EveryDecision_SaysItsHowSoonWords(DecisionKind kind, Timeframe? timeframe, Audience audience)
    {
        var explanation = Say.Explanation(kind, timeframe, audience);

        Assert.False(string.IsNullOrWhiteSpace(Say.Headline(kind, audience)));
        if (timeframe is { } soon)
        {
            Assert.Contains(Say.HowSoon(soon, audience), explanation, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [MemberData(nameof(Decisions))]
    public void Explanation_OtherTimeframes_AreNotNamed(DecisionKind kind, Timeframe? timeframe, Audience audience)
    {
        var explanation = Say.Explanation(kind, timeframe, audience);

        // "now" is a word of other sentences too ("know"), so it is matched as a whole word.
        foreach (var other in Enum.GetValues<Timeframe>().Where(t => t != timeframe))
        {
            var words = Say.HowSoon(other, audience);
            Assert.DoesNotMatch(new Regex($@"\b{Regex.Escape(words)}\b", RegexOptions.IgnoreCase), explanation);
        }
    }

    [Fact]
    public void Headline_Emergency_SaysNowLikeItsTimeframe()
    {
        foreach (var audience in Enum.GetValues<Audience>())
        {
            Assert.Contains(Say.HowSoon(Timeframe.Now, audience), Say.Headline(DecisionKind.Emergency, audience), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(ReviewDecision.SeekMedicalAdvice, DecisionKind.SeekMedicalAdvice)]
    [InlineData(ReviewDecision.TreatCauseFirst, DecisionKind.TreatCauseFirst)]
    [InlineData(ReviewDecision.UrgentReferral, DecisionKind.UrgentReferral)]
    [InlineData(ReviewDecision.Emergency, DecisionKind.Emergency)]
    public void Headline_ReviewThatEndsTheProgram_SaysStopThenTheDecision(ReviewDecision review, DecisionKind kind)
    {
        foreach (var audience in Enum.GetValues<Audience>())
        {
            var headline = Say.Headline(review, audience);
            Assert.StartsWith("Stop", headline, StringComparison.Ordinal);
            Assert.EndsWith(Say.Headline(kind, audience), headline, StringComparison.Ordinal);
            Assert.Equal(Say.Explanation(kind, Timeframes.For(kind), audience), Say.Explanation(review, Timeframes.For(kind), audience));
        }
    }

    [Fact]
    public void Explanation_TimeframeThatDoesNotFit_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Say.Explanation(DecisionKind.Program, Timeframe.Now, Audience.Person));
        Assert.Throws<ArgumentOutOfRangeException>(() => Say.Explanation(DecisionKind.Emergency, null, Audience.Person));
        Assert.Throws<ArgumentOutOfRangeException>(() => Say.Explanation(ReviewDecision.Adjust, Timeframe.Now, Audience.Person));
        Assert.Throws<ArgumentOutOfRangeException>(() => Say.Headline(DecisionKind.Unspecified, Audience.Person));
        Assert.Throws<ArgumentOutOfRangeException>(() => Say.Headline(DecisionKind.Program, (Audience)7));
    }

    [Fact]
    public void Action_EveryReviewAction_DiffersFromTheOthers()
    {
        foreach (var audience in Enum.GetValues<Audience>())
        {
            var actions = Enum.GetValues<ReviewAction>().Where(a => a != ReviewAction.Unspecified).Select(a => Say.Action(a, audience)).ToList();
            Assert.Equal(actions.Count, actions.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        }
    }

    public static TheoryData<string> RuleIds() => [.. RuleSet.Default.Rules.Select(r => r.Id)];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Reason_Person_NamesNoRuleIdAndNoSourceId(string ruleId)
    {
        var rule = RuleSet.Default.Rules.Single(r => r.Id == ruleId);
        // Each built-in rule's reason as a decision would carry it, plus the bookkeeping ones that quote rule ids.
        var plain = Say.Reason(new DecisionReason(rule.Id, rule.Rationale, rule.Source), Audience.Person);

        AssertPlain(plain);
    }

    [Fact]
    public void Reason_Person_DecisionsWithOverridesAndPreferences_NameNoRuleId()
    {
        var profiles = new[]
        {
            Profiles.With(Cause.HerniatedDisc) with { ClinicianOverrides = [Profiles.Override("lower-trunk-rotation", "disc-avoid-rotation")] },
            Profiles.With(Cause.HerniatedDisc) with { DirectionalPreference = DirectionalPreference.Extension },
            Profiles.WithFlags(RedFlag.BladderDysfunction) with { ClinicianOverrides = [Profiles.Override("lower-trunk-rotation", "disc-avoid-rotation")] },
            Profiles.With(Cause.Osteoporosis) with { ClinicianOverrides = [Profiles.Override("knee-to-chest", "osteoporosis-avoid-spinal-flexion")] },
        };
        var reasons = profiles.Select(ProgramSelector.Default.Select)
            .SelectMany(d => d.Reasons.Concat(d.Excluded.SelectMany(x => x.Reasons)))
            .ToList();

        Assert.Contains(reasons, r => r.Message.Contains('\'', StringComparison.Ordinal));
        foreach (var reason in reasons)
        {
            AssertPlain(Say.Reason(reason, Audience.Person));
        }
    }

    [Fact]
    public void Reason_PersonWithBracketedSourceIds_DropsThem()
    {
        var reason = new DecisionReason("clinic-own-rule", "Avoid deep squats for now [TBC; NG59-1.2.1]. Walk instead [SEED].", "TBC");

        Assert.Equal("Avoid deep squats for now. Walk instead.", Say.Reason(reason, Audience.Person));
    }

    [Fact]
    public void Reason_Clinician_NamesTheRuleAndTheSourcesFullName()
    {
        var reason = new DecisionReason("disc-avoid-extension", "Back bends are avoided.", ClinicalSources.Tbc);

        var text = Say.Reason(reason, Audience.Clinician);

        Assert.Contains("disc-avoid-extension", text, StringComparison.Ordinal);
        Assert.Contains(ClinicalSources.BuiltIn.Single(s => s.Id == ClinicalSources.Tbc).Citation, text, StringComparison.Ordinal);
        Assert.Equal("CLINIC-7", Say.SourceName("CLINIC-7"));
    }

    private static void AssertPlain(string plain)
    {
        Assert.False(string.IsNullOrWhiteSpace(plain));
        Assert.DoesNotContain("TBC", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("[", plain, StringComparison.Ordinal);
        foreach (var id in RuleSet.Default.Rules.Select(r => r.Id))
        {
            Assert.DoesNotContain(id, plain, StringComparison.Ordinal);
        }

        foreach (var id in ClinicalSources.All.Where(id => id.Length > 3))
        {
            Assert.DoesNotContain(id, plain, StringComparison.Ordinal);
        }
    }
}
