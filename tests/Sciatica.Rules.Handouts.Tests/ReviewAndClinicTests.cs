using System.Text.RegularExpressions;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Handouts.Tests;

/// <summary>
/// A review leads with what changes (stops, then easier, then harder, each with the plan's number), then the
/// unchanged exercises; the clinic's fields print as given or as lines to fill in; a pregnant person's handout lists
/// the pregnancy warning signs; per-side doses where the steps say each side.
/// </summary>
public sealed partial class ReviewAndClinicTests
{
    [Theory]
    [MemberData(nameof(HandoutContentTests.Languages), MemberType = typeof(HandoutContentTests))]
    public async Task Review_LeadsWithTheChanges_NumberedAsThePlan_ThenTheUnchanged(string language)
    {
        // The bridge spreads symptoms down the leg (stop; pelvic tilt instead), walking hurts above the limit (do less),
        // the knee-to-chest stretch went well (do a little more), the others were not done (same dose).
        var profile = Samples.Profile("herniated-disc-l5");
        var plan = ProgramSelector.Default.Select(profile);
        var review = new SessionReviewer(ProgramSelector.Default).Review(profile, new SessionFeedback
        {
            Exercises =
            [
                new() { Id = "bridge", PainDuring = 2, SymptomChange = SymptomChange.Peripheralized },
                new() { Id = "walking", PainDuring = 7, SymptomChange = SymptomChange.Unchanged },
                new() { Id = "knee-to-chest", PainDuring = 1, SymptomChange = SymptomChange.Centralized },
            ],
            NextMorning = NextMorningChange.Same,
            NewNumbness = false,
            NewWeakness = false,
            NewRedFlags = [],
        });
        Assert.Contains(review.Exercises, e => e.Action == ReviewAction.Stop && e.Alternative is not null);
        Assert.Contains(review.Exercises, e => e.Action == ReviewAction.Regress);
        Assert.Contains(review.Exercises, e => e.Action == ReviewAction.Continue);

        var html = (await HandoutRenderer.Default.RenderReviewAsync(review, new HandoutOptions { Language = language, Plan = plan })).Html;
        var main = Regex.Match(html, "<main>.*?<section class=\"diary\"", RegexOptions.Singleline).Value;

        // Every exercise in the order shown, with its number: stops first, then easier, then harder, then unchanged.
        var shown = Regex.Matches(main, "(?:<li|<article class=\"exercise\") data-exercise=\"([^\"]*)\" data-number=\"(\\d+)\"")
            .Select(m => (Id: m.Groups[1].Value, Number: int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(review.Exercises.Count, shown.Count);
        int Rank(string id) => review.Exercises.Single(e => e.Id == id).Action switch
        {
            ReviewAction.Stop => 0,
            ReviewAction.Regress => 1,
            ReviewAction.Progress => 2,
            _ => 3,
        };
        Assert.Equal(shown.OrderBy(s => Rank(s.Id)).ThenBy(s => s.Number), shown);
        Assert.All(shown, s => Assert.Equal(plan.Exercises.Select(e => e.Id).ToList().IndexOf(s.Id) + 1, s.Number));
        var changes = main.IndexOf("id=\"changes-heading\"", StringComparison.Ordinal);
        var unchanged = main.IndexOf("id=\"plan-heading\"", StringComparison.Ordinal);
        Assert.True(changes >= 0 && changes < unchanged, "the changes come before the unchanged exercises");

        // The plan's numbers in the diary too.
        var diary = Regex.Matches(html, "<tr class=\"group\" data-field=\"exercises\\[\\d+\\]\\.id\" data-value=\"([^\"]*)\"><th scope=\"row\"><strong>(\\d+)\\. ");
        Assert.All(diary, m => Assert.Equal(plan.Exercises.Select(e => e.Id).ToList().IndexOf(m.Groups[1].Value) + 1, int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)));

        // A space before "Instead:" ("...alternative.Instead:" ran together).
        var text = WordingAgreementTests.VisibleText(main);
        var instead = language == HandoutLanguages.English ? "Instead:" : "Stattdessen:";
        Assert.Matches($@"[.!] {instead} \S", text);
        Assert.DoesNotMatch($@"\S{instead}", text);
    }

    [Fact]
    public async Task ClinicFields_PrintAsGiven_OrAsLinesToFillIn()
    {
        var decision = Samples.Decision("herniated-disc-l5");
        var blank = (await HandoutRenderer.Default.RenderAsync(decision)).Html;
        foreach (var key in new[] { "name", "date", "clinician", "phone", "affected-side" })
        {
            Assert.Matches($"data-clinic-field=\"{key}\"><dt>[^<]+</dt><dd><span class=\"blank\"", blank);
        }

        var filled = (await HandoutRenderer.Default.RenderAsync(decision, new HandoutOptions
        {
            PatientName = "Alex <Example>", Date = new DateOnly(2026, 12, 5), Clinician = "Dr. Sam Lee", ClinicPhone = "+44 20 7946 0000",
        })).Html;
        Assert.Contains("<dd>Alex &lt;Example&gt;</dd>", filled, StringComparison.Ordinal);
        Assert.Contains("<dd>5 December 2026</dd>", filled, StringComparison.Ordinal);
        Assert.Contains("<dd>Dr. Sam Lee</dd>", filled, StringComparison.Ordinal);
        Assert.Contains("<dd>&#x2B;44 20 7946 0000</dd>", filled, StringComparison.Ordinal);
        Assert.Matches("data-clinic-field=\"affected-side\"><dt>[^<]+</dt><dd><span class=\"blank\"", filled);
        var german = (await HandoutRenderer.Default.RenderAsync(decision, new HandoutOptions { Language = HandoutLanguages.German, Date = new DateOnly(2026, 3, 1) })).Html;
        Assert.Contains("<dd>1. März 2026</dd>", german, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(HandoutContentTests.Languages), MemberType = typeof(HandoutContentTests))]
    public async Task PregnancyWarningSigns_OnAPregnantPersonsHandoutOnly_CitedToAcog(string language)
    {
        var profile = Samples.Profile("osteoporosis-pregnancy-22-weeks");
        Assert.NotNull(profile.PregnancyWeeks);
        var decision = ProgramSelector.Default.Select(profile);

        var pregnant = (await HandoutRenderer.Default.RenderAsync(decision, new HandoutOptions { Language = language, Pregnant = true })).Html;
        var box = Regex.Match(pregnant, "<section class=\"stop pregnancy\" data-source=\"([^\"]*)\".*?</section>", RegexOptions.Singleline);
        Assert.True(box.Success);
        Assert.Equal(ClinicalSources.Acog, box.Groups[1].Value);
        var text = WordingAgreementTests.VisibleText(box.Value);
        string[] signs = language == HandoutLanguages.English
            ? ["bleeding", "fluid leaking", "contractions", "dizziness", "faint", "call"]
            : ["Blutungen", "Flüssigkeit", "Wehen", "schwindlig", "Ohnmacht", "rufen"];
        Assert.All(signs, sign => Assert.Contains(sign, text, StringComparison.Ordinal));

        var notPregnant = (await HandoutRenderer.Default.RenderAsync(decision, new HandoutOptions { Language = language })).Html;
        Assert.DoesNotContain("class=\"stop pregnancy\"", notPregnant, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoseIsPerSide_ExactlyWhereTheStepsSayEachSide()
    {
        var decision = PrintTests.PlanOf(ExerciseCatalog.Default.Exercises.Count);
        var html = (await HandoutRenderer.Default.RenderAsync(decision)).Html;
        foreach (var exercise in ExerciseCatalog.Default.Exercises)
        {
            var card = Regex.Match(html, $"<article class=\"exercise\" data-exercise=\"{exercise.Id}\".*?</article>", RegexOptions.Singleline).Value;
            var dose = Regex.Match(card, "<p class=\"dose\">.*?</p>", RegexOptions.Singleline).Value;
            var stepsSaySides = exercise.Instructions.Any(s => Regex.IsMatch(s, @"other (side|leg)|change sides|each side", RegexOptions.IgnoreCase));
            Assert.Equal(stepsSaySides && exercise.Dosage.Repetitions is not null, dose.Contains("on each side", StringComparison.Ordinal));
        }

        Assert.Contains(ExerciseCatalog.Default.Exercises, e => HandoutRenderer.EachSide(e));
        Assert.Contains(ExerciseCatalog.Default.Exercises, e => !HandoutRenderer.EachSide(e));
    }

    public static TheoryData<string, AffectedSide?> LanguagesAndSides()
    {
        var data = new TheoryData<string, AffectedSide?>();
        foreach (var language in HandoutLanguages.All)
        {
            foreach (var side in new AffectedSide?[] { null, AffectedSide.Left, AffectedSide.Right, AffectedSide.Both })
            {
                data.Add(language, side);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LanguagesAndSides))]
    public async Task WhichLeg_IsTheProfilesAffectedSide_OrALineToFillIn(string language, AffectedSide? side)
    {
        var profile = Samples.Profile("herniated-disc-l5") with { AffectedSide = side };
        var decision = ProgramSelector.Default.Select(profile);
        var html = (await HandoutRenderer.Default.RenderAsync(decision, new HandoutOptions { Language = language, AffectedSide = profile.AffectedSide })).Html;
        var field = Regex.Match(html, "data-clinic-field=\"affected-side\"><dt>([^<]+)</dt><dd>(.*?)</dd>", RegexOptions.Singleline);
        Assert.True(field.Success);
        var english = language == HandoutLanguages.English;
        if (side is null)
        {
            Assert.StartsWith("<span class=\"blank\"", field.Groups[2].Value, StringComparison.Ordinal);
            Assert.Contains(english ? "left, right or both" : "links, rechts oder beide", field.Groups[1].Value, StringComparison.Ordinal);
        }
        else
        {
            var expected = (side, english) switch
            {
                (AffectedSide.Left, true) => "left",
                (AffectedSide.Right, true) => "right",
                (AffectedSide.Both, true) => "both legs",
                (AffectedSide.Left, false) => "links",
                (AffectedSide.Right, false) => "rechts",
                _ => "beide Beine",
            };
            Assert.Equal(expected, field.Groups[2].Value);
        }
    }

    [Theory]
    [MemberData(nameof(LanguagesAndSides))]
    public async Task DoseNamesTheLeg_ForAnExerciseDoneWithTheAffectedLegOnly_AndEachSideWhereDoneOnBoth(string language, AffectedSide? side)
    {
        var decision = PrintTests.PlanOf(ExerciseCatalog.Default.Exercises.Count);
        var html = (await HandoutRenderer.Default.RenderAsync(decision, new HandoutOptions { Language = language, AffectedSide = side })).Html;
        var english = language == HandoutLanguages.English;
        var leg = (side, english) switch
        {
            (null, true) => "with the affected leg",
            (AffectedSide.Left, true) => "with the left leg",
            (AffectedSide.Right, true) => "with the right leg",
            (AffectedSide.Both, true) => "with each leg in turn",
            (null, false) => "mit dem betroffenen Bein",
            (AffectedSide.Left, false) => "mit dem linken Bein",
            (AffectedSide.Right, false) => "mit dem rechten Bein",
            _ => "mit jedem Bein nacheinander",
        };
        var eachSide = english ? "on each side" : "auf jeder Seite";
        foreach (var exercise in ExerciseCatalog.Default.Exercises)
        {
            var card = Regex.Match(html, $"<article class=\"exercise\" data-exercise=\"{exercise.Id}\".*?</article>", RegexOptions.Singleline).Value;
            var dose = WordingAgreementTests.VisibleText(Regex.Match(card, "<p class=\"dose\">.*?</p>", RegexOptions.Singleline).Value);
            var affectedOnly = exercise.Instructions.Any(step => Regex.IsMatch(step, @"\bthe affected (leg|knee|foot)\b", RegexOptions.IgnoreCase));
            var bothSides = exercise.Instructions.Any(s => Regex.IsMatch(s, @"other (side|leg)|change sides|each side", RegexOptions.IgnoreCase));
            Assert.Equal(affectedOnly && !bothSides, dose.Contains(leg, StringComparison.Ordinal));
            Assert.Equal(bothSides && exercise.Dosage.Repetitions is not null, dose.Contains(eachSide, StringComparison.Ordinal));
        }

        Assert.Contains(ExerciseCatalog.Default.Exercises, HandoutRenderer.AffectedLegOnly);
        Assert.Contains(ExerciseCatalog.Default.Exercises, e => !HandoutRenderer.AffectedLegOnly(e));
    }
}
