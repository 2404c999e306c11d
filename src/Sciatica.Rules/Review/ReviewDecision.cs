namespace Sciatica.Rules;

/// <summary>
/// The outcome of a session review, in ascending order of caution: the program goes on with adjusted
/// exercises, or a screening decision replaces it.
/// </summary>
public enum ReviewDecision
{
    /// <summary>Not specified: the zero value, which validation rejects and the engine never returns, so that <c>default</c> never means "go ahead".</summary>
    Unspecified = 0,

    /// <summary>The program goes on; each reviewed exercise has its action.</summary>
    Adjust = 1,

    /// <summary>Stop the program and get medical advice.</summary>
    SeekMedicalAdvice = 2,

    /// <summary>Stop the program: a possible serious cause must be assessed and treated first.</summary>
    TreatCauseFirst = 3,

    /// <summary>Stop the program and see a specialist urgently.</summary>
    UrgentReferral = 4,

    /// <summary>Stop the program and go to emergency care now.</summary>
    Emergency = 5,
}
