using Sciatica.Rules;
using Sciatica.Rules.Catalogs;
using Sciatica.Rules.Testing;
using Sciatica.Rules.Tests.Docs;

namespace Sciatica.Rules.Tests.Catalogs;

/// <summary>
/// The default catalog ships twice: as the JSON document every host can read, and as C# that a process builds
/// without reading or checking JSON before its first decision (src/Sciatica.Rules/Catalogs/PrecomputedDefaultCatalog.g.cs).
/// These tests keep the two the same: the C# is written again from the document the library embeds (by the writer of
/// eng/Sciatica.Rules.Generate, which also writes the file) and compared character for character, and the catalog it
/// builds is compared with the one read from JSON, field by field.
/// </summary>
public sealed class PrecomputedCatalogTests
{
    [Fact]
    public void GeneratedSource_IsWhatTheEmbeddedJsonDocumentGives()
    {
        Architecture.GeneratedFilesTests.AssertCurrent("src/Sciatica.Rules/Catalogs/PrecomputedDefaultCatalog.g.cs");
    }

    [Fact]
    public void PrecomputedCatalog_EqualsTheCatalogReadAndCheckedFromJson()
    {
        var (catalog, ruleSet) = CatalogLoader.ReadEmbeddedDocument();
        var (precomputedCatalog, precomputedRules) = PrecomputedDefaultCatalog.Build();

        Assert.Equal(catalog.Exercises, precomputedCatalog.Exercises);
        Assert.Equal(ruleSet.Name, precomputedRules.Name);
        Assert.Equal(ruleSet.Version, precomputedRules.Version);
        Assert.Equal(ruleSet.Thresholds, precomputedRules.Thresholds);
        Assert.Equal(ruleSet.Screening, precomputedRules.Screening);
        Assert.Equal(ruleSet.Contraindications, precomputedRules.Contraindications);
        Assert.Equal(ruleSet.DeclaredSources, precomputedRules.DeclaredSources);
        Assert.Equal(ruleSet.Rules, precomputedRules.Rules);
        Assert.Equal(PrecomputedDefaultCatalog.RuleSetVersion, ContentFingerprint.Compute(catalog, ruleSet));
        Assert.Equal(PrecomputedDefaultCatalog.RuleSetVersion, ContentFingerprint.Compute(precomputedCatalog, precomputedRules));
    }

    [Fact]
    public void DefaultEngine_IsBuiltFromThePrecomputedCatalog_AndAnswersLikeAnEngineReadFromJson()
    {
        var (catalog, ruleSet) = CatalogLoader.ReadEmbeddedDocument();
        var fromJson = new ProgramSelector(catalog, ruleSet);

        Assert.Same(ExerciseCatalog.Default, ProgramSelector.Default.Catalog);
        Assert.Equal(fromJson.RuleSetVersion, ProgramSelector.Default.RuleSetVersion);
        var samples = Directory.GetFiles(Path.Combine(RulesReferenceTests.RepositoryRoot(), "samples", "profiles"), "*.json")
            .Where(path => !Path.GetFileName(path).StartsWith("review", StringComparison.Ordinal))
            .Select(path => SciaticaJson.ReadProfile(File.ReadAllBytes(path)))
            .ToList();
        Assert.NotEmpty(samples);
        foreach (var profile in samples)
        {
            Assert.Equal(SciaticaJson.WriteDecision(fromJson.Select(profile)), SciaticaJson.WriteDecision(ProgramSelector.Default.Select(profile)));
        }
    }
}
