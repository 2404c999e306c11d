namespace Sciatica.Rules.Catalogs;

/// <summary>
/// A public description of one rule: its stable id, what kind of rule it is, the rationale shown to
/// users and its clinical source. Used for documentation, APIs that list rules, and audits.
/// </summary>
/// <param name="Id">The stable rule id (for example <c>disc-avoid-extension</c>).</param>
/// <param name="Category">What kind of rule it is.</param>
/// <param name="Rationale">Why the rule exists, in plain language.</param>
/// <param name="Source">The clinical source id (see <see cref="ClinicalSources"/>).</param>
/// <param name="Strength">For exclusion rules, whether a clinician may lift it; otherwise <see langword="null"/>.</param>
public sealed record RuleDescription(string Id, RuleCategory Category, string Rationale, string Source, ContraindicationStrength? Strength);
