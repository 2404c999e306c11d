using Sciatica.Rules.Domain;
using Sciatica.Rules.Selection;

namespace Sciatica.Rules.Rules;

/// <summary>A screening gate: when it applies, the decision is at least <paramref name="Decision"/> and no exercise is given.</summary>
internal sealed record ScreeningRule(string Id, DecisionKind Decision, string Message, string Source, Func<PatientProfile, bool> Applies)
{
    public DecisionReason Reason { get; } = new(Id, Message, Source);

    public RuleCategory Category => Decision switch
    {
        DecisionKind.Emergency => RuleCategory.Emergency,
        DecisionKind.UrgentReferral => RuleCategory.UrgentReferral,
        DecisionKind.TreatCauseFirst => RuleCategory.TreatCauseFirst,
        _ => RuleCategory.SeekMedicalAdvice,
    };
}
