using Sciatica.Rules;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Benchmarks.Peers;

/// <summary>The profile as the peer engines see it: plain properties and sets of contract names.</summary>
public sealed class PeerPatient
{
    public required HashSet<string> Causes { get; init; }

    public required HashSet<string> RedFlags { get; init; }

    public bool MedicalClearance { get; init; }

    public bool SymptomsTolerateExercise { get; init; }

    public bool LandWalkingPainful { get; init; }

    public bool PoolAccess { get; init; }

    /// <summary>Gets the age, or -1 when not recorded.</summary>
    public int Age { get; init; }

    /// <summary>Gets the weeks since spine surgery, or -1 when there was none.</summary>
    public int Weeks { get; init; }

    public int MaxPain { get; init; }

    public int LegPain { get; init; }

    /// <summary>Gets the weeks of pregnancy, or -1 when not pregnant.</summary>
    public int PregnancyWeeks { get; init; }

    /// <summary>Gets "extension", "flexion", or "" when there is no directional preference.</summary>
    public required string Preference { get; init; }

    public static PeerPatient From(PatientProfile p) => new()
    {
        Causes = [.. p.Causes.Select(ContractNames.Of)],
        RedFlags = [.. p.RedFlags.Select(ContractNames.Of)],
        MedicalClearance = p.MedicalClearance,
        SymptomsTolerateExercise = p.SymptomsTolerateExercise,
        LandWalkingPainful = p.LandWalkingPainful,
        PoolAccess = p.PoolAccess,
        Age = p.Age ?? -1,
        Weeks = p.WeeksSinceSpineSurgery ?? -1,
        MaxPain = Math.Max(p.LegPain, p.BackPain),
        LegPain = p.LegPain,
        PregnancyWeeks = p.PregnancyWeeks ?? -1,
        Preference = p.DirectionalPreference is { } d ? ContractNames.Of(d) : string.Empty,
    };
}

/// <summary>A catalog exercise as the peer engines see it.</summary>
public sealed class PeerExercise
{
    public required string Id { get; init; }

    public required string Kind { get; init; }

    public required HashSet<string> Movements { get; init; }

    public required string Position { get; init; }

    public bool ClinicianEnabledOnly { get; init; }

    public static PeerExercise From(Exercise e) => new()
    {
        Id = e.Id,
        Kind = ContractNames.Of(e.Kind),
        Movements = [.. e.Movements.Select(ContractNames.Of)],
        Position = ContractNames.Of(e.Position),
        ClinicianEnabledOnly = e.ClinicianEnabledOnly,
    };
}

/// <summary>What a peer decides: the decision and the ids of the included exercises, in catalog (id) order.</summary>
public sealed record PeerDecision(DecisionKind Decision, IReadOnlyList<string> Included);

/// <summary>
/// The rules both peers implement, read from the same rule set as <see cref="Selection.ProgramSelector"/>:
/// screening gates by red flag and cause and the contraindications are data; the gates on profile
/// conditions and the eligibility rules are written in each engine's own language.
/// </summary>
public sealed class PeerRuleData(RuleSet ruleSet, ExerciseCatalog catalog)
{
    public RuleSet RuleSet { get; } = ruleSet;

    public IReadOnlyList<PeerExercise> Exercises { get; } = [.. catalog.Exercises.Select(PeerExercise.From)];

    public RuleThresholds Thresholds => RuleSet.Thresholds;
}
