using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;

namespace Sciatica.Rules.Packages.Tests;

/// <summary>
/// A newcomer's first ten minutes, automated: every package of src/ packed with one version into a temporary feed,
/// and a throwaway host in a temporary folder outside the repository (so no Directory.Build.props or central
/// package pin of the repository applies) that references the packages from that feed alone. The host exercises
/// select, FHIR $apply and a handout, and compiles and runs every C# block of README.md and docs/*.md. Then the
/// getting-started guide is followed as written inside the clone (dotnet new, dotnet add package, its console app).
/// </summary>
public sealed class PackageHostTests
{
    private const string SkipReason =
        "Slow (packs every package, restores and builds a host outside the repository): runs in CI only. " +
        "Run it here with: CI=true dotnet test tests/Sciatica.Rules.Packages.Tests";

    private static string Root => Repository.Root;

    [Fact]
    public void Documents_EveryFenceSaysWhatItIs()
    {
        // A block that is not C# must say what it is (sh, json, text, ...), so nothing meant to compile escapes the host.
        Assert.Empty(DocumentBlocks.UnmarkedFences(Root));
        Assert.Contains(DocumentBlocks.All(Root), b => b.Document == "docs/getting-started.md");
    }

    [Fact]
    public void Rewrite_BlockWithStatementsAndTypes_KeepsUsingsAtTheTopAndTypesOutsideTheMethod()
    {
        var block = new DocumentBlocks.Block("docs/x.md", 2, "using Sciatica.Rules;\nConsole.WriteLine(new Point(1, 2));\nrecord Point(int X, int Y);\n", Run: true, Web: false);

        var code = SnippetRewriter.Rewrite(block);

        Assert.StartsWith("// docs/x.md block 2", code, StringComparison.Ordinal);
        Assert.True(code.IndexOf("using Sciatica.Rules;", StringComparison.Ordinal) < code.IndexOf("namespace Snippets.Block_docs_x_md_2;", StringComparison.Ordinal));
        Assert.True(code.IndexOf("Console.WriteLine", StringComparison.Ordinal) < code.IndexOf("record Point", StringComparison.Ordinal));
        Assert.True(code.IndexOf("#line default", StringComparison.Ordinal) < code.IndexOf("record Point", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void ThrowawayHost_FromTheLocalFeedAlone_RunsSelectFhirHandoutAndEveryDocumentedBlock()
    {
        Skip.If(Environment.GetEnvironmentVariable("CI") != "true", SkipReason);
        var temp = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "sciatica-host-" + Guid.NewGuid().ToString("N")[..12])).FullName;
        Assert.False(temp.StartsWith(Root, StringComparison.Ordinal), "the host must live outside the repository");
        try
        {
            // One suffix for the whole run, so NuGet's global package folder never holds an older copy of this version.
            var suffix = "host." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
            var feed = Path.Combine(temp, "feed");
            var projects = Directory.GetDirectories(Path.Combine(Root, "src")).Select(d => Path.Combine(d, Path.GetFileName(d) + ".csproj")).Where(File.Exists).Order(StringComparer.Ordinal).ToList();
            foreach (var project in projects)
            {
                Dotnet(Root, "pack", project, "-c", "Release", "-o", feed, "-p:SciaticaVersionSuffix=" + suffix);
            }

            var version = AssertOneVersion(feed, projects.Select(Path.GetFileNameWithoutExtension).ToList()!);

            var host = Directory.CreateDirectory(Path.Combine(temp, "host")).FullName;
            File.WriteAllText(Path.Combine(host, "Host.csproj"), HostFiles.Project(version, projects.Select(Path.GetFileNameWithoutExtension)!));
            File.WriteAllText(Path.Combine(host, "NuGet.config"), HostFiles.NuGetConfig(feed));
            File.WriteAllText(Path.Combine(host, "GlobalUsings.cs"), HostFiles.GlobalUsings);
            File.WriteAllText(Path.Combine(host, "Program.cs"), HostFiles.Program);
            var blocks = DocumentBlocks.All(Root).ToList();
            Directory.CreateDirectory(Path.Combine(host, "Blocks"));
            foreach (var block in blocks)
            {
                File.WriteAllText(Path.Combine(host, "Blocks", SnippetRewriter.ClassName(block) + ".cs"), SnippetRewriter.Rewrite(block));
            }

            File.WriteAllText(Path.Combine(host, "Blocks", "Registry.cs"), HostFiles.Registry(blocks));

            // The host's build and run name the document and block of any failure (#line in each block's file).
            Dotnet(host, "build", "-c", "Release", "-nologo");
            var output = Dotnet(host, "run", "-c", "Release", "--no-build");
            Assert.Contains("all checks passed", output, StringComparison.Ordinal);
            foreach (var block in blocks.Where(b => b.Run))
            {
                Assert.Contains("ok: " + block.Name, output, StringComparison.Ordinal);
            }

            // docs/getting-started.md as written, inside the clone this time: dotnet new, dotnet add package from the
            // feed, the guide's console app; the repository's central pin and build settings must not take over.
            var inside = Path.Combine(Root, "artifacts", "guide-app-" + Guid.NewGuid().ToString("N")[..12]);
            try
            {
                Dotnet(Root, "new", "console", "-o", inside);
                Dotnet(inside, "add", "package", "Sciatica.Rules", "--prerelease", "--source", feed);
                var console = DocumentBlocks.Of(Root, "docs/getting-started.md").First(b => b.Code.Contains("ProgramSelector.Default.Select", StringComparison.Ordinal));
                File.WriteAllText(Path.Combine(inside, "Program.cs"), console.Code);
                var answer = Dotnet(inside, "run");
                Assert.Contains("Program", answer, StringComparison.Ordinal);
                Assert.Contains($"Include=\"Sciatica.Rules\" Version=\"{version}\"", File.ReadAllText(Path.Combine(inside, Path.GetFileName(inside) + ".csproj")), StringComparison.Ordinal);
            }
            finally
            {
                if (Directory.Exists(inside))
                {
                    Directory.Delete(inside, recursive: true);
                }
            }
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>Every package has the same version, and each package's dependency on another of them names it.</summary>
    private static string AssertOneVersion(string feed, List<string> ids)
    {
        var nuspecs = Directory.GetFiles(feed, "*.nupkg").Select(path =>
        {
            using var package = ZipFile.OpenRead(path);
            using var stream = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
            return XDocument.Load(stream);
        }).ToList();
        var versions = nuspecs.Select(n => n.Descendants().First(e => e.Name.LocalName == "version").Value).Distinct().ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), nuspecs.Select(n => n.Descendants().First(e => e.Name.LocalName == "id").Value).Order(StringComparer.Ordinal));
        var version = Assert.Single(versions);
        var internalDependencies = nuspecs.SelectMany(n => n.Descendants().Where(e => e.Name.LocalName == "dependency" && ids.Contains((string)e.Attribute("id")!))).ToList();
        Assert.NotEmpty(internalDependencies);
        Assert.All(internalDependencies, d => Assert.Equal(version, (string)d.Attribute("version")!));
        return version;
    }

    private static string Dotnet(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(15 * 60_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {string.Join(' ', args)} did not finish within 15 minutes");
        }

        var text = output.Result + error.Result;
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', args)} (in {directory}) exited {process.ExitCode}:\n{text}");
        return text;
    }
}
