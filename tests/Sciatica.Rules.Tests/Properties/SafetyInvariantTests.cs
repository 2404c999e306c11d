using System.Globalization;
using System.Text.Json.Nodes;
using Sciatica.Rules;
using Sciatica.Rules.Catalogs;
using Sciatica.Rules.Tests.Reference;

namespace Sciatica.Rules.Tests.Properties;

/// <summary>
/// The safety invariants of the clinical brief, one property (or a few) per invariant, each named after
/// it, over generated profiles and, half the time, random valid catalogs and rule sets.
/// </summary>
public sealed class SafetyInvariantTests
{
    private static readonly RedFlag[] EmergencyFlags = [RedFlag.BladderDysfunction, RedFlag.BowelDysfunction, RedFlag.SaddleAnesthesia, RedFlag.BilateralLegSymptoms];

    private static IEnumerable<string> Included(ProgramDecision d) => d.Exercises.Select(e => e.Id);

    [SafetyProperty]
    public void Invariant01_RedFlagDominance_EmergencySignAlwaysGivesEmergencyWithNoExercises(Scenario s, RedFlag any)
    {
        var flag = EmergencyFlags[(int)any % EmergencyFlags.Length];

        var decision = s.Selector.Select(s.Profile with { RedFlags = [.. s.Profile.RedFlags, flag] });

        Assert.Equal(DecisionKind.Emergency, decision.Decision);
        Assert.Empty(decision.Exercises);
        Assert.Equal(s.Selector.Catalog.Exercises.Count, decision.Excluded.Count);
    }

    [SafetyProperty]
    public void Invariant02_TreatFirst_SeriousCauseOrSuspectedPathologyGivesNoExercises(Scenario s, int pick)
    {
        Cause[] causes = [Cause.Tumor, Cause.Infection, Cause.SpinalVascularAbnormality];
        RedFlag[] flags = [RedFlag.CancerHistory, RedFlag.Fever, RedFlag.UnexplainedWeightLoss, RedFlag.IvDrugUse, RedFlag.Immunosuppression, RedFlag.SignificantTrauma];
        var index = Math.Abs(pick % (causes.Length + flags.Length));
        var profile = index < causes.Length
            ? s.Profile with { Causes = [.. s.Profile.Causes, causes[index]] }
            : s.Profile with { RedFlags = [.. s.Profile.RedFlags, flags[index - causes.Length]] };

        var decision = s.Selector.Select(profile);

        Assert.True(decision.Decision >= DecisionKind.TreatCauseFirst, decision.Decision.ToString());
        Assert.Empty(decision.Exercises);
    }

    [SafetyProperty]
    public void Invariant03_NoProgramWithoutClearanceKnownCauseAndTolerableSymptoms(Scenario s)
    {
        var decision = s.Decide();

        if (decision.Decision == DecisionKind.Program)
        {
            Assert.True(s.Profile.MedicalClearance, "program without medical clearance");
            Assert.True(s.Profile.SymptomsTolerateExercise, "program with symptoms that do not tolerate exercise");
            Assert.DoesNotContain(Cause.Unknown, s.Profile.Causes);
            Assert.True(s.Profile.WeeksSinceSpineSurgery is null || s.Profile.WeeksSinceSpineSurgery >= 4, "program less than 4 weeks after surgery");
        }
        else
        {
            Assert.Empty(decision.Exercises);
            Assert.NotEmpty(decision.Reasons);
        }
    }

    [SafetyProperty]
    public void Invariant04_NoIncludedExerciseIsContraindicated(Scenario s)
    {
        var p = s.Profile;
        var decision = s.Decide();

        foreach (var exercise in decision.Exercises)
        {
            foreach (var c in s.Selector.RuleSet.Contraindications)
            {
                // An independent reading of the rule: does it apply, and does it touch this exercise?
                var applies = (c.Causes.Count == 0 || c.Causes.Intersect(p.Causes).Any())
                    && (c.WhenDirectionalPreference is null || c.WhenDirectionalPreference == p.DirectionalPreference)
                    && (!c.AfterSpineSurgery || p.WeeksSinceSpineSurgery is not null)
                    && (c.MinimumLegPain is null || p.LegPain >= c.MinimumLegPain)
                    && (c.MinimumPregnancyWeeks is null || (p.PregnancyWeeks is { } weeks && weeks >= c.MinimumPregnancyWeeks));
                var position = s.Selector.Catalog.Find(exercise.Id)!.Position;
                if (!applies || !(c.Movements.Intersect(exercise.Movements).Any() || c.Positions.Contains(position)))
                {
                    continue;
                }

                var lifted = c.Strength == ContraindicationStrength.Relative
                    && ((c.LiftedByDirectionalPreference is not null && c.LiftedByDirectionalPreference == p.DirectionalPreference)
                        || p.ClinicianOverrides.Any(o => o.ExerciseId == exercise.Id && o.RuleId == c.Id));
                Assert.True(lifted, $"'{exercise.Id}' is included although '{c.Id}' ({c.Strength}) contraindicates it");
            }
        }
    }

    [SafetyProperty]
    public void Invariant05_MonotoneSafety_AddingACauseNeverAddsAnExerciseOrLowersCaution(Scenario s, Cause extra) =>
        AssertNoLessCautious(s, s.Profile with { Causes = [.. s.Profile.Causes, extra] });

    [SafetyProperty]
    public void Invariant05_MonotoneSafety_AddingARedFlagNeverAddsAnExerciseOrLowersCaution(Scenario s, RedFlag extra) =>
        AssertNoLessCautious(s, s.Profile with { RedFlags = [.. s.Profile.RedFlags, extra] });

    [SafetyProperty]
    public void Invariant05_MonotoneSafety_MorePainNeverAddsAnExerciseOrLowersCaution(Scenario s, byte amount, bool leg) =>
        AssertNoLessCautious(s, leg
            ? s.Profile with { LegPain = Math.Min(10, s.Profile.LegPain + (amount % 11)) }
            : s.Profile with { BackPain = Math.Min(10, s.Profile.BackPain + (amount % 11)) });

    private static void AssertNoLessCautious(Scenario s, PatientProfile worse)
    {
        var before = s.Decide();
        var after = s.Selector.Select(worse);

        Assert.True(after.Decision >= before.Decision, $"{before.Decision} became {after.Decision}");
        var added = Included(after).Except(Included(before)).ToList();
        Assert.True(added.Count == 0, "added: " + string.Join(", ", added));
    }

    [SafetyProperty]
    public void Invariant06_Determinism_PermutedListsAndAnyCultureGiveByteIdenticalJson(Scenario s, int seed)
    {
        var expected = SciaticaJson.WriteDecision(s.Decide());

        // The same profile, its lists reversed or rotated and its properties in another order, read back through the contract.
        var json = JsonNode.Parse(SciaticaJson.WriteProfile(s.Profile))!.AsObject();
        var shuffled = new JsonObject();
        foreach (var (name, value) in json.OrderBy(kv => (kv.Key.GetHashCode(StringComparison.Ordinal) ^ seed) & 0xFF).ToList())
        {
            shuffled[name] = value is JsonArray array ? new JsonArray(array.Reverse().Select(v => v?.DeepClone()).ToArray()) : value?.DeepClone();
        }

        var permuted = SciaticaJson.ReadProfile(shuffled.ToJsonString());
        var original = CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "tr-TR", "ar-SA", "fr-FR", "ja-JP" })
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
                Assert.Equal(expected, SciaticaJson.WriteDecision(s.Selector.Select(permuted)));
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = original;
        }
    }

    [SafetyProperty]
    public void Invariant06_Determinism_CompiledDecisionEqualsReferenceEvaluation(Scenario s, byte legPain, byte age)
    {
        // The compiled evaluator (bit masks, shared reason lists) against the general one (each rule's predicate as written).
        // The default engine is shared by every case, so its shared-part tables fill with parts of neighbouring profiles.
        var neighbour = s.Profile with { LegPain = legPain % 11, Age = s.Profile.Age is null ? null : 16 + (age % 105) };

        Assert.Equal(ReferenceEvaluator.Decide(s.Selector, s.Profile), s.Decide());
        Assert.Equal(ReferenceEvaluator.Decide(s.Selector, neighbour), s.Selector.Select(neighbour));
    }

    [SafetyProperty]
    public void Invariant07_TotalExplanation_EveryExerciseIncludedWithRationaleOrExcludedWithReason(Scenario s)
    {
        var decision = s.Decide();
        var included = Included(decision).ToList();
        var excluded = decision.Excluded.Select(e => e.Id).ToList();

        Assert.Equal(
            s.Selector.Catalog.Exercises.Select(e => e.Id).Order(StringComparer.Ordinal),
            included.Concat(excluded).Order(StringComparer.Ordinal));
        Assert.Empty(included.Intersect(excluded));
        Assert.All(decision.Exercises, e => Assert.False(string.IsNullOrWhiteSpace(e.Rationale)));
        Assert.All(decision.Excluded, e => Assert.NotEmpty(e.Reasons));
        if (decision.Decision == DecisionKind.Program)
        {
            Assert.All(decision.Excluded, e => Assert.Equal(e.Reasons.Select(r => r.RuleId).Order(StringComparer.Ordinal), e.Reasons.Select(r => r.RuleId)));
        }
        Assert.NotEmpty(decision.Reasons);
        Assert.Equal(s.Selector.RuleSetVersion, decision.RuleSetVersion);
    }

    [SafetyProperty]
    public void Invariant08_DosageWithinBounds_EveryDosePositiveAndWithinCatalogBounds(Scenario s)
    {
        foreach (var prescribed in s.Decide().Exercises)
        {
            var exercise = s.Selector.Catalog.Find(prescribed.Id)!;
            var dose = prescribed.Dosage;
            Assert.All(new[] { dose.HoldSeconds, dose.Repetitions, dose.Sets, dose.Minutes, dose.TimesPerDay }, v => Assert.True(v is null or > 0));
            Assert.True(dose.IsWithin(exercise.MinimumDosage, exercise.MaximumDosage), prescribed.Id);
            Assert.Equal(prescribed.Kind == ExerciseKind.Stretch, dose.HoldSeconds is not null);
            if (s.DefaultWorld && prescribed.Kind == ExerciseKind.Stretch)
            {
                Assert.Equal(30, dose.HoldSeconds);
            }
        }
    }

    [SafetyProperty]
    public void Invariant09_WaterWalkingOnlyWithPoolAndNoLandWalkingWhenPainful(Scenario s)
    {
        foreach (var exercise in s.Decide().Exercises)
        {
            Assert.False(exercise.Movements.Contains(MovementPattern.Aquatic) && !s.Profile.PoolAccess, $"'{exercise.Id}' is in water without pool access");
            Assert.False(exercise.Movements.Contains(MovementPattern.WeightBearing) && s.Profile.LandWalkingPainful, $"'{exercise.Id}' bears weight on land although land walking is painful");
        }
    }

    [SafetyProperty]
    public void Invariant10_ResponseSafety_WorseResponseNeverIncreasesAnyDose(ReviewScenario r, Worsening worsening)
    {
        var reviewer = new SessionReviewer(r.Selector);
        var better = reviewer.Review(r.Profile, r.Feedback);
        var worse = reviewer.Review(r.Profile, worsening.Apply(r.Feedback));

        Assert.True(worse.Decision >= better.Decision, $"{better.Decision} became {worse.Decision}");
        foreach (var feedback in r.Feedback.Exercises)
        {
            var before = Dose(better, feedback.Id);
            var after = Dose(worse, feedback.Id);
            Assert.True(after is null || (before is not null && after.IsAtMost(before)), $"'{feedback.Id}': {before} became {after}");
        }
    }

    [SafetyProperty]
    public void Invariant10_ResponseSafety_WorseResponseNeverRaisesTheCurrentDose(ReviewScenario r)
    {
        var review = new SessionReviewer(r.Selector).Review(r.Profile, r.Feedback);
        var limit = r.Selector.RuleSet.Thresholds.MaximumPainDuringExercise;

        foreach (var feedback in r.Feedback.Exercises.Where(f => f.PainDuring > limit || r.Feedback.NextMorning == NextMorningChange.Worse))
        {
            var current = feedback.Dosage ?? r.Selector.Catalog.Find(feedback.Id)!.Dosage;
            var next = Dose(review, feedback.Id);
            Assert.True(next is null || next.IsAtMost(current), $"'{feedback.Id}': {current} became {next}");
            Assert.NotEqual(ReviewAction.Progress, review.Exercises.FirstOrDefault(e => e.Id == feedback.Id)?.Action);
        }
    }

    [SafetyProperty]
    public void Invariant10_ResponseSafety_PeripheralizationOrNewNeurologicalSignNeverContinuesOrProgresses(ReviewScenario r)
    {
        var review = new SessionReviewer(r.Selector).Review(r.Profile, r.Feedback);

        if (r.Feedback.NewNumbness || r.Feedback.NewWeakness)
        {
            Assert.NotEqual(ReviewDecision.Adjust, review.Decision);
            Assert.Empty(review.Exercises);
        }

        foreach (var feedback in r.Feedback.Exercises.Where(f => f.SymptomChange == SymptomChange.Peripheralized))
        {
            var reviewed = review.Exercises.FirstOrDefault(e => e.Id == feedback.Id);
            // Version 3: walking and water walking (aerobic) are stepped down to a strictly lower dose rather than stopped.
            var walking = r.Selector.Catalog.Find(feedback.Id)!.Kind == ExerciseKind.Aerobic;
            var before = feedback.Dosage ?? r.Program.Exercises.Single(e => e.Id == feedback.Id).Dosage;
            var stepped = walking && reviewed is { Action: ReviewAction.Regress, Dosage: { } lower } && lower != before && lower.IsAtMost(before);
            Assert.True(reviewed is null or { Action: ReviewAction.Stop } || stepped, $"'{feedback.Id}' peripheralised but got {reviewed?.Action} {reviewed?.Dosage}");
        }

        if (r.Feedback.Exercises.Any(f => f.SymptomChange == SymptomChange.Peripheralized))
        {
            Assert.DoesNotContain(review.Exercises, e => e.Action == ReviewAction.Progress);
        }
    }

    [SafetyProperty]
    public void Invariant10_ResponseSafety_NewRedFlagGivesExactlyTheSelectDecision(ReviewScenario r, RedFlag flag)
    {
        var feedback = r.Feedback with { NewRedFlags = [.. r.Feedback.NewRedFlags, flag], NewNumbness = false, NewWeakness = false };

        var review = new SessionReviewer(r.Selector).Review(r.Profile, feedback);
        var select = r.Selector.Select(r.Profile with { RedFlags = [.. r.Profile.RedFlags, .. feedback.NewRedFlags] });

        // Compared by contract name, not by number: the review's decision kinds are a separate enum.
        var expected = select.Decision == DecisionKind.Program ? "adjust" : ContractNames.Of(select.Decision);
        Assert.Equal(expected, ContractNames.Of(review.Decision));
        Assert.Equal(select.Decision == DecisionKind.Program, review.Decision == ReviewDecision.Adjust);
    }

    [SafetyProperty]
    public void Invariant10_OverridesNeverLiftAnAbsoluteRule(Scenario s)
    {
        var decision = s.Decide();

        foreach (var o in s.Profile.ClinicianOverrides)
        {
            var rule = s.Selector.RuleSet.Contraindications.FirstOrDefault(c => c.Id == o.RuleId);
            var exercise = s.Selector.Catalog.Find(o.ExerciseId)!;
            if (decision.Decision == DecisionKind.Program && rule is { Strength: ContraindicationStrength.Absolute } && rule.AppliesTo(s.Profile) && rule.Movements.Intersect(exercise.Movements).Any())
            {
                // The absolute rule still stands as a reason for leaving the exercise out, and the refusal is shown.
                Assert.DoesNotContain(o.ExerciseId, Included(decision));
                Assert.Contains(decision.Excluded.Single(e => e.Id == o.ExerciseId).Reasons, r => r.RuleId == o.RuleId);
                Assert.Contains(decision.Reasons, r => r.RuleId == "clinician-override-refused" && r.Message.Contains(o.RuleId, StringComparison.Ordinal));
            }
        }
    }

    [SafetyProperty]
    public void Invariant11_RoundTrip_DecisionProfileAndReviewSurviveJson(ReviewScenario r)
    {
        var decision = r.Selector.Select(r.Profile);
        var review = new SessionReviewer(r.Selector).Review(r.Profile, r.Feedback);

        Assert.Equal(decision, SciaticaJson.ReadDecision(SciaticaJson.WriteDecision(decision)));
        Assert.Equal(r.Profile, SciaticaJson.ReadProfile(SciaticaJson.WriteProfile(r.Profile)));
        Assert.Equal(review, SciaticaJson.ReadReview(SciaticaJson.WriteReview(review, indented: true)));
        Assert.Equal(new ReviewRequest(r.Profile, r.Feedback), SciaticaJson.ReadReviewRequest(SciaticaJson.WriteReviewRequest(new ReviewRequest(r.Profile, r.Feedback))));
    }

    [SafetyProperty]
    public void Invariant12_InvalidProfileRejectedNamingTheField(Scenario s, int pick)
    {
        (string Field, JsonNode? Value)[] corruptions =
        [
            ("causes", new JsonArray()), ("causes", new JsonArray("sciatica")), ("causes", "herniatedDisc"), ("legPain", 11), ("legPain", -1),
            ("legPain", 2.5), ("legPain", "4"), ("legPain", null), ("backPain", 11), ("redFlags", new JsonArray("bladder")),
            ("medicalClearance", "true"), ("medicalClearance", null), ("age", 15), ("age", 121), ("weeksSinceSpineSurgery", -1),
            ("directionalPreference", "sideways"), ("affectedRoots", new JsonArray("s2")), ("symptomWeeks", 521), ("symptomWeeks", -1), ("pregnancyWeeks", 43), ("pregnancyWeeks", "20"), ("poolAccess", 1), ("extraField", true),
        ];
        var (field, value) = corruptions[Math.Abs(pick % corruptions.Length)];
        var json = JsonNode.Parse(SciaticaJson.WriteProfile(s.Profile))!.AsObject();
        json[field] = value;

        var error = Assert.Throws<Sciatica.Rules.SciaticaValidationException>(() => SciaticaJson.ReadProfile(json.ToJsonString()));

        Assert.Contains(error.Problems, p => p.Path.StartsWith("$." + field, StringComparison.Ordinal));
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [SafetyProperty]
    public void Invariant12_InvalidCatalogRejectedNamingTheField(int pick, int at)
    {
        var exercises = ExerciseCatalog.Default.Exercises.ToList();
        var i = Math.Abs(at % exercises.Count);
        var e = exercises[i];
        (string Field, Exercise Broken)[] corruptions =
        [
            ("name", e with { Name = " " }),
            ("id", e with { Id = "Bad Id" }),
            ("id", e with { Id = exercises[(i + 1) % exercises.Count].Id }),
            ("source", e with { Source = "HEARSAY" }),
            ("instructions", e with { Instructions = [] }),
            ("movements", e with { Movements = [] }),
            ("dosage", e with { Dosage = e.Dosage with { Repetitions = e.MaximumDosage.Repetitions + 1, Minutes = e.MaximumDosage.Minutes + 1 } }),
            ("maximumDosage", e with { MaximumDosage = e.MaximumDosage with { HoldSeconds = e.Kind == ExerciseKind.Stretch ? 121 : null, Minutes = e.Kind == ExerciseKind.Aerobic ? 999 : null, Repetitions = e.Kind == ExerciseKind.Aerobic ? null : 999 } }),
            ("rationale", e with { Rationale = string.Empty }),
        ];
        var (field, broken) = corruptions[Math.Abs(pick % corruptions.Length)];
        exercises[i] = broken;

        var error = Assert.Throws<Sciatica.Rules.SciaticaValidationException>(() => new ExerciseCatalog(exercises));

        var prefix = field == "id" && broken.Id != "Bad Id" ? "$.exercises[" : $"$.exercises[{i}].{field}";
        Assert.Contains(error.Problems, p => p.Path.StartsWith(prefix, StringComparison.Ordinal) && p.Path.Contains(field, StringComparison.Ordinal));
    }

    [SafetyProperty]
    public void Invariant12_InvalidRuleSetRejectedNamingTheField(int pick, int at)
    {
        var rules = RuleSet.Default.Contraindications.ToList();
        var i = Math.Abs(at % rules.Count);
        var c = rules[i];
        (string Path, Contraindication? Broken, RuleThresholds? Thresholds)[] corruptions =
        [
            ($"$.contraindications[{i}].id", c with { Id = "emergency-bladder-dysfunction" }, null),
            ($"$.contraindications[{i}].movements", c with { Movements = [], Positions = [] }, null),
            ($"$.contraindications[{i}].minimumLegPain", c with { MinimumLegPain = 11 }, null),
            ($"$.contraindications[{i}].minimumPregnancyWeeks", c with { MinimumPregnancyWeeks = -1 }, null),
            ("$.thresholds.severePainFrom", null, new RuleThresholds { SeverePainFrom = 8 }),
            ($"$.contraindications[{i}].liftedByDirectionalPreference", c with { Strength = ContraindicationStrength.Absolute, LiftedByDirectionalPreference = DirectionalPreference.Extension }, null),
            ($"$.contraindications[{i}].source", c with { Source = "x" }, null),
            ($"$.contraindications[{i}].rationale", c with { Rationale = "" }, null),
            ("$.thresholds.minimumWeeksAfterSpineSurgery", null, new RuleThresholds { MinimumWeeksAfterSpineSurgery = 3 }),
            ("$.thresholds.maximumPainDuringExercise", null, new RuleThresholds { MaximumPainDuringExercise = 6 }),
            ("$.thresholds.seriousPathologyMaximumAge", null, new RuleThresholds { SeriousPathologyMaximumAge = 70 }),
        ];
        var (path, broken, thresholds) = corruptions[Math.Abs(pick % corruptions.Length)];
        if (broken is not null)
        {
            rules[i] = broken;
        }

        var error = Assert.Throws<Sciatica.Rules.SciaticaValidationException>(() => new RuleSet("broken", "1.0.0", rules, thresholds));

        Assert.Contains(error.Problems, p => p.Path == path);
    }

    private static Dosage? Dose(SessionReview review, string id) =>
        review.Exercises.FirstOrDefault(e => e.Id == id) is { Action: not ReviewAction.Stop } e ? e.Dosage : null;
}
