namespace Sciatica.Rules.Testing;

/// <summary>
/// Files of the repository that are written from something else (generated C#, golden documents): a test computes what
/// the file must hold and compares it; run with SCIATICA_UPDATE_GOLDEN=1 it writes the file first, to be reviewed in
/// the diff before committing (one source file, linked into every test project).
/// </summary>
internal static class GoldenFile
{
    public const string UpdateSwitch = "SCIATICA_UPDATE_GOLDEN";

    /// <summary>Checks that the file at <paramref name="relativePath"/> holds <paramref name="expected"/> (line endings aside).</summary>
    /// <param name="relativePath">The file, relative to the repository root.</param>
    /// <param name="expected">What it must hold.</param>
    /// <param name="madeFrom">What it is made from, for the message (for example "default-catalog.json").</param>
    /// <param name="testFilter">The test class that writes it, for the regenerate command in the message.</param>
    public static void Check(string relativePath, string expected, string madeFrom, string testFilter)
    {
        var path = Path.Combine(Repository.Root, relativePath);
        if (Environment.GetEnvironmentVariable(UpdateSwitch) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
        }

        var regenerate = $"regenerate it with {UpdateSwitch}=1 dotnet test --filter {testFilter} and review the diff";
        Assert.True(File.Exists(path), $"{relativePath} is missing: {regenerate}.");
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
                $"(has \"{(line < have.Length ? have[line] : "<end>")}\", should have \"{(line < want.Length ? want[line] : "<end>")}\"): {regenerate}.");
        }
    }
}
