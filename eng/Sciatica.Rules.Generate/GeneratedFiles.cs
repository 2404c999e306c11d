using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Generate;

/// <summary>One checked-in file that is written from something else.</summary>
/// <param name="RelativePath">The file, relative to the repository root, with forward slashes.</param>
/// <param name="MadeFrom">What it is written from, for messages.</param>
/// <param name="Write">Writes what the file must hold (lines end in "\n").</param>
internal sealed record GeneratedFile(string RelativePath, string MadeFrom, Func<string> Write);

/// <summary>
/// The repository's generated files and the one command that writes them. The tests call the same writers and fail,
/// naming <see cref="Command"/>, when a checked-in file is not what they write.
/// </summary>
internal static class GeneratedFiles
{
    /// <summary>The command that writes every generated file, run from the repository root.</summary>
    internal const string Command = "dotnet run --project eng/Sciatica.Rules.Generate";

    /// <summary>
    /// Every generated file. The documents are written from the embedded catalog document, not from the precomputed
    /// catalog this run was built with, so that one run after a change to default-catalog.json writes everything.
    /// </summary>
    internal static IReadOnlyList<GeneratedFile> All { get; } =
    [
        new("src/Sciatica.Rules/Catalogs/PrecomputedDefaultCatalog.g.cs", "default-catalog.json", PrecomputedCatalogSource.FromEmbeddedDocument),
        new("src/Sciatica.Rules/Domain/ContractNameTables.g.cs", "the library's enums", ContractNameTablesSource.Write),
        new("docs/rules.md", "default-catalog.json", RulesFromEmbeddedDocument),
        new("docs/clinical-sources.md", "ClinicalSources.BuiltIn", RulesReference.RenderSources),
    ];

    /// <summary>Finds a generated file by its path.</summary>
    internal static GeneratedFile Get(string relativePath) =>
        All.SingleOrDefault(f => f.RelativePath == relativePath) ?? throw new ArgumentException($"{relativePath} is not a generated file.", nameof(relativePath));

    private static string RulesFromEmbeddedDocument()
    {
        var (catalog, ruleSet) = CatalogLoader.ReadEmbeddedDocument();
        return RulesReference.Render(ruleSet, catalog);
    }
}
