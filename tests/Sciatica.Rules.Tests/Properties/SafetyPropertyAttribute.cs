using FsCheck.Xunit;

namespace Sciatica.Rules.Tests.Properties;

/// <summary>
/// An FsCheck property over <see cref="Arbitraries"/>, run 1,000 times in the normal suite. Set the
/// environment variable <c>SCIATICA_PROPERTY_CASES</c> (for example to 100000) for a soak run.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SafetyPropertyAttribute : PropertyAttribute
{
    public const string CasesVariable = "SCIATICA_PROPERTY_CASES";

    public SafetyPropertyAttribute()
    {
        MaxTest = Cases;
        Arbitrary = [typeof(Arbitraries)];
        QuietOnSuccess = true;
    }

    public static int Cases { get; } =
        int.TryParse(Environment.GetEnvironmentVariable(CasesVariable), out var cases) && cases > 0 ? cases : 1000;
}
