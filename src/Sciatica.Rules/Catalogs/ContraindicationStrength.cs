namespace Sciatica.Rules.Catalogs;

/// <summary>How firmly a rule excludes an exercise.</summary>
public enum ContraindicationStrength
{
    /// <summary>Not specified: the zero value, which validation rejects and the engine never returns, so that <c>default</c> never means "go ahead".</summary>
    Unspecified = 0,

    /// <summary>A clinician may lift the rule for one exercise with a documented reason (or a directional preference may lift it).</summary>
    Relative = 1,

    /// <summary>Nothing lifts the rule: no override, no directional preference.</summary>
    Absolute = 2,
}
