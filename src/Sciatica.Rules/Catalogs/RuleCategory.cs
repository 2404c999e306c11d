namespace Sciatica.Rules.Catalogs;

/// <summary>What kind of rule a <see cref="RuleDescription"/> describes.</summary>
public enum RuleCategory
{
    /// <summary>A screening gate that sends the person to emergency care.</summary>
    Emergency,

    /// <summary>A screening gate that refers the person urgently to a specialist.</summary>
    UrgentReferral,

    /// <summary>A screening gate that requires the cause to be treated first.</summary>
    TreatCauseFirst,

    /// <summary>A screening gate that requires medical advice before exercise.</summary>
    SeekMedicalAdvice,

    /// <summary>A contraindication: a movement pattern avoided for a cause or condition.</summary>
    Contraindication,

    /// <summary>A rule that decides whether one exercise suits the person's circumstances (pool, walking tolerance, clinician enablement).</summary>
    Eligibility,

    /// <summary>Advice attached to a program without excluding exercises.</summary>
    Advice,

    /// <summary>A rule that reviews how a person responded to a session.</summary>
    Response,
}
