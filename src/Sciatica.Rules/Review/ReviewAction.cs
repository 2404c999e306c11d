namespace Sciatica.Rules;

/// <summary>What to do with one exercise next session.</summary>
public enum ReviewAction
{
    /// <summary>Do a little more: one progression step, within the catalog's bounds.</summary>
    Progress,

    /// <summary>Keep the same dose.</summary>
    Continue,

    /// <summary>Do less: one regression step, within the catalog's bounds.</summary>
    Regress,

    /// <summary>Stop this exercise.</summary>
    Stop,
}
