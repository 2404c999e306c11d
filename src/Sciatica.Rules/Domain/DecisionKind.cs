namespace Sciatica.Rules;

/// <summary>
/// The five kinds of decision, in ascending order of caution: a larger value is more urgent. When more
/// than one applies, the most urgent wins [CKS, IFOMPT].
/// </summary>
public enum DecisionKind
{
    /// <summary>Not specified: the zero value, which validation rejects and the engine never returns, so that <c>default</c> never means "go ahead".</summary>
    Unspecified = 0,

    /// <summary>An exercise program may start.</summary>
    Program = 1,

    /// <summary>Get medical advice before exercising: no clearance yet, cause not diagnosed, symptoms not controlled, or too soon after surgery [SEED, POSTOP].</summary>
    SeekMedicalAdvice = 2,

    /// <summary>Suspected or confirmed serious pathology must be assessed and treated before exercise [SEED, AHCPR, IFOMPT].</summary>
    TreatCauseFirst = 3,

    /// <summary>See a specialist urgently: progressive weakness or acute foot drop [CKS, IFOMPT].</summary>
    UrgentReferral = 4,

    /// <summary>Go to emergency care now: signs of cauda equina syndrome [CKS, CES, AHCPR].</summary>
    Emergency = 5,
}
