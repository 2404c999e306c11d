namespace Sciatica.Rules;

/// <summary>
/// An underlying cause of sciatica, as diagnosed by a clinician. The cause decides which movements are
/// contraindicated and whether exercise may start at all [SEED].
/// </summary>
/// <remarks>The JSON contract spells each value in camelCase (for example <c>herniatedDisc</c>).</remarks>
public enum Cause
{
    /// <summary>A bulging intervertebral disc. Back bends and twisting are relatively contraindicated [SEED].</summary>
    BulgingDisc,

    /// <summary>A herniated intervertebral disc. Back bends and twisting are relatively contraindicated [SEED].</summary>
    HerniatedDisc,

    /// <summary>A ruptured intervertebral disc. Back bends and twisting are relatively contraindicated [SEED].</summary>
    RupturedDisc,

    /// <summary>Narrowing of the spinal canal. Back bends and twisting are relatively contraindicated; flexion is preferred [SEED, TBC].</summary>
    SpinalStenosis,

    /// <summary>Osteoarthritis of the spine, which narrows the space for the nerve as stenosis does [SEED].</summary>
    Osteoarthritis,

    /// <summary>Inflammatory arthritis such as axial spondyloarthritis: a supervised program is preferred [SEED].</summary>
    InflammatoryArthritis,

    /// <summary>One vertebra slipped over the next. Lumbar extension is relatively contraindicated [TBC].</summary>
    Spondylolisthesis,

    /// <summary>Low bone density or vertebral fracture. Loaded flexion, twisting and high impact are avoided [OSTEO].</summary>
    Osteoporosis,

    /// <summary>An abnormality of the blood vessels of the spine: the cause must be treated before exercise [SEED].</summary>
    SpinalVascularAbnormality,

    /// <summary>A tumour of the spine: the cause must be treated before exercise [SEED].</summary>
    Tumor,

    /// <summary>An infection of the spine: the cause must be treated before exercise [SEED].</summary>
    Infection,

    /// <summary>An injury to the back. With osteoporosis or older age it raises the suspicion of fracture [AHCPR].</summary>
    Injury,

    /// <summary>Poor posture and body mechanics [SEED].</summary>
    PoorPosture,

    /// <summary>Tight muscles pressing on or irritating the nerve [SEED].</summary>
    TightMuscles,

    /// <summary>The cause has not been assessed by a clinician yet: diagnosis comes before exercise [SEED].</summary>
    Unknown,

    /// <summary>
    /// Sciatica diagnosed by a clinician's history and examination without imaging (radicular pain, most often from
    /// a disc): a known cause, to which the disc contraindications apply [NG59, JENSEN].
    /// </summary>
    ClinicalRadiculopathy,
}
