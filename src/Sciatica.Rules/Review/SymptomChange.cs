namespace Sciatica.Rules;

/// <summary>How leg symptoms moved during or after an exercise [DP, TBC].</summary>
public enum SymptomChange
{
    /// <summary>Symptoms retreated toward the spine: a good sign, continue.</summary>
    Centralized,

    /// <summary>Symptoms did not move.</summary>
    Unchanged,

    /// <summary>Symptoms spread further down the leg: stop that movement.</summary>
    Peripheralized,
}
