
namespace Sciatica.Rules.Catalogs;

/// <summary>
/// A screening gate over one red flag or one cause: when the person has it, the decision is at least
/// <see cref="Decision"/> and no exercise is given. A rule set must keep a gate for every red flag and
/// gating cause of the default rule set, at least as urgent as the default's;
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

    /// <summary>
    /// Gets how soon to act when this gate decides, or <see langword="null"/> for the usual timeframe of its
    /// decision (now, within 24 hours, within days, before exercising). It can only make the decision sooner: a
    /// timeframe later than the decision's usual one is not used. The default fever gate says within 24 hours, as a
    /// spinal infection is suspected [CKS].
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Timeframe? Timeframe { get; init; }

    /// <summary>Gets the rationale shown to users.</summary>
    public required string Rationale { get; init; }

    /// <summary>Gets the clinical source id (see <see cref="ClinicalSources"/>).</summary>
    public required string Source { get; init; }

    /// <summary>Gets the least urgent decision allowed for a red flag: emergency for signs of cauda equina syndrome [CES], urgent referral for progressive weakness and foot drop [CKS], treat the cause first for the others [AHCPR, IFOMPT, DOWNIE].</summary>
    internal static DecisionKind BriefMinimum(RedFlag flag) => flag switch
    {
        Rules.RedFlag.BladderDysfunction or Rules.RedFlag.BowelDysfunction or Rules.RedFlag.SaddleAnesthesia or Rules.RedFlag.BilateralLegSymptoms => DecisionKind.Emergency,
        Rules.RedFlag.ProgressiveWeakness or Rules.RedFlag.FootDrop => DecisionKind.UrgentReferral,
        _ => DecisionKind.TreatCauseFirst,
    };

    /// <summary>Gets the least urgent decision allowed for a cause, or <see cref="DecisionKind.Program"/> when the cause does not gate: treat the cause first for tumour, infection and vascular abnormality [SEED]; seek medical advice for an undiagnosed cause [SEED].</summary>
    internal static DecisionKind BriefMinimum(Cause cause) => cause switch
    {
        Rules.Cause.Tumor or Rules.Cause.Infection or Rules.Cause.SpinalVascularAbnormality => DecisionKind.TreatCauseFirst,
        Rules.Cause.Unknown => DecisionKind.SeekMedicalAdvice,
        _ => DecisionKind.Program,
    };
}

/// <summary>The usual timeframe of each decision.</summary>
internal static class Timeframes
{
    /// <summary>Gets how soon to act on a decision when no rule asks for sooner; <see langword="null"/> for a program.</summary>
    public static Timeframe? For(DecisionKind kind) => kind switch
    {
        DecisionKind.Emergency => Timeframe.Now,
        DecisionKind.UrgentReferral => Timeframe.Within24Hours,
        DecisionKind.TreatCauseFirst => Timeframe.WithinDays,
        DecisionKind.SeekMedicalAdvice => Timeframe.BeforeExercising,
        _ => null,
    };
}
