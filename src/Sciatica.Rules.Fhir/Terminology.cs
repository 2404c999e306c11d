using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Fhir;

/// <summary>One code of a local code system: the contract's value, what a reader sees, and what it means.</summary>
internal sealed record Concept(string Code, string Display, string Definition);

/// <summary>
/// The displays and definitions of every local code: the contract's enum values, read by people in clinical words.
/// A test requires an entry for every value, so a new enum value cannot ship without its words (reading a value
/// without one throws rather than making words up).
/// </summary>
internal static class Terminology
{
    public static readonly IReadOnlyDictionary<Cause, (string Display, string Definition)> Causes = new Dictionary<Cause, (string, string)>
    {
        [Cause.BulgingDisc] = ("Bulging disc", "A lumbar intervertebral disc bulges toward the nerve root. Back bends and twisting are relatively contraindicated [SEED]."),
        [Cause.HerniatedDisc] = ("Herniated disc", "Disc material has herniated toward the nerve root. Back bends and twisting are relatively contraindicated [SEED]."),
        [Cause.RupturedDisc] = ("Ruptured disc", "The disc's outer ring has ruptured. Back bends and twisting are relatively contraindicated [SEED]."),
        [Cause.SpinalStenosis] = ("Spinal stenosis", "Narrowing of the spinal canal. Back bends and twisting are relatively contraindicated; flexion is preferred [SEED, TBC]."),
        [Cause.Osteoarthritis] = ("Osteoarthritis of the spine", "Degenerative arthritis of the spine, which narrows the space for the nerve as stenosis does [SEED]."),
        [Cause.InflammatoryArthritis] = ("Inflammatory arthritis", "Inflammatory arthritis such as axial spondyloarthritis: a supervised program is preferred [SEED]."),
        [Cause.Spondylolisthesis] = ("Spondylolisthesis", "One vertebra has slipped over the next. Lumbar extension is relatively contraindicated [TBC]."),
        [Cause.Osteoporosis] = ("Osteoporosis or vertebral fracture", "Low bone density or a vertebral fracture. Spinal flexion, twisting and high impact are avoided [OSTEO, SINAKI]."),
        [Cause.SpinalVascularAbnormality] = ("Vascular abnormality of the spine", "An abnormality of the blood vessels of the spine: the cause is treated before exercise [SEED]."),
        [Cause.Tumor] = ("Tumour of the spine", "A tumour of the spine: the cause is treated before exercise [SEED]."),
        [Cause.Infection] = ("Infection of the spine", "An infection of the spine: the cause is treated before exercise [SEED]."),
        [Cause.Injury] = ("Back injury", "An injury to the back; with osteoporosis or older age it raises the suspicion of fracture [AHCPR]."),
        [Cause.PoorPosture] = ("Poor posture", "Poor posture and body mechanics [SEED]."),
        [Cause.TightMuscles] = ("Tight muscles", "Tight muscles pressing on or irritating the nerve [SEED]."),
        [Cause.ClinicalRadiculopathy] = ("Sciatica diagnosed on examination", "Sciatica (radicular pain, most often from a disc) diagnosed by a clinician's history and examination without imaging, which is not routine: a known cause, and the disc contraindications apply [NG59, JENSEN]."),
        [Cause.Unknown] = ("Not yet diagnosed", "No clinician has assessed the cause yet: diagnosis comes before exercise [SEED]."),
    };

    public static readonly IReadOnlyDictionary<RedFlag, (string Display, string Definition)> RedFlags = new Dictionary<RedFlag, (string, string)>
    {
        [RedFlag.BladderDysfunction] = ("New bladder dysfunction", "New retention, hesitancy or incontinence of urine: a sign of cauda equina syndrome; emergency care now [CES]."),
        [RedFlag.BowelDysfunction] = ("New bowel dysfunction", "New bowel incontinence or loss of rectal sensation: a sign of cauda equina syndrome; emergency care now [CES]."),
        [RedFlag.SaddleAnesthesia] = ("Saddle numbness", "Numbness of the saddle area (perineum, genitals): a sign of cauda equina syndrome; emergency care now [CES]."),
        [RedFlag.BilateralLegSymptoms] = ("New or worsening symptoms in both legs", "Sciatica in both legs that is new, has spread from one leg to both, or is getting worse; long-standing stable symptoms in both legs are not this sign. Emergency care now [CES, NG59]."),
        [RedFlag.ProgressiveWeakness] = ("Progressive leg weakness", "Motor weakness that is getting worse: urgent specialist assessment within 24 hours [CKS]."),
        [RedFlag.FootDrop] = ("Acute foot drop", "New weakness of ankle dorsiflexion (usually the L5 root): urgent specialist assessment within 24 hours [CKS]."),
        [RedFlag.CancerHistory] = ("History of cancer", "A past or current cancer, the single most useful flag for spinal malignancy: the cause is assessed first [IFOMPT]."),
        [RedFlag.Fever] = ("Fever or chills", "Fever or chills suggesting a spinal infection: see a doctor within 24 hours [AHCPR, CKS]."),
        [RedFlag.UnexplainedWeightLoss] = ("Unexplained weight loss", "Weight loss without a known reason: the cause is assessed first [AHCPR]."),
        [RedFlag.IvDrugUse] = ("Intravenous drug use", "Intravenous drug use, a risk factor for spinal infection: the cause is assessed first [AHCPR]."),
        [RedFlag.Immunosuppression] = ("Immunosuppression", "A weakened immune system, a risk factor for spinal infection: the cause is assessed first [AHCPR]."),
        [RedFlag.SignificantTrauma] = ("Significant trauma", "A significant injury, raising the suspicion of fracture: the cause is assessed first [AHCPR]."),
        [RedFlag.NonMechanicalPain] = ("Non-mechanical pain", "Pain that does not ease with rest or lying down, or is worst at night: the cause is assessed first [IFOMPT, CKS]."),
        [RedFlag.ThoracicPain] = ("Thoracic pain", "Pain in the mid or upper back: the cause is assessed first [CKS, IFOMPT]."),
        [RedFlag.ProlongedCorticosteroidUse] = ("Prolonged corticosteroid use", "Long use of corticosteroids, which weakens bone (fracture risk): the cause is assessed first [DOWNIE]."),
        [RedFlag.CordCompressionSigns] = ("Signs of spinal cord compression", "Found by a clinician: brisk reflexes, clonus, an upgoing plantar response, an unsteady gait or a sensory level. Emergency care now [NG234, IFOMPT]."),
        [RedFlag.SuspectedCancer] = ("Suspected cancer", "Cancer suspected but not yet diagnosed (for example a raised PSA not followed up): treated like a history of cancer; with new neurological symptoms or signs, emergency care now [NG234]."),
    };

    public static readonly IReadOnlyDictionary<NerveRoot, (string Display, string Definition)> Roots = new Dictionary<NerveRoot, (string, string)>
    {
        [NerveRoot.L4] = ("L4 nerve root", "Reduced knee jerk, weak knee extension, numbness of the inner shin."),
        [NerveRoot.L5] = ("L5 nerve root", "Weak big-toe extension and ankle dorsiflexion, numbness of the top of the foot and big toe; an L4/5 disc usually compresses it."),
        [NerveRoot.S1] = ("S1 nerve root", "Calf weakness, reduced ankle jerk, numbness of the outer foot; an L5/S1 disc usually compresses it."),
    };

    public static readonly IReadOnlyDictionary<DirectionalPreference, (string Display, string Definition)> Preferences = new Dictionary<DirectionalPreference, (string, string)>
    {
        [DirectionalPreference.Extension] = ("Extension preference", "A clinician found that repeated back bends (extension) ease or centralise the symptoms [DP]."),
        [DirectionalPreference.Flexion] = ("Flexion preference", "A clinician found that repeated forward bends (flexion) ease or centralise the symptoms [DP]."),
    };

    public static readonly IReadOnlyDictionary<MovementPattern, (string Display, string Definition)> Movements = new Dictionary<MovementPattern, (string, string)>
    {
        [MovementPattern.LumbarFlexion] = ("Lumbar flexion", "Bending the lower back forward, sustained or to the end of its range."),
        [MovementPattern.LumbarExtension] = ("Lumbar extension", "Bending the lower back backward (a back bend)."),
        [MovementPattern.LumbarRotation] = ("Lumbar rotation", "Twisting the lower back."),
        [MovementPattern.LoadedFlexion] = ("Loaded flexion", "Bending forward while the spine carries a load."),
        [MovementPattern.NeuralTension] = ("Neural tensioner", "A movement that loads the sciatic nerve from both ends at once."),
        [MovementPattern.HipExtension] = ("Hip extension", "Moving the thigh backward behind the body."),
        [MovementPattern.HipRotation] = ("Hip rotation", "Turning the thigh in or out at the hip."),
        [MovementPattern.WeightBearing] = ("Weight bearing on land", "Carrying the body's weight on the legs on land, as in walking."),
        [MovementPattern.HighImpact] = ("High impact", "Jumping, running or other jarring loads."),
        [MovementPattern.Aquatic] = ("In water", "Exercise done in a pool."),
        [MovementPattern.NeutralSpine] = ("Neutral spine", "The spine held in its natural position while the trunk muscles work."),
        [MovementPattern.NeuralSlider] = ("Neural slider", "A movement that slides the sciatic nerve with little strain (one end loaded while the other is eased)."),
        [MovementPattern.HipFlexion] = ("Hip flexion", "Bringing the thigh toward the chest."),
    };

    public static readonly IReadOnlyDictionary<ExerciseKind, (string Display, string Definition)> Kinds = new Dictionary<ExerciseKind, (string, string)>
    {
        [ExerciseKind.Aerobic] = ("Aerobic exercise", "Walking or water walking: staying active [NG59, WALKBACK]."),
        [ExerciseKind.Stretch] = ("Stretch", "A gentle stretch held 30 seconds within a pain-free range [SEED, STRETCH]."),
        [ExerciseKind.Strengthening] = ("Strengthening", "Low back and abdominal muscle work that takes pressure off the nerve [SEED, APTA]."),
        [ExerciseKind.Mobility] = ("Mobility", "Repeated movements of the spine, used for a clinician-found directional preference [DP, TBC]."),
        [ExerciseKind.NeuralMobilization] = ("Neural mobilisation", "Movements that glide the sciatic nerve, added by a clinician [NEURO]."),
    };

    public static readonly IReadOnlyDictionary<DecisionKind, (string Display, string Definition)> Decisions = new Dictionary<DecisionKind, (string, string)>
    {
        [DecisionKind.Emergency] = ("Emergency care now", "Signs of cauda equina syndrome or spinal cord compression: go to emergency care now; no exercise is given [CES, CKS]."),
        [DecisionKind.UrgentReferral] = ("Urgent specialist assessment", "Progressive weakness or foot drop: a specialist assesses within 24 hours; no exercise is given [CKS]."),
        [DecisionKind.TreatCauseFirst] = ("Assess and treat the underlying cause before exercise", "A serious cause is known or suspected: a clinician assesses and treats it within days (within 24 hours with fever) before exercise [SEED, AHCPR, IFOMPT]."),
        [DecisionKind.SeekMedicalAdvice] = ("Medical advice before exercising", "No clearance yet, an undiagnosed cause, symptoms not controlled, recent surgery or severe pain: see a clinician before exercising [SEED]."),
        [DecisionKind.Program] = ("Exercise program", "Screening passed: the exercises the person's causes and circumstances allow, with their doses [SEED]."),
    };

    public static readonly IReadOnlyDictionary<RuleCategory, (string Display, string Definition)> Categories = new Dictionary<RuleCategory, (string, string)>
    {
        [RuleCategory.Emergency] = ("Emergency rule", "A screening rule that sends the person to emergency care now."),
        [RuleCategory.UrgentReferral] = ("Urgent referral rule", "A screening rule that sends the person to a specialist within 24 hours."),
        [RuleCategory.TreatCauseFirst] = ("Treat-the-cause-first rule", "A screening rule that has the cause assessed and treated before exercise."),
        [RuleCategory.SeekMedicalAdvice] = ("Medical-advice rule", "A screening rule that asks for medical advice before exercise."),
        [RuleCategory.Contraindication] = ("Contraindication", "A rule that leaves out exercises with a movement or position the person's causes or circumstances contraindicate."),
        [RuleCategory.Eligibility] = ("Eligibility rule", "A rule that leaves out an exercise because of the person's circumstances (no pool, walking painful)."),
        [RuleCategory.Advice] = ("Advice", "A rule that adds advice to a program and excludes nothing."),
        [RuleCategory.Response] = ("Response rule", "A rule that adjusts a program from how the person responded to a session."),
    };

    /// <summary>The intake's explicit answer that none of the listed red flags is present: asked, and none (never the same as not asked).</summary>
    public static readonly Concept NoneOfThese = new("none", "None of these", "Asked, and none of the listed warning signs is present.");

    public static readonly IReadOnlyDictionary<AffectedSide, (string Display, string Definition)> Sides = new Dictionary<AffectedSide, (string, string)>
    {
        [AffectedSide.Left] = ("Left leg", "The leg symptoms are in the left leg."),
        [AffectedSide.Right] = ("Right leg", "The leg symptoms are in the right leg."),
        [AffectedSide.Both] = ("Both legs", "The leg symptoms are in both legs. This is not itself the red flag: new or worsening symptoms in both legs are asked separately."),
    };

    /// <summary>The concepts of one enum, in declaration order, coded by the contract's names.</summary>
    public static IReadOnlyList<Concept> Of<TEnum>(IReadOnlyDictionary<TEnum, (string Display, string Definition)> words)
        where TEnum : struct, Enum =>
        [.. Enum.GetValues<TEnum>().Where(v => v.ToString() != "Unspecified").Select(v => Of(v, words))];

    /// <summary>The concept of one value; every value has its words in the table (a test checks each enum), so none is made up here.</summary>
    public static Concept Of<TEnum>(TEnum value, IReadOnlyDictionary<TEnum, (string Display, string Definition)> words)
        where TEnum : struct, Enum
    {
        var (display, definition) = words[value];
        return new Concept(ContractNames.Of(value), display, definition);
    }
}
