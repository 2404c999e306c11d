using System.Net;
using System.Text.RegularExpressions;
using Sciatica.Rules;
using Sciatica.Rules.Cli;
using Sciatica.Rules.Handouts;
using Xunit;
using Say = Sciatica.Rules.Wording;

namespace Sciatica.Rules.Tests.Cli;

/// <summary>
/// Every decision kind (and every review decision) rendered on every surface the repository owns: the CLI text and
/// the handout say the same action and the same "how soon", in the words of <see cref="Say"/>, and no other
/// decision's action or timeframe. (The CDS card and FHIR surfaces add themselves beside these.)
/// </summary>
public sealed partial class SurfaceWordingTests
{
    private static readonly PatientProfile Cleared = new()
    {
        Causes = [Cause.TightMuscles],
        LegPain = 3,
        BackPain = 2,
        MedicalClearance = true,
        SymptomsTolerateExercise = true,
        RedFlags = [],
    };

    public static TheoryData<string> Scenarios() => [.. Decisions.Keys.Concat(Reviews.Keys)];

    private static Dictionary<string, PatientProfile> Decisions { get; } = new(StringComparer.Ordinal)
    {
        ["program"] = Cleared,
        ["seekMedicalAdvice"] = Cleared with { MedicalClearance = false },
        ["treatCauseFirst-withinDays"] = Cleared with { RedFlags = [RedFlag.CancerHistory] },
        ["treatCauseFirst-within24Hours"] = Cleared with { RedFlags = [RedFlag.Fever] },
        ["urgentReferral"] = Cleared with { RedFlags = [RedFlag.FootDrop] },
        ["emergency"] = Cleared with { RedFlags = [RedFlag.BladderDysfunction] },
    };

    private static Dictionary<string, SessionFeedback> Reviews { get; } = new(StringComparer.Ordinal)
    {
        ["review-adjust"] = Feedback(),
        ["review-seekMedicalAdvice"] = Feedback() with { NewNumbness = true },
        ["review-treatCauseFirst"] = Feedback([RedFlag.UnexplainedWeightLoss]),
        ["review-urgentReferral"] = Feedback() with { NewWeakness = true },
        ["review-emergency"] = Feedback([RedFlag.SaddleAnesthesia]),
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task EveryDecision_TextAndHandout_SayTheSameActionAndHowSoon(string scenario)
    {
        var (headline, explanation, howSoon, text, html) = await Render(scenario);
        var handout = Visible(html);

        Assert.Contains(Shout(headline), text, StringComparison.Ordinal);
        Assert.Contains("What to do: " + explanation, text, StringComparison.Ordinal);
        Assert.Contains(headline, handout, StringComparison.Ordinal);
        Assert.Contains(explanation, handout, StringComparison.Ordinal);
        if (howSoon is { } soon)
        {
            Assert.Contains("How soon: " + Say.HowSoon(soon, Audience.Person), text, StringComparison.Ordinal);
            Assert.Contains(Say.HowSoon(soon, Audience.Person), explanation, StringComparison.OrdinalIgnoreCase);
        }

        // No other timeframe is named anywhere. "now" is left out of this check: the emergency signs on every surface
        // rightly say "now", whatever the decision.
        foreach (var other in Enum.GetValues<Timeframe>().Where(t => t != howSoon && t != Timeframe.Now))
        {
            var words = new Regex($@"\b{Regex.Escape(Say.HowSoon(other, Audience.Person))}\b", RegexOptions.IgnoreCase);
            Assert.DoesNotMatch(words, text);
            Assert.DoesNotMatch(words, handout);
        }

        // No other decision's action headline.
        foreach (var kind in Enum.GetValues<DecisionKind>().Where(k => k != DecisionKind.Unspecified && !headline.EndsWith(Say.Headline(k, Audience.Person), StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(Say.Headline(kind, Audience.Person), text, StringComparison.Ordinal);
            Assert.DoesNotContain(Say.Headline(kind, Audience.Person), handout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Scenarios_ReachEveryDecisionKindAndReviewDecision()
    {
        Assert.Equal(
            Enum.GetValues<DecisionKind>().Where(k => k != DecisionKind.Unspecified).Order(),
            Decisions.Values.Select(p => ProgramSelector.Default.Select(p).Decision).Distinct().Order());
        Assert.Equal(
            Enum.GetValues<ReviewDecision>().Where(k => k != ReviewDecision.Unspecified).Order(),
            Reviews.Values.Select(f => new SessionReviewer(ProgramSelector.Default).Review(Cleared, f).Decision).Distinct().Order());
    }

    private static async Task<(string Headline, string Explanation, Timeframe? HowSoon, string Text, string Html)> Render(string scenario)
    {
        if (Decisions.TryGetValue(scenario, out var profile))
        {
            var decision = ProgramSelector.Default.Select(profile);
            var html = (await HandoutRenderer.Default.RenderAsync(decision)).Html;
            return (Say.Headline(decision.Decision, Audience.Person), Say.Explanation(decision.Decision, decision.Timeframe, Audience.Person), decision.Timeframe, TextReport.Render(decision), html);
        }

        var review = new SessionReviewer(ProgramSelector.Default).Review(Cleared, Reviews[scenario]);
        var reviewHtml = (await HandoutRenderer.Default.RenderReviewAsync(review)).Html;
        return (Say.Headline(review.Decision, Audience.Person), Say.Explanation(review.Decision, review.Timeframe, Audience.Person), review.Timeframe, TextReport.Render(review), reviewHtml);
    }

    private static SessionFeedback Feedback(RedFlag[]? flags = null) => new()
    {
        Exercises = [new ExerciseFeedback { Id = "walking", PainDuring = 2, SymptomChange = SymptomChange.Unchanged }],
        NextMorning = NextMorningChange.Same,
        NewNumbness = false,
        NewWeakness = false,
        NewRedFlags = flags ?? [],
    };

    private static string Shout(string sentence) => sentence.TrimEnd('.').ToUpperInvariant();

    /// <summary>The handout's text as a reader sees it: tags dropped, entities decoded, white space collapsed.</summary>
    private static string Visible(string html) =>
        WhiteSpace().Replace(WebUtility.HtmlDecode(Tags().Replace(StyleBlock().Replace(html, " "), " ")), " ");

    [GeneratedRegex("<style>.*?</style>", RegexOptions.Singleline)]
    private static partial Regex StyleBlock();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
