namespace Sciatica.Rules;

/// <summary>One rule that shaped a decision: its id, what it means for the person, and its clinical source.</summary>
/// <param name="RuleId">The stable id of the rule that fired.</param>
/// <param name="Message">The rationale in plain language.</param>
/// <param name="Source">The clinical source id (see <see cref="Catalogs.ClinicalSources"/>).</param>
public sealed record DecisionReason(string RuleId, string Message, string Source);
