namespace Sciatica.Rules.Testing;

/// <summary>
/// Files of the repository that are written from something else (generated C#, generated documents, golden files): a
/// test computes what the file must hold and compares it (one source file, linked into every test project).
/// </summary>
internal static class GoldenFile
{
    public const string UpdateSwitch = "SCIATICA_UPDATE_GOLDEN";

    /// <summary>Checks that the file at <paramref name="relativePath"/> holds <paramref name="expected"/> (line endings aside); never writes it.</summary>
    /// <param name="relativePath">The file, relative to the repository root.</param>
    /// <param name="expected">What it must hold.</param>
    /// <param name="madeFrom">What it is made from, for the message (for example "default-catalog.json").</param>
    /// <param name="regenerate">The command that writes it, for the message.</param>
    public static void Check(string relativePath, string expected, string madeFrom, string regenerate)
    {
        var path = Path.Combine(Repository.Root, relativePath);
        var advice = $"regenerate it with {regenerate} and review the diff";
        Assert.True(File.Exists(path), $"{relativePath} is missing: {advice}.");
        var actual = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (actual != expected)
        {
            var have = actual.Split('\n');
            var want = expected.Split('\n');
            var line = 0;
            while (line < have.Length && line < want.Length && have[line] == want[line])
            {
                line++;
            }

            Assert.Fail($"{relativePath} is out of date with {madeFrom} from line {line + 1} " +
                $"(has \"{(line < have.Length ? have[line] : "<end>")}\", should have \"{(line < want.Length ? want[line] : "<end>")}\"): {advice}.");
        }
    }

    /// <summary>
    /// Checks a golden file that only a test can make (what a test computes from its own fixtures), as
    /// <see cref="Check"/>; run with SCIATICA_UPDATE_GOLDEN=1 it writes the file first, to be reviewed in the diff.
    /// </summary>
    /// <param name="relativePath">The file, relative to the repository root.</param>
    /// <param name="expected">What it must hold.</param>
    /// <param name="madeFrom">What it is made from, for the message.</param>
    /// <param name="testFilter">The test class that writes it, for the regenerate command in the message.</param>
    public static void CheckOrUpdate(string relativePath, string expected, string madeFrom, string testFilter)
    {
        if (Environment.GetEnvironmentVariable(UpdateSwitch) == "1")
        {
            var path = Path.Combine(Repository.Root, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
        }

        Check(relativePath, expected, madeFrom, $"{UpdateSwitch}=1 dotnet test --filter {testFilter}");
    }
}
