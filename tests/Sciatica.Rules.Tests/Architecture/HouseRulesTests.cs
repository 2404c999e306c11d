namespace Sciatica.Rules.Tests.Architecture;

/// <summary>
/// Rules of the house that hold for every source file (STYLE.md, docs/architecture.md): folders say what they hold
/// (two public namespaces, one namespace per folder, the folder of <c>Sciatica.Rules.Catalogs</c> named for it), and no
/// hand-written file is longer than <see cref="MaximumLines"/> lines.
/// </summary>
public sealed class HouseRulesTests
{
    /// <summary>The longest a hand-written source file may be.</summary>
    public const int MaximumLines = 400;

    /// <summary>
    /// Files still over the limit while their rewrite is under way (issue #29: the evaluator and the readers), relative
    /// to the repository root. An entry must be removed once its file is short enough: a test fails until it is.
    /// </summary>
    private static readonly HashSet<string> Pending = new(StringComparer.Ordinal);

    [Fact]
    public void Library_UsesTwoNamespaces()
    {
        var namespaces = SourceFolders.All.SelectMany(f => f.Namespaces).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

        Assert.Equal(["Sciatica.Rules", "Sciatica.Rules.Catalogs"], namespaces);
    }

    [Fact]
    public void EveryFile_DeclaresOneNamespace()
    {
        Assert.All(SourceFolders.All, file => Assert.True(file.Namespaces.Count == 1, $"{file.RelativePath} declares {file.Namespaces.Count} namespaces."));
    }

    [Fact]
    public void EveryFolder_HoldsOneNamespace()
    {
        var mixed = SourceFolders.All
            .GroupBy(f => f.Folder, StringComparer.Ordinal)
            .Where(g => g.SelectMany(f => f.Namespaces).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(g => g.Key + ": " + string.Join(", ", g.Select(f => f.RelativePath + " (" + string.Join(" ", f.Namespaces) + ")")));

        Assert.Empty(mixed);
    }

    [Fact]
    public void CatalogsNamespace_LivesInTheCatalogsFolderAndNowhereElse()
    {
        Assert.All(SourceFolders.All, file =>
        {
            var inCatalogsFolder = file.Folder == "Catalogs" || file.Folder.StartsWith("Catalogs/", StringComparison.Ordinal);
            Assert.True(inCatalogsFolder == file.Namespaces.Contains("Sciatica.Rules.Catalogs"), $"{file.RelativePath} is in namespace {string.Join(" ", file.Namespaces)}.");
        });
    }

    [Fact]
    public void HandWrittenSourceFiles_AreAtMost400Lines()
    {
        var tooLong = HandWrittenFiles()
            .Where(f => f.Lines > MaximumLines && !Pending.Contains(f.Path))
            .Select(f => $"{f.Path}: {f.Lines} lines");

        Assert.Empty(tooLong);
    }

    [Fact]
    public void PendingLongFiles_AreStillLong()
    {
        var files = HandWrittenFiles().ToDictionary(f => f.Path, f => f.Lines, StringComparer.Ordinal);

        Assert.All(Pending, path => Assert.True(
            files.TryGetValue(path, out var lines) && lines > MaximumLines,
            $"{path} is gone or now at most {MaximumLines} lines: remove it from HouseRulesTests.Pending."));
    }

    [Fact]
    public void SourceFile_GeneratedHeaderOrName_IsRecognised()
    {
        var generated = SourceFolders.All.Where(f => f.IsGenerated).Select(f => f.RelativePath).Order(StringComparer.Ordinal);

        Assert.Equal(["Catalogs/PrecomputedDefaultCatalog.g.cs", "Domain/ContractNameTables.g.cs"], generated);
    }

    /// <summary>Every C# and Razor file of every project in src/ (bin and obj left out) that is not generated, with its length.</summary>
    private static IEnumerable<(string Path, int Lines)> HandWrittenFiles()
    {
        var src = Path.Combine(Repository.Root, "src");
        return Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".cs", StringComparison.Ordinal) || p.EndsWith(".razor", StringComparison.Ordinal))
            .Where(p => !Path.GetRelativePath(src, p).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Select(p => SourceFile.Parse(Repository.Root, p))
            .Where(f => !f.IsGenerated)
            .Select(f => (f.RelativePath, f.Lines));
    }
}
