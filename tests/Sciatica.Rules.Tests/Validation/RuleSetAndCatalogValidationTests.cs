using System.Text.RegularExpressions;
using Sciatica.Rules;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Tests.Validation;

/// <summary>Catalogs and rule sets built in code are checked like documents: each problem names its path and says what is wrong.</summary>
public sealed class RuleSetAndCatalogValidationTests
{
    private static readonly Exercise Stretch = ExerciseCatalog.Default.Find("knee-to-chest")!;
    private static readonly Exercise Walk = ExerciseCatalog.Default.Find("walking")!;
    private static readonly Exercise Bridge = ExerciseCatalog.Default.Find("bridge")!;
    private static readonly Contraindication Disc = RuleSet.Default.Contraindications.Single(c => c.Id == "disc-avoid-extension");

    public static TheoryData<string, Exercise, string, string> BadExercises => new()
    {
        { "stretch without hold", Stretch with { Dosage = Stretch.Dosage with { HoldSeconds = null }, MinimumDosage = Stretch.MinimumDosage with { HoldSeconds = null }, MaximumDosage = Stretch.MaximumDosage with { HoldSeconds = null } }, "$.exercises[0].dosage.holdSeconds", "required for a stretch" },
        { "hold on a non-stretch", Bridge with { Dosage = Bridge.Dosage with { HoldSeconds = 10 }, MinimumDosage = Bridge.MinimumDosage with { HoldSeconds = 5 }, MaximumDosage = Bridge.MaximumDosage with { HoldSeconds = 20 } }, "$.exercises[0].dosage.holdSeconds", "only stretches" },
        { "aerobic without minutes", Walk with { Dosage = Walk.Dosage with { Minutes = null }, MinimumDosage = Walk.MinimumDosage with { Minutes = null }, MaximumDosage = Walk.MaximumDosage with { Minutes = null }, ProgressionStep = new Dosage() }, "$.exercises[0].dosage.minutes", "required for aerobic" },
        { "no repetitions or minutes", Bridge with { Dosage = Bridge.Dosage with { Repetitions = null }, MinimumDosage = Bridge.MinimumDosage with { Repetitions = null }, MaximumDosage = Bridge.MaximumDosage with { Repetitions = null }, ProgressionStep = new Dosage() }, "$.exercises[0].dosage.repetitions", "repetitions or minutes" },
        { "field set in dose but not bounds", Bridge with { MinimumDosage = Bridge.MinimumDosage with { Sets = null } }, "$.exercises[0].minimumDosage.sets", "alike" },
        { "dose above its maximum", Bridge with { Dosage = Bridge.Dosage with { Repetitions = 40 } }, "$.exercises[0].dosage.repetitions", "outside its bounds 5..15" },
        { "step for an unset field", Bridge with { ProgressionStep = new Dosage { Minutes = 5 } }, "$.exercises[0].progressionStep.minutes", "does not set this field" },
        { "missing dosage", Bridge with { MinimumDosage = null! }, "$.exercises[0].minimumDosage", "is required" },
        { "undefined kind", Bridge with { Kind = (ExerciseKind)99 }, "$.exercises[0].kind", "not a defined exercise kind" },
        { "undefined position", Bridge with { Position = (BodyPosition)99 }, "$.exercises[0].position", "not a defined body position" },
        { "undefined movement", Bridge with { Movements = [(MovementPattern)99] }, "$.exercises[0].movements[0]", "not a defined movement" },
        { "no movement", Bridge with { Movements = [] }, "$.exercises[0].movements", "at least one movement" },
        { "blank step", Bridge with { Instructions = ["Lie down.", " "] }, "$.exercises[0].instructions[1]", "non-empty text" },
    };

    [Theory]
    [MemberData(nameof(BadExercises))]
    public void ExerciseCatalog_BadExercise_NamesPathAndProblem(string what, Exercise exercise, string path, string message)
    {
        var error = Assert.Throws<SciaticaValidationException>(() => new ExerciseCatalog([exercise]));

        Assert.Contains(error.Problems, p => p.Path == path && p.Message.Contains(message, StringComparison.Ordinal));
        Assert.StartsWith("Invalid catalog", error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(what);
    }

    [Fact]
    public void ExerciseCatalog_EmptyOrNullEntries_Rejected()
    {
        Assert.Contains("at least one exercise", Assert.Throws<SciaticaValidationException>(() => new ExerciseCatalog([])).Message, StringComparison.Ordinal);
        Assert.Contains(Assert.Throws<SciaticaValidationException>(() => new ExerciseCatalog([Walk, null!])).Problems, p => p.Path == "$.exercises[1]" && p.Message.Contains("not null", StringComparison.Ordinal));
        Assert.Throws<ArgumentNullException>(() => new ExerciseCatalog(null!));
    }

    public static TheoryData<string, RuleThresholds, string, string> BadThresholds => new()
    {
        { "minimum age", new RuleThresholds { SeriousPathologyMinimumAge = 15 }, "$.thresholds.seriousPathologyMinimumAge", "16..30" },
        { "maximum age", new RuleThresholds { SeriousPathologyMaximumAge = 60 }, "$.thresholds.seriousPathologyMaximumAge", "30..55" },
        { "surgery weeks", new RuleThresholds { MinimumWeeksAfterSpineSurgery = 3 }, "$.thresholds.minimumWeeksAfterSpineSurgery", "4..52" },
        { "severe pain raised above 7", new RuleThresholds { SeverePainFrom = 8 }, "$.thresholds.severePainFrom", "1..7" },
        { "severe pain zero", new RuleThresholds { SeverePainFrom = 0 }, "$.thresholds.severePainFrom", "1..7" },
        { "pain during", new RuleThresholds { MaximumPainDuringExercise = 6 }, "$.thresholds.maximumPainDuringExercise", "0..5" },
        { "progression", new RuleThresholds { MaximumPainForProgression = 5, MaximumPainDuringExercise = 4 }, "$.thresholds.maximumPainForProgression", "maximumPainDuringExercise" },
    };

    [Theory]
    [MemberData(nameof(BadThresholds))]
    public void RuleSet_BadThreshold_NamesPathAndRange(string what, RuleThresholds thresholds, string path, string range)
    {
        var error = Assert.Throws<SciaticaValidationException>(() => new RuleSet("x", "1", [], thresholds));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(path, problem.Path);
        Assert.Contains(range, problem.Message, StringComparison.Ordinal);
        Assert.StartsWith("Invalid rule set", error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(what);
    }

    public static TheoryData<string, Contraindication, string, string> BadContraindications => new()
    {
        { "built-in id", Disc with { Id = "urgent-foot-drop" }, "$.contraindications[0].id", "built-in rule" },
        { "no movement", Disc with { Movements = [] }, "$.contraindications[0].movements", "at least one movement" },
        { "undefined movement", Disc with { Movements = [(MovementPattern)77] }, "$.contraindications[0].movements", "not a defined movement" },
        { "undefined cause", Disc with { Causes = [(Cause)77] }, "$.contraindications[0].causes", "not a defined cause" },
        { "undefined strength", Disc with { Strength = (ContraindicationStrength)7 }, "$.contraindications[0].strength", "relative or absolute" },
        { "absolute lifted", Disc with { Strength = ContraindicationStrength.Absolute }, "$.contraindications[0].liftedByDirectionalPreference", "nothing lifts" },
        { "undefined preference it applies with", Disc with { WhenDirectionalPreference = (DirectionalPreference)2 }, "$.contraindications[0].whenDirectionalPreference", "not a defined directional preference; allowed values: extension, flexion, or null." },
        { "undefined preference that lifts it", Disc with { LiftedByDirectionalPreference = (DirectionalPreference)2 }, "$.contraindications[0].liftedByDirectionalPreference", "not a defined directional preference; allowed values: extension, flexion, or null." },
    };

    [Theory]
    [MemberData(nameof(BadContraindications))]
    public void RuleSet_BadContraindication_NamesPathAndProblem(string what, Contraindication contraindication, string path, string message)
    {
        var error = Assert.Throws<SciaticaValidationException>(() => new RuleSet("x", "1", [contraindication]));

        Assert.Contains(error.Problems, p => p.Path == path && p.Message.Contains(message, StringComparison.Ordinal));
        Assert.NotEmpty(what);
    }

    [Fact]
    public void RuleSet_DuplicateAndNullContraindications_Rejected()
    {
        var error = Assert.Throws<SciaticaValidationException>(() => new RuleSet("x", "1", [Disc, Disc, null!]));

        Assert.Contains(error.Problems, p => p.Path == "$.contraindications[1].id" && p.Message.Contains("duplicate", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Path == "$.contraindications[2]" && p.Message.Contains("not null", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("advice-pain-above-ceiling")]
    [InlineData("emergency-cancer-with-neurological-signs")]
    [InlineData("land-walking-painful")]
    [InlineData("advice-pregnancy")]
    [InlineData("program-screening-passed")]
    public void RuleSet_GateWithABuiltInRulesId_IsRefused(string id)
    {
        // Two rules under one id would let a gate's red flag stand in for a built-in rule in every report that names it.
        var gates = RuleSet.Default.Screening.ToList();
        var fever = gates.Single(g => g.RedFlag == RedFlag.Fever);
        var at = gates.IndexOf(fever);
        gates[at] = fever with { Id = id };

        var error = Assert.Throws<SciaticaValidationException>(() => new RuleSet("x", "1", [], null, gates));

        var problem = Assert.Single(error.Problems);
        Assert.Equal($"$.screening[{at}].id", problem.Path);
        Assert.Equal($"'{id}' is the id of a built-in rule, which cannot be replaced or removed.", problem.Message);
    }

    [Fact]
    public void RuleSet_Gates_CannotBeRemovedWeakenedOrMalformed()
    {
        var gates = RuleSet.Default.Screening.ToList();
        var tumor = gates.Single(g => g.Cause == Cause.Tumor);
        var bladder = gates.Single(g => g.RedFlag == RedFlag.BladderDysfunction);
        var broken = gates.Where(g => g != tumor).Select(g => g == bladder ? g with { Decision = DecisionKind.UrgentReferral } : g)
            .Concat([bladder with { Id = "both", Cause = Cause.TightMuscles }, bladder with { Id = "letter", Decision = DecisionKind.Program }, bladder with { Id = "letter" }, null!])
            .ToList();

        var error = Assert.Throws<SciaticaValidationException>(() => new RuleSet("x", "1", [], null, broken));

        Assert.Contains(error.Problems, p => p.Path == "$.screening" && p.Message.Contains("cause 'tumor'", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Message.Contains("less urgent than the default rule set's 'emergency' for the red flag 'bladderDysfunction'", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Message.Contains("exactly one of redFlag and cause", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Path.EndsWith(".decision", StringComparison.Ordinal) && p.Message.Contains("lets a program through", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Path.EndsWith(".id", StringComparison.Ordinal) && p.Message.Contains("duplicate rule id 'letter'", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Message.Contains("must be a screening gate, not null", StringComparison.Ordinal));
        var cause = gates.Single(g => g.Cause == Cause.Infection);
        Assert.Contains(
            Assert.Throws<SciaticaValidationException>(() => new RuleSet("x", "1", [], null, gates.Select(g => g == cause ? g with { Decision = DecisionKind.SeekMedicalAdvice } : g))).Problems,
            p => p.Message.Contains("for the cause 'infection'", StringComparison.Ordinal));
    }

    [Fact]
    public void ProgramSelector_OverrideErrors_ListAllowedValues()
    {
        var selector = new ProgramSelector();
        var error = Assert.Throws<SciaticaValidationException>(() => selector.Select(Profiles.Clear with
        {
            ClinicianOverrides = [new ClinicianOverride { ExerciseId = "nope", RuleId = "nope", Reason = "x" }],
        }));

        // The lists are cut to fit a bounded message (300 characters), first ids in order, then how many more there are.
        var exercises = error.Problems.Single(p => p.Path.EndsWith("exerciseId", StringComparison.Ordinal)).Message;
        var ids = selector.Catalog.Exercises.Select(e => e.Id).Order(StringComparer.Ordinal).ToList();
        var shown = Regex.Match(exercises, "allowed values: (.*) and (\\d+) more\\.$");
        Assert.True(shown.Success, exercises);
        var listed = shown.Groups[1].Value.Split(", ");
        Assert.Equal(ids.Take(listed.Length), listed);
        Assert.Equal(ids.Count - listed.Length, int.Parse(shown.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        var rules = error.Problems.Single(p => p.Path.EndsWith("ruleId", StringComparison.Ordinal)).Message;
        Assert.InRange(rules.Length, 1, 300);
        // Rules an override may name are listed, relative ones apart from absolute ones (named, never lifted).
        var relative = Regex.Match(rules, "relative rules \\(lifted for the exercise\\): ([a-z0-9-]+)").Groups[1].Value;
        var absolute = Regex.Match(rules, "absolute rules \\(named, but never lifted\\): ([a-z0-9-]+)").Groups[1].Value;
        Assert.Equal(ContraindicationStrength.Relative, selector.RuleSet.Rules.Single(r => r.Id == relative).Strength);
        Assert.Equal(ContraindicationStrength.Absolute, selector.RuleSet.Rules.Single(r => r.Id == absolute).Strength);
        Assert.DoesNotContain("urgent-foot-drop", rules, StringComparison.Ordinal);
    }

    [Fact]
    public void ProgramSelector_OverrideOfScreeningRule_IsAnInputErrorListingWhatMayBeNamed()
    {
        var error = Assert.Throws<SciaticaValidationException>(() => new ProgramSelector().Select(Profiles.Clear with { ClinicianOverrides = [Profiles.Override("walking", "urgent-foot-drop")] }));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.clinicianOverrides[0].ruleId", problem.Path);
        Assert.Contains("no override can name it", problem.Message, StringComparison.Ordinal);
        Assert.Contains("clinician-enabled-only", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProgramSelector_DuplicateOverride_IsAnInputError()
    {
        var twice = Profiles.Override("sciatic-nerve-glide", "clinician-enabled-only");

        var error = Assert.Throws<SciaticaValidationException>(() => new ProgramSelector().Select(Profiles.Clear with { ClinicianOverrides = [twice, twice with { Reason = "Again." }] }));

        Assert.Contains(error.Problems, p => p.Message.Contains("second override of 'clinician-enabled-only' for 'sciatic-nerve-glide'", StringComparison.Ordinal));
    }

    [Fact]
    public void ProgramSelector_DirectionalPreferenceLift_IsShownAsAReason()
    {
        var decision = new ProgramSelector().Select(Profiles.With(Cause.HerniatedDisc) with { DirectionalPreference = DirectionalPreference.Extension });

        Assert.Contains(decision.Reasons, r => r.RuleId == "directional-preference-lifts-rule" && r.Message.Contains("'disc-avoid-extension'", StringComparison.Ordinal));
    }

    [Fact]
    public void ExerciseFeedback_PainOutOfRange_Throws() =>
        Assert.Contains("0..10", Assert.Throws<ArgumentOutOfRangeException>(() => new Sciatica.Rules.ExerciseFeedback { Id = "x", PainDuring = 11, SymptomChange = Sciatica.Rules.SymptomChange.Unchanged }).Message, StringComparison.Ordinal);
}
