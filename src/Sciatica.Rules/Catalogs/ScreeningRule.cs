
namespace Sciatica.Rules.Catalogs;

/// <summary>A screening gate: when it applies, the decision is at least <paramref name="Decision"/> and no exercise is given.</summary>
internal sealed record ScreeningRule(string Id, DecisionKind Decision, string Message, string Source, Condition When, Timeframe? Sooner = null)
{
    /// <summary>Gets how soon to act when this rule decides: the sooner of its own timeframe and its decision's usual one.</summary>
    public Timeframe Timeframe { get; } = Sooner is { } own && own < (Timeframes.For(Decision) ?? Timeframe.Now) ? own : Timeframes.For(Decision) ?? Timeframe.Now;

    public DecisionReason Reason { get; } = new(Id, Message, Source);

    public RuleCategory Category => Decision switch
    {
        DecisionKind.Emergency => RuleCategory.Emergency,
        DecisionKind.UrgentReferral => RuleCategory.UrgentReferral,
        DecisionKind.TreatCauseFirst => RuleCategory.TreatCauseFirst,
        _ => RuleCategory.SeekMedicalAdvice,
    };
}
