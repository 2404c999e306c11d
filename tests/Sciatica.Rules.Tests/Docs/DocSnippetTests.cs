using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Sciatica.Rules.Tests.Docs;

/// <summary>
/// Docs are code: every C# block of README.md, docs/*.md and the package readme is compiled as a console app
/// against the library (with the implicit usings of a console project), and run unless its fence says
/// <c>csharp no-run</c> or <c>csharp web</c> (an ASP.NET Core app: compiled here with the web usings; the throwaway
/// host of tests/Sciatica.Rules.Packages.Tests starts and stops it). A missing <c>using</c>, an undefined variable or
/// a renamed member fails here, naming the document and the block (numbered from 1).
/// </summary>
[Collection(nameof(DocSnippetTests))]
[CollectionDefinition(nameof(DocSnippetTests), DisableParallelization = true)]
public sealed partial class DocSnippetTests
{
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static readonly Lazy<MetadataReference[]> References = new(LoadReferences);

    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Preview);

    public static TheoryData<string, int> Snippets()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in DocumentBlocks.Documents(Repository.Root))
        {
            foreach (var block in DocumentBlocks.Of(Repository.Root, file))
            {
                data.Add(file, block.Number);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Snippet_CompilesAndRuns(string file, int number)
    {
        var block = DocumentBlocks.Of(Repository.Root, file).Single(b => b.Number == number);
        var (code, run, index) = (block.Code, block.Run && !block.Web, number);
        var usings = block.Web ? ImplicitUsings + string.Concat(DocumentBlocks.WebUsings.Select(u => "\nglobal using " + u + ";")) : ImplicitUsings;
        var compilation = CSharpCompilation.Create(
            $"Snippet{index}",
            [CSharpSyntaxTree.ParseText(code, Parse), CSharpSyntaxTree.ParseText(usings, Parse)],
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();

        var result = compilation.Emit(image);

        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.True(result.Success, $"{file} block {index} does not compile:\n{string.Join("\n", errors)}\n---\n{code}");
        if (run)
        {
            Run(image.ToArray(), file, index);
        }
    }

    [Fact]
    public void Snippets_EveryDocumentWithCSharp_IsFound() =>
        Assert.Contains(DocumentBlocks.Documents(Repository.Root), f => f.EndsWith("getting-started.md", StringComparison.Ordinal) && DocumentBlocks.Of(Repository.Root, f).Count >= 5);

    [Fact]
    public void DependencyStatements_MatchThePackagesDependencies()
    {
        // The packages the library's nuspec depends on are exactly its non-private package references.
        var project = XDocument.Load(Path.Combine(RulesReferenceTests.RepositoryRoot(), "src", "Sciatica.Rules", "Sciatica.Rules.csproj"));
        var dependencies = project.Descendants("PackageReference")
            .Where(r => (string?)r.Attribute("PrivateAssets") != "all")
            .Select(r => (string)r.Attribute("Include")!)
            .Order(StringComparer.Ordinal)
            .ToList();

        foreach (var file in new[] { "README.md", "docs/getting-started.md", "src/Sciatica.Rules/PACKAGE.md" })
        {
            var text = File.ReadAllText(Path.Combine(RulesReferenceTests.RepositoryRoot(), file));
            var statement = DependenciesLine().Match(text);
            Assert.True(statement.Success, $"{file} has no 'Dependencies:' statement");
            var named = PackageName().Matches(statement.Groups[1].Value).Select(m => m.Value).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(dependencies, named);
        }
    }

    private static void Run(byte[] image, string file, int index)
    {
        var context = new AssemblyLoadContext($"snippet-{index}", isCollectible: true);
        var original = Console.Out;
        using var output = new StringWriter();
        try
        {
            Console.SetOut(output);
            var entry = context.LoadFromStream(new MemoryStream(image)).EntryPoint!;
            var returned = entry.Invoke(null, entry.GetParameters().Length == 0 ? [] : [Array.Empty<string>()]);
            if (returned is Task task)
            {
                task.GetAwaiter().GetResult();
            }
        }
        catch (TargetInvocationException ex)
        {
            Assert.Fail($"{file} block {index} throws {ex.InnerException}");
        }
        finally
        {
            Console.SetOut(original);
            context.Unload();
        }

        Assert.False(string.IsNullOrWhiteSpace(output.ToString()), $"{file} block {index} printed nothing");
    }

    private static MetadataReference[] LoadReferences()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var local = Directory.GetFiles(AppContext.BaseDirectory, "*.dll");
        return platform.Concat(AspNetCore()).Concat(local)
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.Last())
            .Where(IsManagedAssembly)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray();
    }

    /// <summary>
    /// ASP.NET Core's shared framework beside the running runtime, to compile <c>csharp web</c> blocks (only compiled
    /// here; the throwaway host runs them). Not a framework reference of this project: the CLI sample runs from this
    /// output folder on the plain runtime and needs its package assemblies copied here.
    /// </summary>
    private static IEnumerable<string> AspNetCore()
    {
        var runtime = new DirectoryInfo(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
        var shared = Path.Combine(runtime.Parent!.Parent!.FullName, "Microsoft.AspNetCore.App");
        var version = Directory.Exists(shared)
            ? Directory.GetDirectories(shared).Where(d => Path.GetFileName(d).StartsWith(runtime.Name.Split('.')[0] + ".", StringComparison.Ordinal))
                .OrderBy(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version(0, 0)).LastOrDefault()
            : null;
        return version is null ? [] : Directory.GetFiles(version, "*.dll");
    }

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^Dependencies: (.*?)(?:\n\n|\z)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex DependenciesLine();

    [GeneratedRegex(@"Microsoft\.Extensions\.[A-Za-z.]+[A-Za-z]")]
    private static partial Regex PackageName();
}
