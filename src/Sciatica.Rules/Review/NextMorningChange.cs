namespace Sciatica.Rules;

/// <summary>Symptoms the morning after a session, compared with before it [PMM].</summary>
public enum NextMorningChange
{
    /// <summary>Better than before the session.</summary>
    Better,

    /// <summary>The same as before the session.</summary>
    Same,

    /// <summary>Worse than before the session: reduce the load.</summary>
    Worse,
}
