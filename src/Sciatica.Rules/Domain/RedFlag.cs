namespace Sciatica.Rules;

/// <summary>
/// A sign of serious spinal pathology found at intake or follow-up. Each red flag maps to a screening
/// decision: emergency signs [CKS, CES], urgent referral signs [CKS, IFOMPT] or suspected serious
/// pathology that must be assessed and treated first [AHCPR, IFOMPT].
/// </summary>
/// <remarks>Patients rarely volunteer these: an intake should ask about each one.</remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Red flag is the clinical term.")]
public enum RedFlag
{
    /// <summary>New bladder dysfunction: retention, hesitancy or incontinence. Emergency [CES].</summary>
    BladderDysfunction,

    /// <summary>New bowel dysfunction or loss of rectal sensation. Emergency [CES].</summary>
    BowelDysfunction,

    /// <summary>Numbness of the saddle area (perineum, genitals). Emergency [CES].</summary>
    SaddleAnesthesia,

    /// <summary>
    /// Sciatica in both legs that is new, spreads from one leg to both, or is getting worse. Emergency [CKS, CES]. Long-standing,
    /// stable symptoms in both legs are not this red flag: record them as <see cref="AffectedSide.Both"/>.
    /// </summary>
    BilateralLegSymptoms,

    /// <summary>Progressive motor weakness. Urgent specialist referral [CKS].</summary>
    ProgressiveWeakness,

    /// <summary>Acute foot drop (weak ankle dorsiflexion, usually the L5 root). Urgent specialist referral [CKS].</summary>
    FootDrop,

    /// <summary>
    /// A history of cancer, the single most useful malignancy flag. Treat the cause first [IFOMPT]; with new neurological
    /// symptoms or signs an emergency (metastatic spinal cord compression suspected) [NG234].
    /// </summary>
    CancerHistory,

    /// <summary>Fever or chills, suggesting infection. Treat the cause first [AHCPR].</summary>
    Fever,

    /// <summary>Unexplained weight loss. Treat the cause first [AHCPR].</summary>
    UnexplainedWeightLoss,

    /// <summary>Intravenous drug use, a risk factor for spinal infection. Treat the cause first [AHCPR].</summary>
    IvDrugUse,

    /// <summary>Immunosuppression, a risk factor for spinal infection. Treat the cause first [AHCPR].</summary>
    Immunosuppression,

    /// <summary>Significant trauma, raising the suspicion of fracture. Treat the cause first [AHCPR].</summary>
    SignificantTrauma,

    /// <summary>Pain that does not ease with rest or lying down, or is worst at night (non-mechanical pain). Treat the cause first [IFOMPT, CKS].</summary>
    NonMechanicalPain,

    /// <summary>Pain in the thoracic (mid or upper) back. Treat the cause first [CKS, IFOMPT].</summary>
    ThoracicPain,

    /// <summary>Prolonged use of corticosteroids, which weakens bone (fracture risk). Treat the cause first [DOWNIE].</summary>
    ProlongedCorticosteroidUse,

    /// <summary>
    /// Signs of spinal cord compression found by a clinician: brisk reflexes, clonus, an upgoing plantar response,
    /// an unsteady gait or a sensory level. Emergency [NG234, IFOMPT].
    /// </summary>
    CordCompressionSigns,

    /// <summary>
    /// Cancer that is suspected but not yet diagnosed (for example a raised PSA not yet followed up). Treated like a
    /// history of cancer; with new neurological symptoms or signs it is an emergency [NG234, IFOMPT].
    /// </summary>
    SuspectedCancer,
}
