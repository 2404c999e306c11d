using System.Reflection;
using System.Text.RegularExpressions;
using Sciatica.Rules.Domain;
using Sciatica.Rules.Rules;

namespace Sciatica.Rules.Tests.Rules;

/// <summary>Rules that must hold everywhere, checked by reflection over the library.</summary>
public sealed partial class ConventionTests
{
    private static readonly Assembly Library = typeof(PatientProfile).Assembly;

    [Fact]
    public void DefaultRuleSet_EveryRule_HasIdRationaleAndBriefSource()
    {
        var brief = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "BRIEF.md"));
        var briefIds = BriefSourceId().Matches(brief).Select(m => m.Groups[1].Value).ToHashSet();

        Assert.All(RuleSet.Default.Rules, rule =>
        {
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", rule.Id);
            Assert.False(string.IsNullOrWhiteSpace(rule.Rationale), rule.Id);
            Assert.Contains(rule.Source, briefIds);
        });
        Assert.Equal(RuleSet.Default.Rules.Count, RuleSet.Default.Rules.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public void ClinicalSources_All_MatchTheBriefTable()
    {
        var brief = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "BRIEF.md"));

        Assert.Equal(BriefSourceId().Matches(brief).Select(m => m.Groups[1].Value), ClinicalSources.All);
    }

    [Fact]
    public void DefaultCatalog_EveryExercise_HasKnownSource() =>
        Assert.All(ExerciseCatalog.Default.Exercises, e => Assert.True(ClinicalSources.IsKnown(e.Source), e.Id));

    [Fact]
    public void PublicTypes_AreImmutable()
    {
        var mutable = new List<string>();
        // Options are the one deliberate exception: mutable while a host is configured, like any .NET options type.
        foreach (var type in Library.GetExportedTypes().Where(t => !t.IsInterface && !typeof(Exception).IsAssignableFrom(t) && !t.Name.EndsWith("Options", StringComparison.Ordinal)))
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                var setter = property.SetMethod;
                var isInit = setter?.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit") == true;
                if (setter is { IsPublic: true } && !isInit)
                {
                    mutable.Add($"{type.Name}.{property.Name}");
                }
            }

            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (!field.IsInitOnly && !field.IsLiteral && !type.IsEnum)
                {
                    mutable.Add($"{type.Name}.{field.Name}");
                }
            }

            if (type.IsClass && !type.IsAbstract && !type.IsSealed)
            {
                mutable.Add($"{type.Name} is not sealed");
            }
        }

        Assert.Empty(mutable);
    }

    [GeneratedRegex(@"^\| ([A-Z0-9-]+) \|", RegexOptions.Multiline)]
    private static partial Regex BriefSourceId();
}
