using FsCheck.Xunit;

namespace Sciatica.Rules.Fhir.Tests;

/// <summary>
/// An FsCheck property over <see cref="IntakeArbitraries"/>, run 10,000 times in the normal suite. The environment
/// variable <c>SCIATICA_PROPERTY_CASES</c> sets another case count, as it does for the core properties: higher for a
/// soak run, lower for the mutation run (docs/testing.md), where each surviving mutant reruns the property.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DifferentialPropertyAttribute : PropertyAttribute
{
    /// <summary>The environment variable that sets the case count.</summary>
    public const string CasesVariable = "SCIATICA_PROPERTY_CASES";

    public DifferentialPropertyAttribute()
    {
        MaxTest = Cases;
        Arbitrary = [typeof(IntakeArbitraries)];
    }

    /// <summary>The case count: <c>SCIATICA_PROPERTY_CASES</c> when it is a positive number, otherwise 10,000.</summary>
    public static int Cases { get; } =
        int.TryParse(Environment.GetEnvironmentVariable(CasesVariable), out var cases) && cases > 0 ? cases : 10_000;
}
