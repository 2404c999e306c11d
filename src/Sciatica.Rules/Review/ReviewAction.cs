namespace Sciatica.Rules;

/// <summary>What to do with one exercise next session.</summary>
public enum ReviewAction
{
    /// <summary>Not specified: the zero value, which validation rejects and the engine never returns, so that <c>default</c> never means "go ahead".</summary>
    Unspecified = 0,

    /// <summary>Do a little more: one progression step, within the catalog's bounds.</summary>
    Progress = 1,

    /// <summary>Keep the same dose.</summary>
    Continue = 2,

    /// <summary>Do less: one regression step, within the catalog's bounds.</summary>
    Regress = 3,

    /// <summary>Stop this exercise.</summary>
    Stop = 4,
}
