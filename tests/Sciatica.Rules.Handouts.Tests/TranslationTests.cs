using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Logging;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Handouts.Tests;

/// <summary>The handout's languages: German as complete as English where it claims to be, fallbacks visible, the decision untouched.</summary>
public sealed partial class TranslationTests
{
    [Fact]
    public void German_HasEverySentenceOfTheHandoutItself()
    {
        var english = Texts.Of(HandoutLanguages.English);
        var german = Texts.Of(HandoutLanguages.German);

        Assert.Empty(english.Keys.Where(k => !german.ContainsKey(k)).Order(StringComparer.Ordinal));
        Assert.All(english.Keys, k => Assert.NotEqual(english[k], german[k]));
    }

    [Fact]
    public void German_TranslatesEveryDefaultExerciseNameAndStep_FromTheCatalogsCurrentEnglish()
    {
        var german = Texts.Of(HandoutLanguages.German);
        foreach (var e in ExerciseCatalog.Default.Exercises)
        {
            Assert.Equal(e.Name, german.GetValueOrDefault($"exercise.{e.Id}.name.en"));
            Assert.True(german.ContainsKey($"exercise.{e.Id}.name"), e.Id);
            for (var i = 0; i < e.Instructions.Count; i++)
            {
                Assert.Equal(e.Instructions[i], german.GetValueOrDefault($"exercise.{e.Id}.step{i + 1}.en"));
                Assert.True(german.ContainsKey($"exercise.{e.Id}.step{i + 1}"), $"{e.Id} step {i + 1}");
            }
        }
    }

    [Fact]
    public void German_TranslatesTheRationaleOfEveryDefaultRule_FromItsCurrentEnglish()
    {
        var german = Texts.Of(HandoutLanguages.German);

        Assert.All(RuleSet.Default.Rules, rule =>
        {
            // The handout shows the person's words for a rule (Wording.Reason): the German is made from those.
            Assert.Equal(Wording.Reason(new DecisionReason(rule.Id, rule.Rationale, rule.Source), Audience.Person), german.GetValueOrDefault($"rule.{rule.Id}.en"));
            Assert.True(german.ContainsKey($"rule.{rule.Id}"), rule.Id);
        });
    }

    /// <summary>
    /// The German handouts of the samples are wholly German: the reasons that are written per decision for a clinician
    /// (the rule ids a preference or a clinician lifted) reach the person as fixed plain sentences, which are translated.
    /// </summary>
    [Fact]
    public async Task GermanHandouts_OfTheSamples_AreWhollyGerman()
    {
                var untranslated = new List<string>();
        foreach (var sample in Samples.ProfileNames)
        {
            untranslated.AddRange((await HandoutRenderer.Default.RenderAsync(Samples.Decision(sample), HandoutLanguages.German)).UntranslatedTexts);
        }

        foreach (var sample in Samples.ReviewNames)
        {
            untranslated.AddRange((await HandoutRenderer.Default.RenderReviewAsync(Samples.Review(sample), HandoutLanguages.German)).UntranslatedTexts);
        }

        Assert.Empty(untranslated);
    }

    [Fact]
    public async Task MissingTranslation_FallsBackToEnglish_MarkedListedAndLogged()
    {
        // A clinic exercise has no German text: its name and steps are shown in English, never silently.
        var walking = ExerciseCatalog.Default.Find("walking")!;
        var custom = walking with { Id = "clinic-stationary-bike", Name = "Stationary bike", Instructions = ["Pedal gently with an upright back."] };
        var engine = new ProgramSelector(new ExerciseCatalog([.. ExerciseCatalog.Default.Exercises, custom]), RuleSet.Default);
        var logger = new ListLogger();
        var handout = await new HandoutRenderer(engine, logger).RenderAsync(engine.Select(Samples.Profile("herniated-disc-l5")), HandoutLanguages.German);

        Assert.Contains("exercise.clinic-stationary-bike.name", handout.UntranslatedTexts);
        Assert.Contains("exercise.clinic-stationary-bike.step1", handout.UntranslatedTexts);
        Assert.Contains("<span lang=\"en\" class=\"untranslated\">Stationary bike</span>", handout.Html, StringComparison.Ordinal);
        Assert.Contains("<span lang=\"en\" class=\"untranslated\">Pedal gently with an upright back.</span>", handout.Html, StringComparison.Ordinal);
        Assert.Contains(logger.Messages, m => m.Level == LogLevel.Warning && m.Text.Contains("exercise.clinic-stationary-bike.name", StringComparison.Ordinal));
        Assert.DoesNotContain("exercise.walking.name", handout.UntranslatedTexts);

        // A translation made from English that has since changed is not used.
        var edited = walking with { Instructions = ["Walk on level ground, upright, at an easy pace.", .. walking.Instructions.Skip(1)] };
        var editedEngine = new ProgramSelector(new ExerciseCatalog([.. ExerciseCatalog.Default.Exercises.Where(e => e.Id != "walking"), edited]), RuleSet.Default);
        var stale = await new HandoutRenderer(editedEngine).RenderAsync(editedEngine.Select(Samples.Profile("herniated-disc-l5")), HandoutLanguages.German);
        Assert.Contains("exercise.walking.step1", stale.UntranslatedTexts);
        Assert.DoesNotContain("exercise.walking.step2", stale.UntranslatedTexts);
    }

    [Fact]
    public async Task EnglishHandout_HasNothingUntranslated()
    {
        foreach (var sample in Samples.ProfileNames)
        {
            Assert.Empty((await HandoutRenderer.Default.RenderAsync(Samples.Decision(sample))).UntranslatedTexts);
        }
    }

    /// <summary>The language changes words only: the same decision, exercises, order, steps, diary and stop list.</summary>
    [Property(MaxTest = 60, Arbitrary = [typeof(TranslationTests)])]
    public bool Language_NeverChangesWhatTheHandoutDecides(PatientProfile profile)
    {
        var decision = ProgramSelector.Default.Select(profile);
        var english = HandoutRenderer.Default.RenderAsync(decision, HandoutLanguages.English).GetAwaiter().GetResult().Html;
        var german = HandoutRenderer.Default.RenderAsync(decision, HandoutLanguages.German).GetAwaiter().GetResult().Html;
        return Structure(english) == Structure(german);
    }

    public static Arbitrary<PatientProfile> Profiles() =>
        (from causes in Gen.Frequency(
             (4, Gen.Elements(Cause.HerniatedDisc, Cause.BulgingDisc, Cause.SpinalStenosis, Cause.Osteoarthritis, Cause.Spondylolisthesis, Cause.Osteoporosis, Cause.TightMuscles, Cause.PoorPosture).Select(c => new[] { c })),
             (1, Gen.SubListOf(Enum.GetValues<Cause>()).Select(l => l.ToArray())))
         from flags in Gen.Frequency((6, Gen.Constant(Array.Empty<RedFlag>())), (1, Gen.SubListOf(Enum.GetValues<RedFlag>()).Select(l => l.ToArray())))
         from leg in Gen.Choose(0, 10)
         from back in Gen.Choose(0, 10)
         from clearance in Gen.Frequency((6, Gen.Constant(true)), (1, Gen.Constant(false)))
         from pool in ArbMap.Default.GeneratorFor<bool>()
         from landPainful in ArbMap.Default.GeneratorFor<bool>()
         from age in Gen.Choose(18, 90)
         from preference in Gen.Elements<DirectionalPreference?>(null, DirectionalPreference.Extension, DirectionalPreference.Flexion)
         select new PatientProfile
         { SymptomsTolerateExercise = true,
             Causes = causes.Length == 0 ? [Cause.HerniatedDisc] : [.. causes],
             RedFlags = [.. flags],
             LegPain = leg,
             BackPain = back,
             MedicalClearance = clearance,
             PoolAccess = pool,
             LandWalkingPainful = landPainful,
             Age = age,
             SymptomWeeks = 4,
             DirectionalPreference = preference,
         }).ToArbitrary();

    /// <summary>Everything but the words: the decision, each element with its data attributes, list items and table cells, in order.</summary>
    private static string Structure(string html) =>
        string.Join("|", Markers().Matches(html).Select(m => m.Value)) + $"|li:{Regex.Count(html, "<li")}|td:{Regex.Count(html, "<td")}|svg:{Regex.Count(html, "<svg")}";

    [GeneratedRegex("data-(?:decision|exercise|field|rule-set-version)=\"[^\"]*\"")]
    private static partial Regex Markers();

    private sealed class ListLogger : ILogger<HandoutRenderer>
    {
        public List<(LogLevel Level, string Text)> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add((logLevel, formatter(state, exception)));
    }
}
