
namespace Sciatica.Rules.Catalogs;

/// <summary>Advice attached to a program when it applies; it excludes nothing.</summary>
internal sealed record AdvisoryRule(string Id, string Message, string Source, Condition When)
{
    public DecisionReason Reason { get; } = new(Id, Message, Source);
}
