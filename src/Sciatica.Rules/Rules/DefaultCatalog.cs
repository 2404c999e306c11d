using System.Collections.Immutable;
using Sciatica.Rules.Domain;
using static Sciatica.Rules.Rules.ClinicalSources;

namespace Sciatica.Rules.Rules;

/// <summary>The exercises of the default catalog (BRIEF.md, "What the program contains").</summary>
internal static class DefaultCatalog
{
    private static readonly Dosage StretchDose = new() { HoldSeconds = 30, Repetitions = 3, Sets = 1, TimesPerDay = 1 };
    private static readonly Dosage StretchMinimum = new() { HoldSeconds = 30, Repetitions = 1, Sets = 1, TimesPerDay = 1 };
    private static readonly Dosage StretchMaximum = new() { HoldSeconds = 30, Repetitions = 5, Sets = 1, TimesPerDay = 2 };
    private static readonly Dosage StretchStep = new() { Repetitions = 1 };

    private static readonly Dosage WalkDose = new() { Minutes = 10, TimesPerDay = 1 };
    private static readonly Dosage WalkMinimum = new() { Minutes = 5, TimesPerDay = 1 };
    private static readonly Dosage WalkMaximum = new() { Minutes = 30, TimesPerDay = 2 };
    private static readonly Dosage WalkStep = new() { Minutes = 5 };

    private static readonly Dosage RepDose = new() { Repetitions = 10, Sets = 1, TimesPerDay = 1 };
    private static readonly Dosage RepMinimum = new() { Repetitions = 5, Sets = 1, TimesPerDay = 1 };
    private static readonly Dosage RepMaximum = new() { Repetitions = 15, Sets = 3, TimesPerDay = 2 };
    private static readonly Dosage RepStep = new() { Repetitions = 2 };

    public static ImmutableArray<Exercise> All { get; } =
    [
        Aerobic("walking", "Walking", BodyPosition.Standing, MovementPattern.WeightBearing,
            "Walking keeps the whole body moving, helps shed weight that loads the nerve, and is the base of staying active.", WalkBack,
            "Walk on level ground at a comfortable pace, upright, with relaxed arms.",
            "Stop and rest if leg symptoms spread further down the leg.",
            "Add a few minutes only when the last walk left you no worse by the next morning."),
        Aerobic("water-walking", "Water walking", BodyPosition.InWater, MovementPattern.Aquatic,
            "Water carries part of the body weight, so walking in a pool keeps you active when walking on land hurts too much.", Aqua,
            "Stand in chest-deep water in the shallow end of a pool.",
            "Walk forwards slowly, swinging the arms, with the back upright.",
            "Keep to a pace at which symptoms stay the same or ease."),
        Stretch("knee-to-chest", "Knee-to-chest stretch", MovementPattern.LumbarFlexion,
            "Gently stretches the lower back.",
            "Lie on your back with both knees bent and feet flat.",
            "Bring one knee toward your chest and hold it with both hands behind the thigh.",
            "Hold for 30 seconds while breathing slowly, then lower the leg with control.",
            "Repeat with the other leg."),
        Stretch("lower-trunk-rotation", "Lower trunk rotation stretch", MovementPattern.LumbarRotation,
            "Gently stretches the lower back and hips through a twist.",
            "Lie on your back with both knees bent, feet flat and arms out to the sides.",
            "Keeping the shoulders on the floor, let both knees lower slowly to one side.",
            "Hold for 30 seconds, then bring the knees back to the middle.",
            "Repeat to the other side."),
        Stretch("supine-hamstring-stretch", "Lying leg raise with heel to the ceiling", MovementPattern.NeuralTension,
            "Stretches the back of the thigh and helps loosen the leg.",
            "Lie on your back with one knee bent and that foot flat.",
            "Lift the other leg straight up, holding behind the thigh with both hands or a towel.",
            "Press the heel up toward the ceiling until you feel a gentle stretch, not pain.",
            "Hold for 30 seconds, lower the leg slowly, and repeat with the other leg."),
        Stretch("piriformis-stretch", "Piriformis stretch", MovementPattern.HipRotation,
            "Gently stretches the deep buttock muscles around the sciatic nerve to relax tight muscles.",
            "Lie on your back with both knees bent and feet flat.",
            "Cross one ankle over the opposite knee.",
            "Pull the lower thigh gently toward your chest until you feel the stretch in the buttock.",
            "Hold for 30 seconds, then repeat on the other side."),
        Strength("pelvic-tilt", "Pelvic tilt", BodyPosition.Supine, MovementPattern.NeutralSpine,
            "Trains the deep abdominal muscles that support the lower back.",
            "Lie on your back with both knees bent and feet flat.",
            "Tighten your stomach muscles and flatten the small of your back gently against the floor.",
            "Hold for 5 seconds while breathing normally, then relax."),
        Strength("abdominal-bracing", "Abdominal bracing", BodyPosition.Supine, MovementPattern.NeutralSpine,
            "Teaches the trunk muscles to steady the spine, taking pressure off the nerve.",
            "Lie on your back with both knees bent and feet flat.",
            "Tighten your stomach muscles as if about to be poked in the belly, without holding your breath.",
            "Hold for 10 seconds without moving the back, then relax."),
        Strength("bridge", "Bridge", BodyPosition.Supine, MovementPattern.HipExtension,
            "Strengthens the buttock and lower back muscles that support the spine.",
            "Lie on your back with both knees bent, feet flat and hip-width apart.",
            "Tighten your stomach muscles, then lift your hips until your body is straight from shoulders to knees.",
            "Hold for 5 seconds, then lower slowly."),
        Strength("bird-dog", "Bird-dog", BodyPosition.Quadruped, MovementPattern.NeutralSpine,
            "Trains the back and abdominal muscles to keep the spine steady while the limbs move.",
            "Kneel on hands and knees with hands under shoulders and knees under hips.",
            "Keeping the back still and level, reach one arm forward and the opposite leg back.",
            "Hold for 5 seconds, return slowly, and change sides."),
        Repeated("prone-press-up", "Prone press-up", ExerciseKind.Mobility, BodyPosition.Prone, MovementPattern.LumbarExtension, clinicianOnly: false,
            "Repeated back bends can centralise leg symptoms when a clinician has found an extension directional preference.", Dp,
            "Lie face down with your hands under your shoulders.",
            "Keeping the hips on the floor, straighten the arms slowly to lift the upper body.",
            "Go only as far as symptoms allow, then lower slowly.",
            "Stop if leg symptoms spread further down the leg."),
        Repeated("standing-back-extension", "Standing back extension", ExerciseKind.Mobility, BodyPosition.Standing, MovementPattern.LumbarExtension, clinicianOnly: false,
            "Repeated back bends can centralise leg symptoms when a clinician has found an extension directional preference.", Dp,
            "Stand with feet apart and hands on the small of your back.",
            "Lean backward slowly as far as symptoms allow, keeping the knees straight.",
            "Return to upright.",
            "Stop if leg symptoms spread further down the leg."),
        Repeated("seated-trunk-rotation", "Seated trunk rotation", ExerciseKind.Mobility, BodyPosition.Seated, MovementPattern.LumbarRotation, clinicianOnly: false,
            "Gentle turning keeps the lower back moving and limber.", Seed,
            "Sit upright on a firm chair with feet flat and arms crossed over your chest.",
            "Turn your upper body slowly to one side as far as is comfortable.",
            "Return to the middle and turn to the other side."),
        Repeated("sciatic-nerve-glide", "Sciatic nerve glide", ExerciseKind.NeuralMobilization, BodyPosition.Seated, MovementPattern.NeuralTension, clinicianOnly: true,
            "Gently slides the sciatic nerve to ease nerve sensitivity, when a clinician has chosen it.", Tbc,
            "Sit upright on a chair.",
            "Straighten the affected knee while tipping your head back to look up.",
            "Bend the knee again while bringing your chin toward your chest.",
            "Move smoothly without holding; the movement should not bring on pain."),
    ];

    private static Exercise Aerobic(string id, string name, BodyPosition position, MovementPattern movement, string rationale, string source, params string[] steps) =>
        Create(id, name, ExerciseKind.Aerobic, position, [movement], (WalkDose, WalkMinimum, WalkMaximum, WalkStep), rationale, source, steps);

    private static Exercise Stretch(string id, string name, MovementPattern movement, string rationale, params string[] steps) =>
        Create(id, name, ExerciseKind.Stretch, BodyPosition.Supine, [movement], (StretchDose, StretchMinimum, StretchMaximum, StretchStep), rationale, Seed, steps);

    private static Exercise Strength(string id, string name, BodyPosition position, MovementPattern movement, string rationale, params string[] steps) =>
        Create(id, name, ExerciseKind.Strengthening, position, [movement], (RepDose, RepMinimum, RepMaximum, RepStep), rationale, Apta, steps);

    private static Exercise Repeated(string id, string name, ExerciseKind kind, BodyPosition position, MovementPattern movement, bool clinicianOnly, string rationale, string source, params string[] steps) =>
        Create(id, name, kind, position, [movement], (RepDose, RepMinimum, RepMaximum, RepStep), rationale, source, steps) with { ClinicianEnabledOnly = clinicianOnly };

    private static Exercise Create(
        string id, string name, ExerciseKind kind, BodyPosition position, ImmutableArray<MovementPattern> movements,
        (Dosage Start, Dosage Minimum, Dosage Maximum, Dosage Step) dose, string rationale, string source, string[] steps) => new()
        {
            Id = id,
            Name = name,
            Kind = kind,
            Position = position,
            Movements = movements,
            Dosage = dose.Start,
            MinimumDosage = dose.Minimum,
            MaximumDosage = dose.Maximum,
            ProgressionStep = dose.Step,
            Instructions = steps.ToImmutableArray(),
            Rationale = rationale,
            Source = source,
        };
}
