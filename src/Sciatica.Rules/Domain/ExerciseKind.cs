namespace Sciatica.Rules;

/// <summary>What an exercise is for.</summary>
public enum ExerciseKind
{
    /// <summary>Whole-body aerobic activity such as walking: the base of staying active [SEED, WALKBACK].</summary>
    Aerobic,

    /// <summary>A gentle stretch, held 30 seconds by default [SEED, STRETCH].</summary>
    Stretch,

    /// <summary>Strengthening of the low back and abdominal muscles to take pressure off the nerve [SEED, APTA].</summary>
    Strengthening,

    /// <summary>Repeated movement of the spine in one direction, used for a directional preference [DP].</summary>
    Mobility,

    /// <summary>Gliding the sciatic nerve (neural mobilisation), clinician-enabled [TBC].</summary>
    NeuralMobilization,
}
