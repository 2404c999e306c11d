using System.Reflection;
using Sciatica.Rules;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Tests.Catalogs;

/// <summary>Rules that must hold everywhere, checked by reflection over the library.</summary>
public sealed class ConventionTests
{
    private static readonly Assembly Library = typeof(PatientProfile).Assembly;

    [Fact]
    public void DefaultRuleSet_EveryRule_HasIdRationaleAndListedSource()
    {
        var listed = ClinicalSources.BuiltIn.Select(s => s.Id).ToHashSet();

        Assert.All(RuleSet.Default.Rules, rule =>
        {
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", rule.Id);
            Assert.False(string.IsNullOrWhiteSpace(rule.Rationale), rule.Id);
            Assert.Contains(rule.Source, listed);
        });
        Assert.Equal(RuleSet.Default.Rules.Count, RuleSet.Default.Rules.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public void ClinicalSources_BuiltIn_HaveDistinctUpperCaseIdsAndFullCitations()
    {
        Assert.All(ClinicalSources.BuiltIn, source =>
        {
            Assert.Matches("^[A-Z0-9]+(-[A-Z0-9]+)*$", source.Id);
            Assert.True(source.Citation.Length > 20, source.Id);
            Assert.False(string.IsNullOrWhiteSpace(source.Supports), source.Id);
        });
        Assert.Equal(ClinicalSources.BuiltIn.Count, ClinicalSources.All.Distinct().Count());
    }

    [Fact]
    public void ClinicalSources_EveryBuiltInSource_IsCitedByARuleOrExercise()
    {
        var cited = RuleSet.Default.Rules.Select(r => r.Source).Concat(ExerciseCatalog.Default.Exercises.Select(e => e.Source)).ToHashSet();

        // Three sources back the design rather than one rule: STARTBACK (optional stratification), COCHRANE-REST (the
        // stay-active advice on every program) and STRETCH (the 30-second hold of every stretch). NG59 backs the version 3
        // walking step-down. Every other source, the version 2 and 3 ones included, must back a rule or an exercise.
        Assert.Equal(
            [ClinicalSources.StartBack, ClinicalSources.CochraneRest, ClinicalSources.Stretch],
            ClinicalSources.All.Where(id => !cited.Contains(id)));
    }

    [Fact]
    public void DefaultRuleSet_EveryContraindication_ExcludesADefaultExerciseUnlessDeclaredForCustomCatalogs()
    {
        // A rule that touches no default exercise is a tagging defect of the catalog, unless it says it guards custom catalogs only.
        foreach (var c in RuleSet.Default.Contraindications)
        {
            var touched = ExerciseCatalog.Default.Exercises.Where(c.Touches).Select(e => e.Id).ToList();
            Assert.True(c.GuardsCustomCatalogsOnly ? touched.Count == 0 : touched.Count > 0, $"{c.Id}: touches [{string.Join(", ", touched)}], guardsCustomCatalogsOnly = {c.GuardsCustomCatalogsOnly}");
        }
    }

    [Fact]
    public void ExerciseTaggingDoc_ListsEveryDefaultExerciseWithItsMovementsAndPosition()
    {
        // docs/exercise-tagging.md explains each exercise's tags in words; this keeps its table and the catalog in step.
        var rows = File.ReadAllLines(Path.Combine(Docs.RulesReferenceTests.RepositoryRoot(), "docs", "exercise-tagging.md"))
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .ToDictionary(cells => cells[1].Trim('`'), cells => (Position: cells[2], Movements: cells[3]));

        Assert.Equal(ExerciseCatalog.Default.Exercises.Select(e => e.Id).Order(), rows.Keys.Order());
        foreach (var e in ExerciseCatalog.Default.Exercises)
        {
            Assert.Equal(Sciatica.Rules.ContractNames.Of(e.Position), rows[e.Id].Position);
            Assert.Equal(e.Movements.Select(Sciatica.Rules.ContractNames.Of).Order(), rows[e.Id].Movements.Split(", ").Order());
        }
    }

    [Fact]
    public void LibraryXmlDocs_CiteNothingOutsideThePackage()
    {
        // A package user cannot open the project's working notes: docs point at docs/clinical-sources.md instead.
        var sources = Directory.EnumerateFiles(Path.Combine(Docs.RulesReferenceTests.RepositoryRoot(), "src"), "*.cs", SearchOption.AllDirectories);

        Assert.DoesNotContain(sources, f => File.ReadAllText(f).Contains("BRIEF.md", StringComparison.Ordinal));
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
}
