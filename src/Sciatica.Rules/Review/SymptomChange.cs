namespace Sciatica.Rules;

/// <summary>How leg symptoms moved during or after an exercise [DP, TBC].</summary>
public enum SymptomChange
{
    /// <summary>Not specified: the zero value, which validation rejects and the engine never returns, so that <c>default</c> never means "go ahead".</summary>
    Unspecified = 0,

    /// <summary>Symptoms retreated toward the spine: a good sign, continue.</summary>
    Centralized = 1,

    /// <summary>Symptoms did not move.</summary>
    Unchanged = 2,

    /// <summary>Symptoms spread further down the leg: stop that movement.</summary>
    Peripheralized = 3,
}
