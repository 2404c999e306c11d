using System.Net;
using System.Text.RegularExpressions;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Handouts.Tests;

/// <summary>
/// The handout says one thing per decision: the "how soon" of its timeframe everywhere, the same stop rule on each
/// exercise card as in the stop box, a title that fits what is shown, and nothing a person cannot read (no rule or
/// source ids).
/// </summary>
public sealed partial class WordingAgreementTests
{
    public static TheoryData<string, string> SamplesInEveryLanguage()
    {
        var data = new TheoryData<string, string>();
        foreach (var sample in Samples.ProfileNames.Concat(Samples.ReviewNames))
        {
            foreach (var language in HandoutLanguages.All)
            {
                data.Add(sample, language);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SamplesInEveryLanguage))]
    public async Task NoRuleIdOrSourceId_IsShownToThePerson(string sample, string language)
    {
        var (html, reasons) = await Render(sample, language);
        var text = VisibleText(html);

        var ruleIds = RuleSet.Default.Rules.Select(r => r.Id)
            .Concat(RuleSet.Default.Contraindications.Select(c => c.Id))
            .Concat(reasons.Select(r => r.RuleId))
            .Distinct(StringComparer.Ordinal);
        Assert.All(ruleIds, id => Assert.DoesNotContain(id, text, StringComparison.Ordinal));
        Assert.All(ClinicalSources.All, id => Assert.DoesNotMatch($@"\b{Regex.Escape(id)}\b", text));
        Assert.All(reasons.Select(r => r.Source).Distinct(StringComparer.Ordinal), id => Assert.DoesNotMatch($@"\b{Regex.Escape(id)}\b", text));
    }

    [Theory]
    [MemberData(nameof(SamplesInEveryLanguage))]
    public async Task EveryCardsStopRule_IsWordForWordInTheStopBox(string sample, string language)
    {
        var (html, _) = await Render(sample, language);
        var box = Regex.Match(html, "<section class=\"stop stop-box\".*?</section>", RegexOptions.Singleline).Value;
        var boxRules = Regex.Matches(box, "<li class=\"stop-rule\">(.*?)</li>", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();

        var cards = Regex.Matches(html, "<article class=\"exercise\".*?</article>", RegexOptions.Singleline).Select(m => m.Value).ToList();
        Assert.All(cards, card =>
        {
            var rules = Regex.Matches(card, "<span class=\"stop-rule\">(.*?)</span>", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
            Assert.NotEmpty(rules);
            Assert.All(rules, rule => Assert.Contains(rule, boxRules));
        });
        if (cards.Count > 0)
        {
            Assert.NotEmpty(boxRules);
        }
    }

    [Theory]
    [MemberData(nameof(SamplesInEveryLanguage))]
    public async Task EveryHowSoon_IsTheDecisionsTimeframe_AndTheTitleFitsWhatIsShown(string sample, string language)
    {
        var (html, _) = await Render(sample, language);
        var timeframe = Timeframe(sample);
        var title = VisibleText(Regex.Match(html, "<h1.*?</h1>", RegexOptions.Singleline).Value);
        var hasExercises = html.Contains("class=\"exercise\"", StringComparison.Ordinal);

        Assert.DoesNotContain("same day", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("selben Tag", html, StringComparison.OrdinalIgnoreCase);
        if (!hasExercises)
        {
            // No title about exercises (such as "Do not start these exercises") over a page that shows none.
            Assert.DoesNotContain(language == HandoutLanguages.English ? "exercise" : "Übung", title, StringComparison.OrdinalIgnoreCase);
        }

        if (timeframe is { } t && language == HandoutLanguages.English)
        {
            var box = VisibleText(Regex.Match(html, "<div class=\"decision.*?</div>", RegexOptions.Singleline).Value);
            Assert.Contains(Wording.HowSoon(t, Audience.Person), box, StringComparison.Ordinal);
            foreach (var other in Enum.GetValues<Timeframe>().Where(o => o != t && o != Sciatica.Rules.Timeframe.Now))
            {
                Assert.DoesNotContain(Wording.HowSoon(other, Audience.Person), box, StringComparison.Ordinal);
            }
        }
    }

    private static Timeframe? Timeframe(string sample) => sample.StartsWith("review", StringComparison.Ordinal)
        ? Samples.Review(sample).Timeframe
        : Samples.Decision(sample).Timeframe;

    private static async Task<(string Html, IReadOnlyList<DecisionReason> Reasons)> Render(string sample, string language)
    {
        if (sample.StartsWith("review", StringComparison.Ordinal))
        {
            var review = Samples.Review(sample);
            var reasons = review.Reasons.Concat(review.Exercises.SelectMany(e => e.Reasons)).ToList();
            return ((await HandoutRenderer.Default.RenderReviewAsync(review, language)).Html, reasons);
        }

        var decision = Samples.Decision(sample);
        return ((await HandoutRenderer.Default.RenderAsync(decision, language)).Html, [.. decision.Reasons, .. decision.Excluded.SelectMany(x => x.Reasons)]);
    }

    /// <summary>What a reader sees: the document without its style sheet, tags and attributes, entities decoded.</summary>
    internal static string VisibleText(string html) =>
        WebUtility.HtmlDecode(Tags().Replace(Style().Replace(html, " "), " "));

    [GeneratedRegex("<style.*?</style>", RegexOptions.Singleline)]
    private static partial Regex Style();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
