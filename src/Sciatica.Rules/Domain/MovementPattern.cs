namespace Sciatica.Rules;

/// <summary>
/// A movement an exercise puts the spine, hip or nerve through. Contraindications are expressed as
/// movement patterns, so a rule written once applies to every exercise that performs the movement.
/// </summary>
public enum MovementPattern
{
    /// <summary>Bending the lower back forward, including sustained end-range flexion such as hugging a knee to the chest.</summary>
    LumbarFlexion,

    /// <summary>Bending the lower back backward: a back bend.</summary>
    LumbarExtension,

    /// <summary>Twisting the lower back.</summary>
    LumbarRotation,

    /// <summary>Bending forward under load, such as lifting or sit-ups.</summary>
    LoadedFlexion,

    /// <summary>
    /// A neural tensioner: the sciatic nerve is loaded from both ends at once, as in a straight-leg raise with the
    /// heel pushed up [NEURO]. Left out while the nerve is irritable.
    /// </summary>
    NeuralTension,

    /// <summary>Extending the hip, as in a bridge.</summary>
    HipExtension,

    /// <summary>Rotating the hip, as in a piriformis stretch.</summary>
    HipRotation,

    /// <summary>Carrying body weight through the legs on land, as in walking.</summary>
    WeightBearing,

    /// <summary>Jumping, running or other impact loading.</summary>
    HighImpact,

    /// <summary>Performed in water, which unloads the spine.</summary>
    Aquatic,

    /// <summary>The spine is held still in a neutral position while muscles work.</summary>
    NeutralSpine,

    /// <summary>
    /// A neural slider: the nerve moves through its bed with little strain, one end lengthening as the other
    /// shortens, as in the seated sciatic nerve glide [NEURO].
    /// </summary>
    NeuralSlider,

    /// <summary>Bending the hip, bringing the thigh toward the chest.</summary>
    HipFlexion,
}
