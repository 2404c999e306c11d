using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using Sciatica.Rules;
using Sciatica.Rules.Catalogs;
using Sciatica.Rules.Tests.Reference;

namespace Sciatica.Rules.Tests.Properties;

/// <summary>
/// Generators for the safety properties: profiles that reach every enum value and every boundary (pain 0
/// and 10, ages 16, 19/20, 50/51 and 120, weeks since surgery 0, 3, 4 and more, zero and many causes and
/// red flags), and random valid catalogs and rule sets, so invariants hold for any catalog a host loads.
/// </summary>
public static class Arbitraries
{
    private static readonly Cause[] AllCauses = Enum.GetValues<Cause>();
    private static readonly RedFlag[] AllRedFlags = Enum.GetValues<RedFlag>();
    private static readonly MovementPattern[] AllMovements = Enum.GetValues<MovementPattern>();
    private static readonly ExerciseKind[] AllKinds = Enum.GetValues<ExerciseKind>();

    /// <summary>Causes that do not gate the program on their own, so that programs are common.</summary>
    private static readonly Cause[] ProgramCauses =
    [
        Cause.BulgingDisc, Cause.HerniatedDisc, Cause.RupturedDisc, Cause.SpinalStenosis, Cause.Osteoarthritis, Cause.InflammatoryArthritis,
        Cause.Spondylolisthesis, Cause.Osteoporosis, Cause.PoorPosture, Cause.TightMuscles, Cause.Injury, Cause.ClinicalRadiculopathy,
    ];

    public static Arbitrary<Scenario> Scenario() => Arb.From(ScenarioGen, Shrink);

    public static Arbitrary<ReviewScenario> ReviewScenario() => ReviewGen.ToArbitrary();

    /// <summary>A program and 1 to 6 sessions of feedback on it (new red flags and neurological signs rare), oldest first.</summary>
    public static Arbitrary<HistoryScenario> HistoryScenario() =>
        (from r in ReviewGen
         from count in Gen.Choose(1, 6)
         from sessions in Gen.ListOf(FeedbackFor(r.Selector, r.Program), count)
         select new HistoryScenario(r.Selector, r.Profile, r.Program, [.. sessions.Select(Calmer)])).ToArbitrary();

    /// <summary>Most sessions of a history end with the program going on: red flags and new signs kept rare.</summary>
    private static SessionFeedback Calmer(SessionFeedback f, int index) =>
        index % 4 == 3 ? f : f with { NewRedFlags = [], NewNumbness = false, NewWeakness = false };

    public static Arbitrary<Worsening> Worsening() =>
        (from kind in Gen.Elements(Enum.GetValues<WorseningKind>())
         from index in Gen.Choose(0, 20)
         from amount in Gen.Choose(1, 10)
         from flag in Gen.Elements(AllRedFlags)
         select new Worsening(kind, index, amount, flag)).ToArbitrary();

    public static Arbitrary<Cause> AnyCause() => Gen.Elements(AllCauses).ToArbitrary();

    public static Arbitrary<RedFlag> AnyRedFlag() => Gen.Elements(AllRedFlags).ToArbitrary();

    public static Gen<ProgramSelector> World => Gen.Frequency(
        (1, Gen.Constant(ProgramSelector.Default)),
        (1, RandomWorld()));

    private static Gen<Scenario> ScenarioGen =>
        from world in World
        from profile in ProfileFor(world)
        select new Scenario(world, profile, ReferenceEquals(world, ProgramSelector.Default));

    /// <summary>Half the profiles pass screening, so that program invariants are exercised as often as screening ones.</summary>
    public static Gen<PatientProfile> ProfileFor(ProgramSelector world) =>
        from leanProgram in Gen.Elements(true, false)
        from profile in AnyProfileFor(world)
        from programCauses in SubList(ProgramCauses.Where(c => c != Sciatica.Rules.Cause.Injury))
        from programCause in Gen.Elements(ProgramCauses.Where(c => c != Sciatica.Rules.Cause.Injury).ToArray())
        from weeks in Gen.Frequency((3, Gen.Constant<int?>(null)), (1, Gen.Choose(world.RuleSet.Thresholds.MinimumWeeksAfterSpineSurgery, 104).Select(w => (int?)w)))
        select !leanProgram ? profile : profile with
        {
            Causes = programCauses.Count == 0 ? [programCause] : [.. programCauses],
            RedFlags = [],
            MedicalClearance = true,
            SymptomsTolerateExercise = true,
            WeeksSinceSpineSurgery = weeks,
            LegPain = Math.Min(profile.LegPain, world.RuleSet.Thresholds.SeverePainFrom - 1),
            BackPain = Math.Min(profile.BackPain, world.RuleSet.Thresholds.SeverePainFrom - 1),
        } into screened
        from overrides in OverridesFor(world, screened)
        select screened with { ClinicianOverrides = [.. overrides.DistinctBy(o => (o.ExerciseId, o.RuleId))] };

    private static Gen<PatientProfile> AnyProfileFor(ProgramSelector world) =>
        from causes in Gen.Frequency(
            (3, Gen.Elements(ProgramCauses).Select(c => (IList<Cause>)[c])),
            (2, SubList(AllCauses)))
        from extraCause in Gen.Elements(AllCauses)
        from roots in SubList(Enum.GetValues<NerveRoot>())
        from legPain in Pain
        from backPain in Pain
        from redFlags in Gen.Frequency(
            (5, Gen.Constant<IList<RedFlag>>([])),
            (2, Gen.Elements(AllRedFlags).Select(f => (IList<RedFlag>)[f])),
            (1, SubList(AllRedFlags)))
        from clearance in Gen.Frequency((5, Gen.Constant(true)), (1, Gen.Constant(false)))
        from tolerate in Gen.Frequency((5, Gen.Constant(true)), (1, Gen.Constant(false)))
        from landPainful in Gen.Elements(true, false)
        from pool in Gen.Elements(true, false)
        from age in Gen.Frequency(
            (2, Gen.Constant<int?>(null)),
            (2, Gen.Elements<int?>(16, 19, 20, 50, 51, 55, 56, 120)),
            (3, Gen.Choose(16, 120).Select(a => (int?)a)))
        from weeks in Gen.Frequency(
            (6, Gen.Constant<int?>(null)),
            (2, Gen.Elements<int?>(0, 3, 4, 5, 12)),
            (1, Gen.Choose(0, 520).Select(w => (int?)w)))
        from preference in Gen.Frequency(
            (3, Gen.Constant<DirectionalPreference?>(null)),
            (1, Gen.Constant<DirectionalPreference?>(DirectionalPreference.Extension)),
            (1, Gen.Constant<DirectionalPreference?>(DirectionalPreference.Flexion)))
        from symptomWeeks in SymptomWeeks
        from pregnancyWeeks in PregnancyWeeks
        from side in Gen.Elements<AffectedSide?>(null, AffectedSide.Left, AffectedSide.Right, AffectedSide.Both)
        select new PatientProfile
        {
            Causes = causes.Count == 0 ? [extraCause] : [.. causes],
            AffectedRoots = [.. roots],
            AffectedSide = side,
            LegPain = legPain,
            BackPain = backPain,
            RedFlags = [.. redFlags],
            MedicalClearance = clearance,
            SymptomsTolerateExercise = tolerate,
            LandWalkingPainful = landPainful,
            PoolAccess = pool,
            Age = age,
            WeeksSinceSpineSurgery = weeks,
            SymptomWeeks = symptomWeeks,
            PregnancyWeeks = pregnancyWeeks,
            DirectionalPreference = preference,
        };

    /// <summary>Episode length: not recorded, either side of the 6-week review, and anything up to 520 weeks.</summary>
    public static Gen<int?> SymptomWeeks => Gen.Frequency(
        (3, Gen.Constant<int?>(null)),
        (2, Gen.Elements<int?>(0, 5, 6, 520)),
        (2, Gen.Choose(0, 520).Select(w => (int?)w)));

    /// <summary>Weeks of pregnancy: mostly not pregnant, then both sides of 12 and 20 weeks and anything up to 42.</summary>
    public static Gen<int?> PregnancyWeeks => Gen.Frequency(
        (6, Gen.Constant<int?>(null)),
        (2, Gen.Elements<int?>(0, 11, 12, 19, 20, 42)),
        (2, Gen.Choose(0, 42).Select(w => (int?)w)));

    private static Gen<IList<T>> SubList<T>(IEnumerable<T> items) => Gen.SubListOf(items.ToArray()).Select(list => (IList<T>)list.ToList());

    private static Gen<int> Pain => Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Constant(10)), (4, Gen.Choose(0, 10)));

    /// <summary>
    /// Overrides that matter: mostly of rules that do exclude an exercise for this person (relative and
    /// absolute alike, so that an override wrongly lifting an absolute rule is generated), sometimes random.
    /// </summary>
    internal static Gen<IList<ClinicianOverride>> OverridesFor(ProgramSelector world, PatientProfile profile)
    {
        var eligibility = world.RuleSet.Rules.Where(r => r.Category == RuleCategory.Eligibility).Select(r => r.Id).ToArray();
        var targeted = world.RuleSet.Contraindications
            .Where(c => c.AppliesTo(profile))
            .SelectMany(c => world.Catalog.Exercises.Where(c.Touches).Select(e => (Exercise: e.Id, Rule: c.Id)))
            .Concat(world.Catalog.Exercises.SelectMany(e => eligibility.Select(rule => (Exercise: e.Id, Rule: rule))))
            .Select(pair => new ClinicianOverride { ExerciseId = pair.Exercise, RuleId = pair.Rule, Reason = "Clinician's documented reason." })
            .ToArray();
        return Gen.Frequency(
            (2, Gen.Constant<IList<ClinicianOverride>>([])),
            (3, Gen.Choose(1, 3).SelectMany(n => Gen.ListOf(Gen.Elements(targeted), n)).Select(l => (IList<ClinicianOverride>)l.ToList())),
            (1, Gen.Choose(1, 2).SelectMany(n => Gen.ListOf(OverrideFor(world), n)).Select(l => (IList<ClinicianOverride>)l.ToList())));
    }

    private static Gen<ClinicianOverride> OverrideFor(ProgramSelector world) =>
        from exercise in Gen.Elements(world.Catalog.Exercises.Select(e => e.Id).ToArray())
        from rule in Gen.Elements(world.RuleSet.Rules.Where(r => r.Strength is not null).Select(r => r.Id).ToArray())
        select new ClinicianOverride { ExerciseId = exercise, RuleId = rule, Reason = "Clinician's documented reason." };

    /// <summary>
    /// The default rule set over the default catalog or a random one, with profiles pushed toward the version 2
    /// guards: osteoporosis, leg pain around 4, pregnancy around 12 and 20 weeks.
    /// </summary>
    public static Arbitrary<GuardScenario> GuardScenario() =>
        (from world in Gen.Frequency(
            (1, Gen.Constant(ProgramSelector.Default)),
            (2, RandomCatalog.Select(catalog => new ProgramSelector(catalog, RuleSet.Default))))
         from profile in ProfileFor(world)
         from osteoporosis in Gen.Elements(true, false)
         from legPain in Gen.Frequency((3, Gen.Choose(2, 6)), (1, Pain))
         from pregnancy in Gen.Frequency((1, Gen.Constant<int?>(null)), (2, Gen.Elements<int?>(11, 12, 19, 20, 42)), (1, PregnancyWeeks))
         let guarded = profile with
         {
             Causes = osteoporosis ? [.. profile.Causes, Sciatica.Rules.Cause.Osteoporosis] : profile.Causes,
             LegPain = Math.Min(legPain, world.RuleSet.Thresholds.SeverePainFrom - 1),
             PregnancyWeeks = pregnancy,
         }
         from overrides in OverridesFor(world, guarded)
         select new GuardScenario(world, guarded with { ClinicianOverrides = [.. overrides.DistinctBy(o => (o.ExerciseId, o.RuleId))] })).ToArbitrary();

    private static Gen<ExerciseCatalog> RandomCatalog =>
        Gen.NonEmptyListOf(ExerciseGen).Select(list => new ExerciseCatalog(list.Take(30).Select((e, i) => e with { Id = $"ex-{i}" })));

    public static Gen<ProgramSelector> RandomWorld() => RandomWorld(Gen.NonEmptyListOf(ExerciseGen).Select(list => list.Take(30).ToList()));

    /// <summary>Worlds with catalogs of 65 to 400 exercises and 65 to 150 contraindications: many exercise classes, and rule and reason sets wider than one 64-bit word.</summary>
    public static Gen<ProgramSelector> LargeWorld() =>
        RandomWorld(Gen.Choose(65, 400).SelectMany(n => Gen.ListOf(ExerciseGen, n)).Select(list => list.ToList()), Gen.Choose(65, 150).SelectMany(n => Gen.ListOf(ContraindicationGen, n)));

    private static Gen<ProgramSelector> RandomWorld(Gen<List<Exercise>> catalogs) => RandomWorld(catalogs, Gen.ListOf(ContraindicationGen).Select(list => list.Take(15).ToList()));

    private static Gen<ProgramSelector> RandomWorld(Gen<List<Exercise>> catalogs, Gen<List<Contraindication>> rules) =>
        from exercises in catalogs.Select(list => list.Select((e, i) => e with { Id = $"ex-{i:D3}" }).ToList())
        from contraindications in rules.Select(list => list.Select((c, i) => c with { Id = $"ci-{i:D3}" }).ToList())
        from thresholds in ThresholdsGen
        select new ProgramSelector(new ExerciseCatalog(exercises), new RuleSet("random", "1.0.0", contraindications, thresholds));

    private static Gen<RuleThresholds> ThresholdsGen =>
        from minimumAge in Gen.Choose(16, 30)
        from maximumAge in Gen.Choose(30, 55)
        from weeks in Gen.Choose(4, 12)
        from severePain in Gen.Frequency((3, Gen.Constant(7)), (1, Gen.Choose(1, 7)))
        from painDuring in Gen.Choose(0, 5)
        from painProgress in Gen.Choose(0, painDuring)
        select new RuleThresholds
        {
            SeriousPathologyMinimumAge = minimumAge,
            SeriousPathologyMaximumAge = maximumAge,
            MinimumWeeksAfterSpineSurgery = weeks,
            SeverePainFrom = severePain,
            MaximumPainDuringExercise = painDuring,
            MaximumPainForProgression = painProgress,
        };

    private static Gen<Contraindication> ContraindicationGen =>
        from causes in Gen.Frequency((1, Gen.Constant<IList<Cause>>([])), (3, SubList(AllCauses)))
        from preference in Gen.Frequency(
            (4, Gen.Constant<DirectionalPreference?>(null)),
            (1, Gen.Elements<DirectionalPreference?>(DirectionalPreference.Extension, DirectionalPreference.Flexion)))
        from afterSurgery in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        from legPain in Gen.Frequency((4, Gen.Constant<int?>(null)), (1, Gen.Choose(0, 10).Select(p => (int?)p)))
        from pregnancy in Gen.Frequency((4, Gen.Constant<int?>(null)), (1, Gen.Choose(0, 42).Select(w => (int?)w)))
        from byPosition in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from positions in byPosition ? Gen.NonEmptyListOf(Gen.Elements(Enum.GetValues<BodyPosition>())).Select(l => l.Distinct().ToEquatableArray()) : Gen.Constant<EquatableArray<BodyPosition>>([])
        from movements in byPosition ? Gen.Frequency((1, Gen.Constant<EquatableArray<MovementPattern>>([])), (1, NonEmptyMovements)) : NonEmptyMovements
        from strength in Gen.Elements(ContraindicationStrength.Relative, ContraindicationStrength.Absolute)
        from lifted in strength == ContraindicationStrength.Relative
            ? Gen.Frequency(
                (2, Gen.Constant<DirectionalPreference?>(null)),
                (1, Gen.Elements<DirectionalPreference?>(DirectionalPreference.Extension, DirectionalPreference.Flexion)))
            : Gen.Constant<DirectionalPreference?>(null)
        from source in Gen.Elements(ClinicalSources.All.ToArray())
        select new Contraindication
        {
            Id = "ci",
            Causes = [.. causes],
            WhenDirectionalPreference = preference,
            AfterSpineSurgery = afterSurgery,
            MinimumLegPain = legPain,
            MinimumPregnancyWeeks = pregnancy,
            Movements = movements,
            Positions = positions,
            Strength = strength,
            LiftedByDirectionalPreference = lifted,
            Rationale = "Generated contraindication.",
            Source = source,
        };

    private static Gen<EquatableArray<MovementPattern>> NonEmptyMovements =>
        from first in Gen.Elements(AllMovements)
        from more in SubList(AllMovements)
        select more.Prepend(first).Distinct().ToEquatableArray();

    private static Gen<Exercise> ExerciseGen =>
        from kind in Gen.Elements(AllKinds)
        from position in Gen.Elements(Enum.GetValues<BodyPosition>())
        from movements in NonEmptyMovements
        from hold in DoseField(kind == ExerciseKind.Stretch, ExerciseCatalog.MaximumHoldSeconds, typical: 30)
        from repetitions in DoseField(kind != ExerciseKind.Aerobic, ExerciseCatalog.MaximumRepetitions)
        from sets in DoseField(kind != ExerciseKind.Aerobic, ExerciseCatalog.MaximumSets)
        from minutes in DoseField(kind == ExerciseKind.Aerobic, ExerciseCatalog.MaximumMinutes)
        from times in DoseField(true, ExerciseCatalog.MaximumTimesPerDay)
        from clinicianOnly in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        from source in Gen.Elements(ClinicalSources.All.ToArray())
        select new Exercise
        {
            Id = "ex",
            Name = "Generated exercise",
            Kind = kind,
            Position = position,
            Movements = movements,
            Dosage = new Dosage { HoldSeconds = hold.Start, Repetitions = repetitions.Start, Sets = sets.Start, Minutes = minutes.Start, TimesPerDay = times.Start },
            MinimumDosage = new Dosage { HoldSeconds = hold.Low, Repetitions = repetitions.Low, Sets = sets.Low, Minutes = minutes.Low, TimesPerDay = times.Low },
            MaximumDosage = new Dosage { HoldSeconds = hold.High, Repetitions = repetitions.High, Sets = sets.High, Minutes = minutes.High, TimesPerDay = times.High },
            ProgressionStep = new Dosage { HoldSeconds = hold.Step, Repetitions = repetitions.Step, Sets = sets.Step, Minutes = minutes.Step, TimesPerDay = times.Step },
            Instructions = ["Do the movement slowly."],
            Rationale = "Generated exercise.",
            Source = source,
            ClinicianEnabledOnly = clinicianOnly,
        };

    private static Gen<(int? Low, int? Start, int? High, int? Step)> DoseField(bool present, int cap, int? typical = null)
    {
        if (!present)
        {
            return Gen.Constant<(int?, int?, int?, int?)>((null, null, null, null));
        }

        var random =
            from a in Gen.Choose(1, cap)
            from b in Gen.Choose(1, cap)
            from c in Gen.Choose(1, cap)
            from step in Gen.Frequency((1, Gen.Constant<int?>(null)), (3, Gen.Choose(1, 5).Select(s => (int?)s)))
            let sorted = new[] { a, b, c }.Order().ToArray()
            select ((int?)sorted[0], (int?)sorted[1], (int?)sorted[2], step);
        return typical is { } t
            ? Gen.Frequency((3, Gen.Constant<(int?, int?, int?, int?)>((t, t, t, null))), (1, random))
            : random;
    }

    private static Gen<ReviewScenario> ReviewGen =>
        from world in World
        from profile in ProfileFor(world)
        let programProfile = profile with
        {
            RedFlags = [],
            MedicalClearance = true,
            SymptomsTolerateExercise = true,
            WeeksSinceSpineSurgery = null,
            Causes = profile.Causes.Where(c => c is Sciatica.Rules.Cause.TightMuscles or Sciatica.Rules.Cause.HerniatedDisc or Sciatica.Rules.Cause.SpinalStenosis or Sciatica.Rules.Cause.Osteoporosis or Sciatica.Rules.Cause.PoorPosture).DefaultIfEmpty(Sciatica.Rules.Cause.TightMuscles).ToEquatableArray(),
            LegPain = Math.Min(profile.LegPain, world.RuleSet.Thresholds.SeverePainFrom - 1),
            BackPain = Math.Min(profile.BackPain, world.RuleSet.Thresholds.SeverePainFrom - 1),
        }
        let program = world.Select(programProfile)
        from feedback in FeedbackFor(world, program)
        select new ReviewScenario(world, programProfile, feedback, program);

    private static Gen<SessionFeedback> FeedbackFor(ProgramSelector world, ProgramDecision program) =>
        from chosen in program.Exercises.IsEmpty ? Gen.Constant<IList<PrescribedExercise>>([]) : SubList(program.Exercises)
        from exercises in Gen.CollectToList(chosen, e => ExerciseFeedbackFor(world.Catalog.Find(e.Id)!))
        from morning in Gen.Elements(NextMorningChange.Better, NextMorningChange.Same, NextMorningChange.Worse)
        from numbness in Gen.Frequency((6, Gen.Constant(false)), (1, Gen.Constant(true)))
        from weakness in Gen.Frequency((6, Gen.Constant(false)), (1, Gen.Constant(true)))
        from flags in Gen.Frequency((6, Gen.Constant<IList<RedFlag>>([])), (1, SubList(AllRedFlags)))
        select new SessionFeedback
        {
            Exercises = [.. exercises],
            NextMorning = morning,
            NewNumbness = numbness,
            NewWeakness = weakness,
            NewRedFlags = [.. flags],
        };

    private static Gen<ExerciseFeedback> ExerciseFeedbackFor(Exercise exercise) =>
        from pain in Pain
        from change in Gen.Frequency(
            (2, Gen.Constant(SymptomChange.Unchanged)),
            (1, Gen.Constant(SymptomChange.Centralized)),
            (1, Gen.Constant(SymptomChange.Peripheralized)))
        from dose in Gen.Frequency((1, Gen.Constant<Dosage?>(null)), (2, DoseWithin(exercise)))
        select new ExerciseFeedback { Id = exercise.Id, PainDuring = pain, SymptomChange = change, Dosage = dose };

    private static Gen<Dosage?> DoseWithin(Exercise e)
    {
        static Gen<int?> Between(int? low, int? high) =>
            low is null || high is null ? Gen.Constant<int?>(null) : Gen.Frequency(
                (1, Gen.Constant(low)), (1, Gen.Constant(high)), (2, Gen.Choose(low.Value, high.Value).Select(v => (int?)v)));
        return
            from hold in Between(e.MinimumDosage.HoldSeconds, e.MaximumDosage.HoldSeconds)
            from repetitions in Between(e.MinimumDosage.Repetitions, e.MaximumDosage.Repetitions)
            from sets in Between(e.MinimumDosage.Sets, e.MaximumDosage.Sets)
            from minutes in Between(e.MinimumDosage.Minutes, e.MaximumDosage.Minutes)
            from times in Between(e.MinimumDosage.TimesPerDay, e.MaximumDosage.TimesPerDay)
            select (Dosage?)new Dosage { HoldSeconds = hold, Repetitions = repetitions, Sets = sets, Minutes = minutes, TimesPerDay = times };
    }

    /// <summary>Simpler versions of a failing scenario, so a counterexample shrinks to a small readable profile.</summary>
    private static IEnumerable<Scenario> Shrink(Scenario scenario)
    {
        var p = scenario.Profile;
        var simpler = new List<PatientProfile>();
        if (p.Causes.Count > 1)
        {
            simpler.AddRange(p.Causes.Select(c => p with { Causes = p.Causes.Where(x => x != c).ToEquatableArray() }));
        }

        simpler.AddRange(p.RedFlags.Select(f => p with { RedFlags = p.RedFlags.Where(x => x != f).ToEquatableArray() }));
        simpler.AddRange(p.ClinicianOverrides.Select(o => p with { ClinicianOverrides = p.ClinicianOverrides.Where(x => x != o).ToEquatableArray() }));
        if (!p.AffectedRoots.IsEmpty)
        {
            simpler.Add(p with { AffectedRoots = [] });
        }

        if (p.LegPain > 0)
        {
            simpler.Add(p with { LegPain = p.LegPain / 2 });
        }

        if (p.BackPain > 0)
        {
            simpler.Add(p with { BackPain = p.BackPain / 2 });
        }

        if (p.Age is not null)
        {
            simpler.Add(p with { Age = null });
        }

        if (p.WeeksSinceSpineSurgery is not null)
        {
            simpler.Add(p with { WeeksSinceSpineSurgery = null });
        }

        if (p.PregnancyWeeks is not null)
        {
            simpler.Add(p with { PregnancyWeeks = null });
        }

        if (p.SymptomWeeks is not null)
        {
            simpler.Add(p with { SymptomWeeks = null });
        }

        if (p.DirectionalPreference is not null)
        {
            simpler.Add(p with { DirectionalPreference = null });
        }

        if (p.LandWalkingPainful)
        {
            simpler.Add(p with { LandWalkingPainful = false });
        }

        if (p.PoolAccess)
        {
            simpler.Add(p with { PoolAccess = false });
        }

        return simpler.Select(s => scenario with { Profile = s });
    }
}

/// <summary>An engine with the default rule set (over the default or a random catalog) and a profile near the version 2 guards.</summary>
public sealed record GuardScenario(ProgramSelector Selector, PatientProfile Profile)
{
    public override string ToString() =>
        $"{(ReferenceEquals(Selector, ProgramSelector.Default) ? "default catalog" : $"random catalog of {Selector.Catalog.Exercises.Count}")}; profile: {Sciatica.Rules.SciaticaJson.WriteProfile(Profile)}";
}

/// <summary>A program, the profile it was selected for, and several sessions of feedback, oldest first.</summary>
public sealed record HistoryScenario(ProgramSelector Selector, PatientProfile Profile, ProgramDecision Program, IReadOnlyList<SessionFeedback> Sessions)
{
    public override string ToString() =>
        Sciatica.Rules.SciaticaJson.WriteReviewRequest(new ReviewRequest(Profile, Sessions[^1]) { History = [.. Sessions.Take(Sessions.Count - 1)] });
}

/// <summary>A program, the profile it was selected for, and generated feedback on a session.</summary>
public sealed record ReviewScenario(ProgramSelector Selector, PatientProfile Profile, SessionFeedback Feedback, ProgramDecision Program)
{
    public override string ToString() =>
        Sciatica.Rules.SciaticaJson.WriteReviewRequest(new ReviewRequest(Profile, Feedback));
}

/// <summary>Ways a session response can be worse.</summary>
public enum WorseningKind
{
    MorePain,
    WorseMorning,
    Peripheralized,
    NewNumbness,
    NewWeakness,
    NewRedFlag,
}

/// <summary>One way to make a session response worse, applied to feedback by <see cref="Apply"/>.</summary>
public sealed record Worsening(WorseningKind Kind, int Index, int Amount, RedFlag Flag)
{
    public SessionFeedback Apply(SessionFeedback feedback)
    {
        var exercises = feedback.Exercises.AsImmutableArray();
        var i = exercises.IsEmpty ? -1 : Index % exercises.Length;
        return Kind switch
        {
            WorseningKind.MorePain when i >= 0 => feedback with { Exercises = exercises.SetItem(i, exercises[i] with { PainDuring = Math.Min(10, exercises[i].PainDuring + Amount) }) },
            WorseningKind.WorseMorning => feedback with { NextMorning = NextMorningChange.Worse },
            WorseningKind.Peripheralized when i >= 0 => feedback with { Exercises = exercises.SetItem(i, exercises[i] with { SymptomChange = SymptomChange.Peripheralized }) },
            WorseningKind.NewNumbness => feedback with { NewNumbness = true },
            WorseningKind.NewWeakness => feedback with { NewWeakness = true },
            WorseningKind.NewRedFlag => feedback with { NewRedFlags = [.. feedback.NewRedFlags, Flag] },
            _ => feedback,
        };
    }
}
