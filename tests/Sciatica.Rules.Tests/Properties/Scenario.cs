using Sciatica.Rules;

namespace Sciatica.Rules.Tests.Properties;

/// <summary>A generated engine (default or random catalog and rule set) and a profile valid for it.</summary>
/// <remarks>Printed as the profile's contract JSON, so a failing case reads like an intake.</remarks>
public sealed record Scenario(ProgramSelector Selector, PatientProfile Profile, bool DefaultWorld)
{
    public ProgramDecision Decide() => Selector.Select(Profile);

    public override string ToString() =>
        $"{(DefaultWorld ? "default catalog and rule set" : $"random catalog ({Selector.Catalog.Exercises.Count} exercises, {Selector.RuleSet.Contraindications.Count} contraindications)")}; profile: {SciaticaJson.WriteProfile(Profile)}";
}
