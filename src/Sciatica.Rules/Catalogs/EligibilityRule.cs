
namespace Sciatica.Rules.Catalogs;

/// <summary>A rule that excludes one exercise because of the person's circumstances rather than a movement contraindication.</summary>
internal sealed record EligibilityRule(string Id, ContraindicationStrength Strength, string Message, string Source, Condition When, Func<Exercise, bool> Touches)
{
    public DecisionReason Reason { get; } = new(Id, Message, Source);
}
