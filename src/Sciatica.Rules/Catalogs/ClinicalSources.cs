
namespace Sciatica.Rules.Catalogs;

/// <summary>
/// The clinical sources the rules cite, by id. Every rule and exercise names one of these ids so that
/// each decision can be traced to its evidence; <see cref="BuiltIn"/> gives each id's full citation, and
/// the repository's <c>docs/clinical-sources.md</c> lists them for readers. Documentation comments across
/// the library cite these ids in brackets, for example [SEED] or [CKS].
/// </summary>
public static class ClinicalSources
{
    /// <summary>The id <c>SEED</c>: "Exercises for L4 &amp; L5 Sciatica", consumer health article (the project's origin).</summary>
    public const string Seed = "SEED";

    /// <summary>The id <c>NG59</c>: National Institute for Health and Care Excellence. Low back pain and sciatica in over 16s: assessment and management. NICE guideline NG59, 2016 (updated 2020).</summary>
    public const string Ng59 = "NG59";

    /// <summary>The id <c>CKS</c>: National Institute for Health and Care Excellence. Clinical Knowledge Summary: Sciatica (lumbar radiculopathy), red flags and referral.</summary>
    public const string Cks = "CKS";

    /// <summary>The id <c>AHCPR</c>: Bigos S, et al. Acute Low Back Problems in Adults. Clinical Practice Guideline No. 14, AHCPR Publication 95-0642. Agency for Health Care Policy and Research, 1994.</summary>
    public const string Ahcpr = "AHCPR";

    /// <summary>The id <c>IFOMPT</c>: Finucane LM, et al. International Framework for Red Flags for Potential Serious Spinal Pathologies. J Orthop Sports Phys Ther. 2020;50(7):350-372.</summary>
    public const string Ifompt = "IFOMPT";

    /// <summary>The id <c>CES</c>: Review of cauda equina syndrome. Eur Spine J. 2011 (PubMed Central PMC3082683).</summary>
    public const string Ces = "CES";

    /// <summary>The id <c>APTA</c>: George SZ, et al. Interventions for the Management of Acute and Chronic Low Back Pain: Revision 2021. J Orthop Sports Phys Ther. 2021;51(11):CPG1-CPG60.</summary>
    public const string Apta = "APTA";

    /// <summary>The id <c>DP</c>: Long A, Donelson R, Fung T. Does it matter which exercise? A randomized control trial of exercise for low back pain. Spine. 2004;29(23):2593-2602.</summary>
    public const string Dp = "DP";

    /// <summary>The id <c>TBC</c>: Delitto A, et al. Phys Ther. 1995 (treatment-based classification); Fritz JM, et al. J Orthop Sports Phys Ther. 2007 (its update); Alrwaily M, et al. Phys Ther. 2016 (its revision).</summary>
    public const string Tbc = "TBC";

    /// <summary>The id <c>PMM</c>: Silbernagel KG, Thomee R, Eriksson BI, Karlsson J. Continued sports activity, using a pain-monitoring model, during rehabilitation in patients with Achilles tendinopathy. Am J Sports Med. 2007;35(6):897-906.</summary>
    public const string Pmm = "PMM";

    /// <summary>The id <c>STARTBACK</c>: Hill JC, et al. Comparison of stratified primary care management for low back pain with current best practice (STarT Back). Lancet. 2011;378(9802):1560-1571.</summary>
    public const string StartBack = "STARTBACK";

    /// <summary>The id <c>COCHRANE-REST</c>: Dahm KT, Brurberg KG, Jamtvedt G, Hagen KB. Advice to rest in bed versus advice to stay active for acute low-back pain and sciatica. Cochrane Database Syst Rev. 2010;(6):CD007612.</summary>
    public const string CochraneRest = "COCHRANE-REST";

    /// <summary>The id <c>AQUA</c>: Meta-analysis of aquatic exercise for low back pain, 2022 (PubMed Central PMC9717486).</summary>
    public const string Aqua = "AQUA";

    /// <summary>The id <c>WALKBACK</c>: Pocovi NC, et al. Effectiveness and cost-effectiveness of an individualised, progressive walking and education intervention for the prevention of low back pain recurrence (WalkBack). Lancet. 2024.</summary>
    public const string WalkBack = "WALKBACK";

    /// <summary>The id <c>STRETCH</c>: Ayala F, et al. 2010; Johnson AW, et al. 2014: studies of stretch hold time and total stretching time per muscle.</summary>
    public const string Stretch = "STRETCH";

    /// <summary>The id <c>POSTOP</c>: Oosterhuis T, et al. Rehabilitation after lumbar disc surgery. Cochrane Database Syst Rev. 2014;(3):CD003007.</summary>
    public const string PostOp = "POSTOP";

    /// <summary>The id <c>OSTEO</c>: Giangregorio LM, et al. Too Fit To Fracture: exercise recommendations for individuals with osteoporosis or osteoporotic vertebral fracture. Osteoporos Int. 2014;25(3):821-835; and outcomes of the consensus process, Osteoporos Int. 2015;26(3):891-910.</summary>
    public const string Osteo = "OSTEO";

    /// <summary>The id <c>SINAKI</c>: Sinaki M, Mikkelsen BA. Postmenopausal spinal osteoporosis: flexion versus extension exercises. Arch Phys Med Rehabil. 1984;65(10):593-596.</summary>
    public const string Sinaki = "SINAKI";

    /// <summary>The id <c>NEURO</c>: Coppieters MW, Butler DS. Do 'sliders' slide and 'tensioners' tension? Man Ther. 2008;13(3):213-221; Ellis RF, Hing WA, McNair PJ. J Orthop Sports Phys Ther. 2012;42(8):667-675.</summary>
    public const string Neuro = "NEURO";

    /// <summary>The id <c>NRS</c>: Serlin RC, Mendoza TR, Nakamura Y, Edwards KR, Cleeland CS. When is cancer pain mild, moderate or severe? Pain. 1995;61(2):277-284.</summary>
    public const string Nrs = "NRS";

    /// <summary>The id <c>DOWNIE</c>: Downie A, et al. Red flags to screen for malignancy and fracture in patients with low back pain: systematic review. BMJ. 2013;347:f7095.</summary>
    public const string Downie = "DOWNIE";

    /// <summary>The id <c>JENSEN</c>: Jensen RK, Kongsted A, Kjaer P, Koes B. Diagnosis and treatment of sciatica. BMJ. 2019;367:l6273.</summary>
    public const string Jensen = "JENSEN";

    /// <summary>The id <c>ACOG</c>: American College of Obstetricians and Gynecologists. Physical Activity and Exercise During Pregnancy and the Postpartum Period. Committee Opinion No. 804. Obstet Gynecol. 2020;135(4):e178-e188.</summary>
    public const string Acog = "ACOG";

    /// <summary>The id <c>NG234</c>: National Institute for Health and Care Excellence. Spinal metastases and metastatic spinal cord compression. NICE guideline NG234, 2023.</summary>
    public const string Ng234 = "NG234";

    /// <summary>Gets every built-in source with its full citation and what the rules take from it, in the order of the project's source table.</summary>
    public static IReadOnlyList<ClinicalSource> BuiltIn { get; } =
    [
        new(Seed, "\"Exercises for L4 & L5 Sciatica\", consumer health article (the project's origin).", "Stay active with walking or water walking; gentle stretches held 30 seconds; strengthening of the low back and abdominal muscles; which movements to avoid for disc and stenosis causes; diagnose the cause and get medical advice first; exercise must not make symptoms worse."),
        new(Ng59, "National Institute for Health and Care Excellence. Low back pain and sciatica in over 16s: assessment and management. NICE guideline NG59, 2016 (updated 2020).", "Exercise and staying active as first-line care; belts, corsets, traction and TENS are not offered; alternative diagnoses are considered first."),
        new(Cks, "National Institute for Health and Care Excellence. Clinical Knowledge Summary: Sciatica (lumbar radiculopathy), red flags and referral.", "Cauda equina signs need emergency care; progressive weakness and foot drop need urgent referral; serious does not always mean an emergency."),
        new(Ahcpr, "Bigos S, et al. Acute Low Back Problems in Adults. Clinical Practice Guideline No. 14, AHCPR Publication 95-0642. Agency for Health Care Policy and Research, 1994.", "Red flags for fracture, tumour and infection: age limits, trauma, fever, weight loss, IV drug use, immunosuppression."),
        new(Ifompt, "Finucane LM, et al. International Framework for Red Flags for Potential Serious Spinal Pathologies. J Orthop Sports Phys Ther. 2020;50(7):350-372.", "A history of cancer as the most useful malignancy flag; weakness and serious pathology are assessed before exercise."),
        new(Ces, "Review of cauda equina syndrome. Eur Spine J. 2011 (PubMed Central PMC3082683).", "Bladder, bowel and saddle symptoms as signs of cauda equina syndrome, an emergency."),
        new(Apta, "George SZ, et al. Interventions for the Management of Acute and Chronic Low Back Pain: Revision 2021. J Orthop Sports Phys Ther. 2021;51(11):CPG1-CPG60.", "Trunk muscle activation and movement control exercise for low back pain with leg pain."),
        new(Dp, "Long A, Donelson R, Fung T. Does it matter which exercise? A randomized control trial of exercise for low back pain. Spine. 2004;29(23):2593-2602.", "Exercise matched to a clinician-assessed directional preference; centralisation is a good sign."),
        new(Tbc, "Delitto A, et al. Phys Ther. 1995 (treatment-based classification); Fritz JM, et al. J Orthop Sports Phys Ther. 2007 (its update); Alrwaily M, et al. Phys Ther. 2016 (its revision).", "Classification-based exercise: extension or flexion groups, avoiding extension with spondylolisthesis, stopping a movement that peripheralises, clinician-chosen neural mobilisation."),
        new(Pmm, "Silbernagel KG, Thomee R, Eriksson BI, Karlsson J. Continued sports activity, using a pain-monitoring model, during rehabilitation in patients with Achilles tendinopathy. Am J Sports Med. 2007;35(6):897-906.", "Pain during exercise at most 5/10 and settled by the next morning; reduce load otherwise (adapted, not validated for radicular pain)."),
        new(StartBack, "Hill JC, et al. Comparison of stratified primary care management for low back pain with current best practice (STarT Back). Lancet. 2011;378(9802):1560-1571.", "Optional risk stratification recorded at intake."),
        new(CochraneRest, "Dahm KT, Brurberg KG, Jamtvedt G, Hagen KB. Advice to rest in bed versus advice to stay active for acute low-back pain and sciatica. Cochrane Database Syst Rev. 2010;(6):CD007612.", "Stay active; bed rest is never prescribed."),
        new(Aqua, "Meta-analysis of aquatic exercise for low back pain, 2022 (PubMed Central PMC9717486).", "Exercise in water as an option when exercise on land is too painful."),
        new(WalkBack, "Pocovi NC, et al. Effectiveness and cost-effectiveness of an individualised, progressive walking and education intervention for the prevention of low back pain recurrence (WalkBack). Lancet. 2024.", "Walking as the default aerobic base of a program."),
        new(Stretch, "Ayala F, et al. 2010; Johnson AW, et al. 2014: studies of stretch hold time and total stretching time per muscle.", "Stretches held 30 seconds, repeated; total stretching time per muscle matters."),
        new(PostOp, "Oosterhuis T, et al. Rehabilitation after lumbar disc surgery. Cochrane Database Syst Rev. 2014;(3):CD003007.", "Rehabilitation exercise starts 4 to 6 weeks after surgery; bending, lifting and twisting wait until cleared."),
        new(Osteo, "Giangregorio LM, et al. Too Fit To Fracture: exercise recommendations for individuals with osteoporosis or osteoporotic vertebral fracture. Osteoporos Int. 2014;25(3):821-835; and outcomes of the consensus process, Osteoporos Int. 2015;26(3):891-910.", "With osteoporosis, avoid loaded or end-range flexion, twisting and high-impact exercise."),
        new(Sinaki, "Sinaki M, Mikkelsen BA. Postmenopausal spinal osteoporosis: flexion versus extension exercises. Arch Phys Med Rehabil. 1984;65(10):593-596.", "No spinal flexion exercise with osteoporosis: new vertebral fractures were far more frequent with a flexion program (89%) than with an extension program (16%)."),
        new(Neuro, "Coppieters MW, Butler DS. Do 'sliders' slide and 'tensioners' tension? Man Ther. 2008;13(3):213-221; Ellis RF, Hing WA, McNair PJ. J Orthop Sports Phys Ther. 2012;42(8):667-675.", "Sliders move the nerve with little strain; tensioners strain it from both ends and are left out while the nerve is irritable."),
        new(Nrs, "Serlin RC, Mendoza TR, Nakamura Y, Edwards KR, Cleeland CS. When is cancer pain mild, moderate or severe? Pain. 1995;61(2):277-284.", "Pain 1-3 is mild, 4-6 moderate, 7-10 severe: moderate leg pain guards the nerve, severe pain is controlled before exercise."),
        new(Downie, "Downie A, et al. Red flags to screen for malignancy and fracture in patients with low back pain: systematic review. BMJ. 2013;347:f7095.", "Prolonged corticosteroid use as a fracture red flag; pain that does not ease with rest and thoracic pain as warning signs."),
        new(Jensen, "Jensen RK, Kongsted A, Kjaer P, Koes B. Diagnosis and treatment of sciatica. BMJ. 2019;367:l6273.", "Sciatica that persists for about 6 weeks without improving is reviewed by a clinician; imaging and referral only when an intervention would follow."),
        new(Acog, "American College of Obstetricians and Gynecologists. Physical Activity and Exercise During Pregnancy and the Postpartum Period. Committee Opinion No. 804. Obstet Gynecol. 2020;135(4):e178-e188.", "Exercise in an uncomplicated pregnancy after clinical evaluation; avoid lying flat on the back in later pregnancy."),
        new(Ng234, "National Institute for Health and Care Excellence. Spinal metastases and metastatic spinal cord compression. NICE guideline NG234, 2023 (replaced CG75).", "Signs of spinal cord compression are an emergency; cancer that is suspected is treated like known cancer; cancer with new neurological symptoms or signs means metastatic spinal cord compression is suspected, an emergency."),
    ];

    /// <summary>Gets every built-in source id, in the order of <see cref="BuiltIn"/>.</summary>
    public static IReadOnlyList<string> All { get; } = [.. BuiltIn.Select(s => s.Id)];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    /// <summary>Gets whether an id is a known source id (case-sensitive).</summary>
    /// <param name="id">The id to check.</param>
    /// <returns><see langword="true"/> when the id is listed in <see cref="All"/>.</returns>
    public static bool IsKnown(string? id) => id is not null && Known.Contains(id);

    /// <summary>Adds a problem at <paramref name="path"/> unless the value is a built-in source id or one the document declares.</summary>
    internal static void RequireSource(this ProblemList problems, string path, string? value)
    {
        if (!IsKnown(value) && !(value is not null && problems.DeclaredSources?.Contains(value) == true))
        {
            problems.Add(path, "must be a known clinical source id; allowed values: " + ProblemList.Listed(All.Concat(problems.DeclaredSources?.Order(StringComparer.Ordinal) ?? Enumerable.Empty<string>()), 180) + " (a catalog may declare its own in \"sources\").");
        }
    }
}
