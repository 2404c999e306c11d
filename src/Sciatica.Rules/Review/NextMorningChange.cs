namespace Sciatica.Rules;

/// <summary>Symptoms the morning after a session, compared with before it [PMM].</summary>
public enum NextMorningChange
{
    /// <summary>Not specified: the zero value, which validation rejects and the engine never returns, so that <c>default</c> never means "go ahead".</summary>
    Unspecified = 0,

    /// <summary>Better than before the session.</summary>
    Better = 1,

    /// <summary>The same as before the session.</summary>
    Same = 2,

    /// <summary>Worse than before the session: reduce the load.</summary>
    Worse = 3,
}
