using Sciatica.Rules.Domain;

namespace Sciatica.Rules.Rules;

/// <summary>
/// A screening gate over one red flag or one cause: when the person has it, the decision is at least
/// <see cref="Decision"/> and no exercise is given. A rule set must keep a gate for every red flag and
/// gating cause of the clinical brief, at least as urgent as the brief's (see <see cref="BriefMinimum(RedFlag)"/>);
/// a host may make gates stricter or add gates, never remove or weaken them.
/// </summary>
/// <remarks>Immutable and thread-safe. Exactly one of <see cref="RedFlag"/> and <see cref="Cause"/> is set.</remarks>
public sealed record ScreeningGate
{
    /// <summary>Gets the stable rule id (for example <c>emergency-bladder-dysfunction</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Gets the red flag the gate is about, or <see langword="null"/> for a cause gate.</summary>
    public RedFlag? RedFlag { get; init; }

    /// <summary>Gets the cause the gate is about, or <see langword="null"/> for a red-flag gate.</summary>
    public Cause? Cause { get; init; }

    /// <summary>Gets the decision the gate gives; never <see cref="DecisionKind.Program"/>.</summary>
    public required DecisionKind Decision { get; init; }

    /// <summary>Gets the rationale shown to users.</summary>
    public required string Rationale { get; init; }

    /// <summary>Gets the clinical source id (see <see cref="ClinicalSources"/>).</summary>
    public required string Source { get; init; }

    /// <summary>Gets the least urgent decision the clinical brief allows for a red flag.</summary>
    /// <param name="flag">The red flag.</param>
    /// <returns>Emergency for signs of cauda equina syndrome [CES], urgent referral for progressive weakness and foot drop [CKS], treat the cause first for the others [AHCPR, IFOMPT].</returns>
    public static DecisionKind BriefMinimum(RedFlag flag) => flag switch
    {
        Domain.RedFlag.BladderDysfunction or Domain.RedFlag.BowelDysfunction or Domain.RedFlag.SaddleAnesthesia or Domain.RedFlag.BilateralLegSymptoms => DecisionKind.Emergency,
        Domain.RedFlag.ProgressiveWeakness or Domain.RedFlag.FootDrop => DecisionKind.UrgentReferral,
        _ => DecisionKind.TreatCauseFirst,
    };

    /// <summary>Gets the least urgent decision the clinical brief allows for a cause, or <see cref="DecisionKind.Program"/> when the cause does not gate.</summary>
    /// <param name="cause">The cause.</param>
    /// <returns>Treat the cause first for tumour, infection and vascular abnormality [SEED]; seek medical advice for an undiagnosed cause [SEED].</returns>
    public static DecisionKind BriefMinimum(Cause cause) => cause switch
    {
        Domain.Cause.Tumor or Domain.Cause.Infection or Domain.Cause.SpinalVascularAbnormality => DecisionKind.TreatCauseFirst,
        Domain.Cause.Unknown => DecisionKind.SeekMedicalAdvice,
        _ => DecisionKind.Program,
    };
}
