using System.Text.RegularExpressions;

namespace Sciatica.Rules.Testing;

/// <summary>
/// The C# blocks of the documentation (README.md, the package readmes and docs/*.md), one source for the
/// in-process snippet test and the throwaway host. A fence's info string says how a block is checked:
/// <c>csharp</c> compiles and runs; <c>csharp no-run</c> compiles only; <c>csharp web</c> is an ASP.NET Core app that
/// is compiled with the web SDK's implicit usings and, in the throwaway host, started and stopped. Other fences
/// (<c>sh</c>, <c>json</c>, <c>text</c>) are commands or output and are not compiled.
/// </summary>
internal static partial class DocumentBlocks
{
    /// <summary>The implicit usings of a web project, added to <c>csharp web</c> blocks.</summary>
    public static readonly string[] WebUsings =
    [
        "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    /// <summary>One block: the document it is in, its number there (from 1), its code and how it is checked.</summary>
    public sealed record Block(string Document, int Number, string Code, bool Run, bool Web)
    {
        /// <summary>Gets the name a failure shows: the document and the block.</summary>
        public string Name => $"{Document} block {Number}";
    }

    /// <summary>Gets the documents that hold C# blocks, relative to the repository root, in ordinal order.</summary>
    public static IEnumerable<string> Documents(string root) =>
        new[] { "README.md", "src/Sciatica.Rules/PACKAGE.md", "src/Sciatica.Rules.Fhir/PACKAGE.md", "src/Sciatica.Rules.Handouts/PACKAGE.md" }
            .Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')))
            .Where(f => Of(root, f).Count > 0)
            .Order(StringComparer.Ordinal);

    /// <summary>Gets the C# blocks of one document.</summary>
    public static List<Block> Of(string root, string document) =>
        CSharpBlock().Matches(File.ReadAllText(Path.Combine(root, document)).ReplaceLineEndings("\n"))
            .Select((m, i) => new Block(
                document,
                i + 1,
                m.Groups[2].Value,
                Run: !m.Groups[1].Value.Contains("no-run", StringComparison.Ordinal),
                Web: m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("web")))
            .ToList();

    /// <summary>Gets every C# block of every document.</summary>
    public static IEnumerable<Block> All(string root) => Documents(root).SelectMany(d => Of(root, d));

    /// <summary>Fences that are neither C# nor one of the kinds that need no compiling: each must say what it is.</summary>
    public static IEnumerable<(string Document, string Info)> UnmarkedFences(string root) =>
        new[] { "README.md" }
            .Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')))
            .SelectMany(d => AnyFence().Matches(File.ReadAllText(Path.Combine(root, d)).ReplaceLineEndings("\n"))
                .Select(m => (d, m.Groups[1].Value.Trim())))
            .Where(f => f.Item2.Split(' ').FirstOrDefault() is not ("csharp" or "sh" or "json" or "jsonl" or "text" or "http" or "xml" or "ini" or "yaml" or "dockerfile"));

    [GeneratedRegex(@"^```csharp([^\n]*)\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    // Opening fences only: a fence line, its block, the closing fence.
    [GeneratedRegex(@"^```([^\n]*)\n.*?^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex AnyFence();
}
