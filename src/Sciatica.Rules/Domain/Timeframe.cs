namespace Sciatica.Rules;

/// <summary>
/// How soon a person should act on a decision other than a program, most urgent first: serious does not
/// always mean an emergency [CKS].
/// </summary>
/// <remarks>The zero value, <see cref="Now"/>, is the most urgent, so a default never delays care.</remarks>
public enum Timeframe
{
    /// <summary>Now: go to an emergency department (emergency decisions).</summary>
    Now = 0,

    /// <summary>Within 24 hours: an urgent referral, or treat the cause first when fever suggests a spinal infection.</summary>
    Within24Hours = 1,

    /// <summary>Within days: see a doctor so that a possible serious cause is assessed before exercise.</summary>
    WithinDays = 2,

    /// <summary>Before exercising: get medical advice before starting the exercises.</summary>
    BeforeExercising = 3,
}
