using System.Collections.Frozen;

namespace Sciatica.Rules.Rules;

/// <summary>
/// The clinical sources the rules cite, by id, as listed in the project's clinical brief. Every rule
/// and exercise names one of these ids so that each decision can be traced to its evidence.
/// </summary>
public static class ClinicalSources
{
    /// <summary>"Exercises for L4 and L5 Sciatica", the consumer article the project grew from.</summary>
    public const string Seed = "SEED";

    /// <summary>NICE guideline NG59, low back pain and sciatica in over 16s (2016, updated 2020).</summary>
    public const string Ng59 = "NG59";

    /// <summary>NICE Clinical Knowledge Summary: sciatica (lumbar radiculopathy), red flags.</summary>
    public const string Cks = "CKS";

    /// <summary>AHCPR 1994 acute low back problems guideline, red-flag table.</summary>
    public const string Ahcpr = "AHCPR";

    /// <summary>Finucane et al. 2020, international framework for red flags for serious spinal pathology.</summary>
    public const string Ifompt = "IFOMPT";

    /// <summary>Cauda equina syndrome review, Eur Spine J 2011.</summary>
    public const string Ces = "CES";

    /// <summary>George et al. 2021, APTA clinical practice guideline for low back pain.</summary>
    public const string Apta = "APTA";

    /// <summary>Long, Donelson and Fung 2004: directional preference matched exercise.</summary>
    public const string Dp = "DP";

    /// <summary>Treatment-Based Classification (Delitto 1995; Fritz 2007; Alrwaily 2016).</summary>
    public const string Tbc = "TBC";

    /// <summary>Silbernagel 2007 pain-monitoring model.</summary>
    public const string Pmm = "PMM";

    /// <summary>Keele STarT Back Screening Tool; Hill et al. 2011.</summary>
    public const string StartBack = "STARTBACK";

    /// <summary>Dahm et al. 2010, Cochrane review of bed rest versus staying active.</summary>
    public const string CochraneRest = "COCHRANE-REST";

    /// <summary>Meta-analysis of aquatic exercise for low back pain, 2022.</summary>
    public const string Aqua = "AQUA";

    /// <summary>WalkBack trial, 2024: a walking program and recurrence.</summary>
    public const string WalkBack = "WALKBACK";

    /// <summary>Ayala 2010; Johnson 2014: total stretch time matters more than hold length.</summary>
    public const string Stretch = "STRETCH";

    /// <summary>Oosterhuis et al. 2014, Cochrane: rehabilitation after lumbar disc surgery.</summary>
    public const string PostOp = "POSTOP";

    /// <summary>Too Fit To Fracture recommendations, 2014/2015.</summary>
    public const string Osteo = "OSTEO";

    /// <summary>Gets every known source id, in the order of the clinical brief.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Seed, Ng59, Cks, Ahcpr, Ifompt, Ces, Apta, Dp, Tbc, Pmm, StartBack, CochraneRest, Aqua, WalkBack, Stretch, PostOp, Osteo,
    ];

    private static readonly FrozenSet<string> Known = All.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Gets whether an id is a known source id (case-sensitive).</summary>
    /// <param name="id">The id to check.</param>
    /// <returns><see langword="true"/> when the id is listed in <see cref="All"/>.</returns>
    public static bool IsKnown(string? id) => id is not null && Known.Contains(id);
}
