namespace Sciatica.Rules;

/// <summary>
/// Which leg the sciatica is in. Recorded apart from the red flags: long-standing, stable symptoms in both legs
/// (typical of spinal stenosis) gate nothing, while new or worsening symptoms in both legs are the
/// <see cref="RedFlag.BilateralLegSymptoms"/> red flag [CES, NG59].
/// </summary>
public enum AffectedSide
{
    /// <summary>The left leg.</summary>
    Left,

    /// <summary>The right leg.</summary>
    Right,

    /// <summary>Both legs, stable and long-standing (new or worsening symptoms in both legs are a red flag instead).</summary>
    Both,
}
