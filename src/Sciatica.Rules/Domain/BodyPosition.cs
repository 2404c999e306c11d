namespace Sciatica.Rules;

/// <summary>The starting position of an exercise.</summary>
public enum BodyPosition
{
    /// <summary>Standing.</summary>
    Standing,

    /// <summary>Sitting on a chair.</summary>
    Seated,

    /// <summary>Lying on the back.</summary>
    Supine,

    /// <summary>Lying face down.</summary>
    Prone,

    /// <summary>On hands and knees.</summary>
    Quadruped,

    /// <summary>Standing in a pool.</summary>
    InWater,
}
