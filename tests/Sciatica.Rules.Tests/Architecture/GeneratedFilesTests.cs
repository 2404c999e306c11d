using Sciatica.Rules.Generate;

namespace Sciatica.Rules.Tests.Architecture;

/// <summary>
/// The generated files are written by one command (<see cref="GeneratedFiles.Command"/>), never by a test: the tests
/// write each file's text again with the command's own writers and fail, naming the command, when the checked-in
/// file differs.
/// </summary>
public sealed class GeneratedFilesTests
{
    [Fact]
    public void EveryGeneratedFileOfTheLibrary_IsWrittenByTheCommand()
    {
        var generated = SourceFolders.All.Where(f => f.IsGenerated).Select(f => SourceFolders.Library + "/" + f.RelativePath).Order(StringComparer.Ordinal);
        var written = GeneratedFiles.All.Select(f => f.RelativePath).Where(p => p.StartsWith(SourceFolders.Library + "/", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

        Assert.Equal(generated, written);
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData("docs/architecture.md")]
    public void TheCommand_IsDocumented(string document) =>
        Assert.Contains(GeneratedFiles.Command, File.ReadAllText(Path.Combine(Repository.Root, document)), StringComparison.Ordinal);

    /// <summary>Checks that a generated file holds what the command would write.</summary>
    /// <param name="relativePath">The file, as <see cref="GeneratedFiles.All"/> names it.</param>
    internal static void AssertCurrent(string relativePath)
    {
        var file = GeneratedFiles.Get(relativePath);
        GoldenFile.Check(file.RelativePath, file.Write(), file.MadeFrom, GeneratedFiles.Command);
    }
}
