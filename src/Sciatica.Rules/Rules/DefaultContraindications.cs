using System.Collections.Immutable;
using Sciatica.Rules.Domain;
using static Sciatica.Rules.Rules.ClinicalSources;

namespace Sciatica.Rules.Rules;

/// <summary>The contraindications by cause of the default rule set (BRIEF.md, "Contraindications by cause").</summary>
internal static class DefaultContraindications
{
    private static readonly EquatableArray<Cause> Disc = ImmutableArray.Create(Cause.BulgingDisc, Cause.HerniatedDisc, Cause.RupturedDisc);

    public static ImmutableArray<Contraindication> All { get; } =
    [
        new()
        {
            Id = "disc-avoid-extension", Causes = Disc, Movements = Moves(MovementPattern.LumbarExtension),
            Strength = ContraindicationStrength.Relative, LiftedByDirectionalPreference = DirectionalPreference.Extension,
            Rationale = "Back bends are often contraindicated with a bulging, herniated or ruptured disc, unless a clinician has found that extension eases the symptoms.",
            Source = Seed,
        },
        new()
        {
            Id = "disc-avoid-rotation", Causes = Disc, Movements = Moves(MovementPattern.LumbarRotation),
            Strength = ContraindicationStrength.Relative,
            Rationale = "Twisting movements are often contraindicated with a bulging, herniated or ruptured disc.",
            Source = Seed,
        },
        new()
        {
            Id = "extension-preference-avoid-flexion", WhenDirectionalPreference = DirectionalPreference.Extension,
            Movements = Moves(MovementPattern.LumbarFlexion, MovementPattern.LoadedFlexion),
            Strength = ContraindicationStrength.Relative,
            Rationale = "With an extension directional preference, repeated or loaded forward bending is avoided because it tends to bring the leg symptoms back.",
            Source = Tbc,
        },
        new()
        {
            Id = "flexion-preference-avoid-extension", WhenDirectionalPreference = DirectionalPreference.Flexion,
            Movements = Moves(MovementPattern.LumbarExtension),
            Strength = ContraindicationStrength.Relative,
            Rationale = "With a flexion directional preference, back bends are avoided because they tend to bring the leg symptoms back.",
            Source = Tbc,
        },
        new()
        {
            Id = "stenosis-avoid-extension", Causes = Causes(Cause.SpinalStenosis), Movements = Moves(MovementPattern.LumbarExtension),
            Strength = ContraindicationStrength.Relative,
            Rationale = "Back bends narrow the spinal canal further and are often contraindicated with spinal stenosis; bending forward is usually preferred.",
            Source = Seed,
        },
        new()
        {
            Id = "stenosis-avoid-rotation", Causes = Causes(Cause.SpinalStenosis), Movements = Moves(MovementPattern.LumbarRotation),
            Strength = ContraindicationStrength.Relative,
            Rationale = "Twisting movements are often contraindicated with spinal stenosis.",
            Source = Seed,
        },
        new()
        {
            Id = "osteoarthritis-avoid-extension", Causes = Causes(Cause.Osteoarthritis), Movements = Moves(MovementPattern.LumbarExtension),
            Strength = ContraindicationStrength.Relative,
            Rationale = "Arthritis narrows the space around the nerve as stenosis does, so back bends are avoided as for stenosis (a cautious choice where the guidance is silent).",
            Source = Seed,
        },
        new()
        {
            Id = "osteoarthritis-avoid-rotation", Causes = Causes(Cause.Osteoarthritis), Movements = Moves(MovementPattern.LumbarRotation),
            Strength = ContraindicationStrength.Relative,
            Rationale = "Arthritis narrows the space around the nerve as stenosis does, so twisting is avoided as for stenosis (a cautious choice where the guidance is silent).",
            Source = Seed,
        },
        new()
        {
            Id = "spondylolisthesis-avoid-extension", Causes = Causes(Cause.Spondylolisthesis), Movements = Moves(MovementPattern.LumbarExtension),
            Strength = ContraindicationStrength.Relative,
            Rationale = "Back bends load the slipped vertebra and are avoided with spondylolisthesis by convention (the evidence is weak).",
            Source = Tbc,
        },
        new()
        {
            Id = "osteoporosis-avoid-loaded-flexion", Causes = Causes(Cause.Osteoporosis), Movements = Moves(MovementPattern.LoadedFlexion),
            Strength = ContraindicationStrength.Absolute,
            Rationale = "Bending forward under load raises the risk of a vertebral fracture with osteoporosis.",
            Source = Osteo,
        },
        new()
        {
            Id = "osteoporosis-avoid-twisting", Causes = Causes(Cause.Osteoporosis), Movements = Moves(MovementPattern.LumbarRotation),
            Strength = ContraindicationStrength.Absolute,
            Rationale = "Twisting the spine raises the risk of a vertebral fracture with osteoporosis.",
            Source = Osteo,
        },
        new()
        {
            Id = "osteoporosis-avoid-high-impact", Causes = Causes(Cause.Osteoporosis), Movements = Moves(MovementPattern.HighImpact),
            Strength = ContraindicationStrength.Absolute,
            Rationale = "High-impact exercise raises the risk of a vertebral fracture with osteoporosis.",
            Source = Osteo,
        },
        new()
        {
            Id = "post-surgery-avoid-bending-lifting-twisting", AfterSpineSurgery = true,
            Movements = Moves(MovementPattern.LumbarFlexion, MovementPattern.LoadedFlexion, MovementPattern.LumbarRotation),
            Strength = ContraindicationStrength.Relative,
            Rationale = "After spine surgery, bending, lifting and twisting are avoided until the surgical team or clinician clears them.",
            Source = PostOp,
        },
    ];

    private static EquatableArray<Cause> Causes(params Cause[] causes) => causes.ToImmutableArray();

    private static EquatableArray<MovementPattern> Moves(params MovementPattern[] movements) => movements.ToImmutableArray();
}
