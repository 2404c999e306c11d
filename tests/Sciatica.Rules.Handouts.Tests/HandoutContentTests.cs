using System.Text.RegularExpressions;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Handouts.Tests;

/// <summary>What a handout says, read from its HTML: the decision first, the exercises, the stop list, nothing external.</summary>
public sealed partial class HandoutContentTests
{
    public static TheoryData<string> Profiles => [.. Samples.ProfileNames];

    public static TheoryData<string> Languages => [.. HandoutLanguages.All];

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task EveryHandout_IsSelfContained_AndTheSameBytesEachTime(string sample)
    {
        var decision = Samples.Decision(sample);
        var first = await HandoutRenderer.Default.RenderAsync(decision);
        var second = await new HandoutRenderer(ProgramSelector.Default).RenderAsync(Samples.Decision(sample));

        Assert.Equal(first.Html, second.Html);
        Assert.StartsWith("<!DOCTYPE html>", first.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", first.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", first.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", first.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", first.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", first.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(ExternalReferences().Matches(first.Html), m => m.Groups["url"].Value != "http://www.w3.org/2000/svg");
        Assert.Equal(decision.RuleSetVersion, System.Net.WebUtility.HtmlDecode(Regex.Match(first.Html, "data-rule-set-version=\"([^\"]*)\"").Groups[1].Value));
    }

    [Fact]
    public async Task ProgramHandout_ShowsEveryExerciseWithDrawingDoseStepsAndStopSigns_AndEveryLeftOutExerciseWithItsReason()
    {
        var decision = Samples.Decision("herniated-disc-l5");
        Assert.Equal(DecisionKind.Program, decision.Decision);

        var html = (await HandoutRenderer.Default.RenderAsync(decision)).Html;

        Assert.Contains("data-decision=\"program\"", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("You can start the exercises", StringComparison.Ordinal) < html.IndexOf("class=\"exercise\"", StringComparison.Ordinal), "the decision comes first");
        foreach (var exercise in decision.Exercises)
        {
            var card = Card(html, exercise.Id);
            Assert.Contains("role=\"img\"", card, StringComparison.Ordinal);
            Assert.Contains($"Drawing: {exercise.Name}", card, StringComparison.Ordinal);
            Assert.DoesNotContain("class=\"placeholder\"", card, StringComparison.Ordinal);
            Assert.All(exercise.Instructions, step => Assert.Contains($"<li>{Encode(step)}</li>", card, StringComparison.Ordinal));
            if (exercise.Dosage.HoldSeconds is { } hold)
            {
                Assert.Contains($"hold {hold} seconds (count slowly", card, StringComparison.Ordinal);
            }

            if (exercise.Dosage.Minutes is { } minutes)
            {
                Assert.Contains($"{minutes} minutes", card, StringComparison.Ordinal);
            }

            Assert.Contains("When to stop:", card, StringComparison.Ordinal);
            Assert.Contains("out of 10", card, StringComparison.Ordinal);
        }

        foreach (var excluded in decision.Excluded)
        {
            var item = Regex.Match(html, $"<li data-exercise=\"(?:[^\"]* )?{excluded.Id}(?: [^\"]*)?\">.*?</li>", RegexOptions.Singleline).Value;
            Assert.Contains(Encode(ExerciseCatalog.Default.Find(excluded.Id)!.Name), item, StringComparison.Ordinal);
            Assert.All(excluded.Reasons, reason => Assert.Contains(Encode(Wording.Reason(reason, Audience.Person)), item, StringComparison.Ordinal));
        }

        Assert.Contains("Stop and get help", html, StringComparison.Ordinal);
        Assert.Contains("Your two-week diary", html, StringComparison.Ordinal);
        Assert.All(Regex.Matches(html, "<thead>.*?</thead>", RegexOptions.Singleline), head => Assert.Equal(15, Regex.Count(head.Value, "<th scope=\"col\"")));
    }

    [Theory]
    [InlineData("cauda-equina-emergency", "emergency", "Go to emergency care now.")]
    [InlineData("fever-iv-drug-use", "treatCauseFirst", "within 24 hours")]
    [InlineData("no-clearance", "seekMedicalAdvice", "Get medical advice before you start exercising.")]
    public async Task NonProgramHandout_SaysWhatToDoInstead_AndHoldsNoExercise(string sample, string code, string words)
    {
        var decision = Samples.Decision(sample);
        var catalog = ExerciseCatalog.Default;

        foreach (var language in HandoutLanguages.All)
        {
            var html = (await HandoutRenderer.Default.RenderAsync(decision, language)).Html;

            Assert.Contains($"data-decision=\"{code}\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("class=\"exercise\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("data-exercise", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
            Assert.DoesNotContain("class=\"diary\"", html, StringComparison.Ordinal);
            Assert.All(catalog.Exercises, e => Assert.DoesNotContain(Encode(e.Name), html, StringComparison.Ordinal));
            Assert.All(catalog.Exercises.SelectMany(e => e.Instructions), step => Assert.DoesNotContain(Encode(step), html, StringComparison.Ordinal));
            Assert.Contains("class=\"stop", html, StringComparison.Ordinal);
        }

        Assert.Contains(words, (await HandoutRenderer.Default.RenderAsync(decision)).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomExerciseWithoutDrawing_GetsTheNeutralPlaceholder_WithItsNameAsAltText()
    {
        var walking = ExerciseCatalog.Default.Find("walking")!;
        var custom = walking with { Id = "clinic-stationary-bike", Name = "Stationary bike" };
        var catalog = new ExerciseCatalog([.. ExerciseCatalog.Default.Exercises, custom]);
        var engine = new ProgramSelector(catalog, RuleSet.Default);
        var decision = engine.Select(Samples.Profile("herniated-disc-l5"));
        Assert.Contains(decision.Exercises, e => e.Id == custom.Id);

        var card = Card((await new HandoutRenderer(engine).RenderAsync(decision)).Html, custom.Id);

        Assert.Contains("class=\"placeholder\"", card, StringComparison.Ordinal);
        Assert.Contains("Drawing: Stationary bike", card, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every diary row is one field of the session-review input (a value of it where the field takes one of a few
    /// words), each exactly once, in words (no arrows); each exercise's rows name that exercise, in the plan's order.
    /// </summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task DiaryRows_MapOneToOneOntoTheSessionReviewInput_InWords(string language)
    {
        var decision = Samples.Decision("herniated-disc-l5");
        var html = (await HandoutRenderer.Default.RenderAsync(decision, language)).Html;
        var diary = Regex.Match(html, "<section class=\"diary\".*?</section>", RegexOptions.Singleline).Value;
        using var request = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Samples.Root, "samples", "profiles", "review-progress.json")));
        var feedback = request.RootElement.GetProperty("feedback");

        var rows = Regex.Matches(diary, "<tr (?:class=\"group\" )?data-field=\"([^\"]*)\"(?: data-value=\"([^\"]*)\")?>").Select(m => (Field: m.Groups[1].Value, Value: m.Groups[2].Value)).ToList();
        Assert.Equal(rows.Count, rows.Distinct().Count());
        var expected = new List<(string, string)>();
        for (var i = 0; i < decision.Exercises.Count; i++)
        {
            expected.Add(($"exercises[{i}].id", decision.Exercises[i].Id));
            expected.Add(($"exercises[{i}].painDuring", ""));
            expected.AddRange(new[] { "peripheralized", "centralized", "unchanged" }.Select(v => ($"exercises[{i}].symptomChange", v)));
        }

        expected.AddRange(new[] { "better", "same", "worse" }.Select(v => ("nextMorning", v)));
        expected.AddRange(new[] { "newNumbness", "newWeakness", "newRedFlags" }.Select(f => (f, "")));
        Assert.Equal(expected, rows);

        // Each field exists in the contract's example of the input, and each word is one of the values the contract allows.
        Assert.All(rows, row =>
        {
            var element = feedback;
            foreach (var part in Regex.Replace(row.Field, @"\[\d+\]", ".0").Split('.'))
            {
                element = part == "0" ? element[0] : element.TryGetProperty(part, out var child) ? child : throw new Xunit.Sdk.XunitException($"diary field '{row.Field}' is not in the review input ({part})");
            }
        });
        var symptomValues = Enum.GetNames<SymptomChange>().Where(n => n != "Unspecified").Select(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName);
        Assert.Equal(symptomValues.Order(), rows.Where(r => r.Field == "exercises[0].symptomChange").Select(r => r.Value).Order());
        var morningValues = Enum.GetNames<NextMorningChange>().Where(n => n != "Unspecified").Select(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName);
        Assert.Equal(morningValues.Order(), rows.Where(r => r.Field == "nextMorning").Select(r => r.Value).Order());

        Assert.DoesNotMatch("[\u2190-\u21FF\u2B00-\u2BFF]|&#8593;|&#8595;", diary);
        if (language == HandoutLanguages.English)
        {
            var text = WordingAgreementTests.VisibleText(diary);
            Assert.All(["better", "same", "worse", "Spreading down the leg", "Moving up toward the back", "No change"], w => Assert.Contains(w, text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void EveryDefaultExercise_HasADrawingOfItsOwn()
    {
        Assert.All(ExerciseCatalog.Default.Exercises, e => Assert.True(Illustrations.Has(e.Id), $"{e.Id} has no drawing"));
        Assert.Equal(ExerciseCatalog.Default.Exercises.Count, Illustrations.Ids.Distinct().Count());
    }

    [Fact]
    public async Task Review_Adjust_ShowsTheNewDoses_AndReview_WithNewRedFlag_SendsToEmergencyWithoutExercises()
    {
        var progress = Samples.Review("review-progress");
        var html = (await HandoutRenderer.Default.RenderReviewAsync(progress)).Html;
        Assert.Contains("data-decision=\"adjust\"", html, StringComparison.Ordinal);
        foreach (var reviewed in progress.Exercises.Where(r => r.Action != ReviewAction.Stop))
        {
            Assert.Contains($"data-exercise=\"{reviewed.Id}\"", html, StringComparison.Ordinal);
        }

        var emergency = Samples.Review("review-new-bladder-dysfunction");
        Assert.Equal(ReviewDecision.Emergency, emergency.Decision);
        var stop = (await HandoutRenderer.Default.RenderReviewAsync(emergency)).Html;
        Assert.Contains("data-decision=\"emergency\"", stop, StringComparison.Ordinal);
        Assert.DoesNotContain("data-exercise", stop, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", stop, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecisionOfAnotherRuleSet_OrUnknownLanguage_IsRefusedWithTheAllowedValues()
    {
        var decision = Samples.Decision("herniated-disc-l5");

        var language = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => HandoutRenderer.Default.RenderAsync(decision, "fr"));
        Assert.Contains("allowed values: en, de", language.Message, StringComparison.Ordinal);
        var version = await Assert.ThrowsAsync<ArgumentException>(() => HandoutRenderer.Default.RenderAsync(decision with { RuleSetVersion = "clinic/1.0.0+000000000000" }));
        Assert.Contains("clinic/1.0.0+000000000000", version.Message, StringComparison.Ordinal);
    }

    private static string Card(string html, string id) =>
        Regex.Match(html, $"<article class=\"exercise\" data-exercise=\"{Regex.Escape(id)}\".*?</article>", RegexOptions.Singleline) is { Success: true } m
            ? m.Value
            : throw new Xunit.Sdk.XunitException($"no card for {id}");

    private static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text).Replace("&#39;", "&#x27;", StringComparison.Ordinal);

    [GeneratedRegex("(?:src|href)=\"(?<url>[^\"#][^\"]*)\"|xmlns=\"(?<url>[^\"]*)\"")]
    private static partial Regex ExternalReferences();
}
