namespace Sciatica.Rules.Catalogs;

/// <summary>How firmly a rule excludes an exercise.</summary>
public enum ContraindicationStrength
{
    /// <summary>A clinician may lift the rule for one exercise with a documented reason (or a directional preference may lift it).</summary>
    Relative,

    /// <summary>Nothing lifts the rule: no override, no directional preference.</summary>
    Absolute,
}
