namespace Sciatica.Rules;

/// <summary>
/// A clinician-assessed directional preference: the direction of repeated movement that centralises or
/// eases the person's symptoms [DP, TBC]. Only a clinician sets it.
/// </summary>
public enum DirectionalPreference
{
    /// <summary>Symptoms ease with repeated extension: extension exercises may be used, flexion is avoided.</summary>
    Extension,

    /// <summary>Symptoms ease with repeated flexion: extension is avoided.</summary>
    Flexion,
}
