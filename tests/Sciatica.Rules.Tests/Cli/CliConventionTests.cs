using System.Text;

namespace Sciatica.Rules.Tests.Cli;

/// <summary>The command-line conventions a user expects: help, version, and input with a byte order mark.</summary>
public sealed class CliConventionTests
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public void Run_Help_PrintsUsageAndExitsZero(string flag)
    {
        var result = CliRunner.Run(null, flag);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Output, StringComparison.Ordinal);
        Assert.Contains("sciatica-rules select", result.Output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Error);
    }

    [Theory]
    [InlineData("select", "--profile")]
    [InlineData("review", "--input")]
    public void Run_CommandHelp_PrintsThatCommandsOptionsAndExitsZero(string command, string option)
    {
        var result = CliRunner.Run(null, command, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("sciatica-rules " + command, result.Output, StringComparison.Ordinal);
        Assert.Contains(option, result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("select")]
    [InlineData("review")]
    [InlineData("diff")]
    public void Run_HelpCommandAndCommandHelp_PrintTheSameText(string command)
    {
        var viaHelp = CliRunner.Run(null, "help", command);
        var viaFlag = CliRunner.Run(null, command, "--help");
        var viaShortFlag = CliRunner.Run(null, command, "-h");

        Assert.Equal(0, viaHelp.ExitCode);
        Assert.StartsWith("sciatica-rules " + command, viaHelp.Output, StringComparison.Ordinal);
        Assert.Equal(viaFlag.Output, viaHelp.Output);
        Assert.Equal(viaShortFlag.Output, viaHelp.Output);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("select", "--help")]
    [InlineData("review", "--help")]
    [InlineData("diff", "--help")]
    public void Run_EveryHelp_ListsEveryExitCodeTheCliHas(params string[] args)
    {
        // The exit codes are read from the CLI's own constants, so a new code fails here until every help lists it.
        var codes = Type.GetType("Sciatica.Rules.Cli.ExitCodes, sciatica-rules", throwOnError: true)!
            .GetFields(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic)
            .Where(f => f.IsLiteral)
            .Select(f => (int)f.GetRawConstantValue()!)
            .ToList();

        var help = CliRunner.Run(null, args).Output;

        Assert.Equal([0, 1, 2, 3, 130], codes.Order());
        foreach (var code in codes)
        {
            Assert.Matches($@"(?m)^  {code} +\S", help);
        }
    }

    [Fact]
    public void Run_Version_PrintsPackageAndRuleSetVersionsAndExitsZero()
    {
        var result = CliRunner.Run(null, "--version");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^sciatica-rules \d+\.\d+\.\d+", lines[0]);
        Assert.Equal("rule set " + Sciatica.Rules.ProgramSelector.Default.RuleSetVersion, lines[1]);
    }

    [Fact]
    public void Select_StandardInputWithByteOrderMark_SameDecisionAsWithout()
    {
        var profile = File.ReadAllBytes(CliRunner.ProfilePath("herniated-disc-l5.json"));

        var plain = CliRunner.RunBytes(profile, "select", "--profile", "-", "--format", "json");
        var marked = CliRunner.RunBytes([.. ByteOrderMark, .. profile], "select", "--profile", "-", "--format", "json");

        Assert.Equal(0, marked.ExitCode);
        Assert.Equal(plain.Output, marked.Output);
    }

    [Fact]
    public void Select_FileWithByteOrderMark_Accepted()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bom-{Environment.ProcessId}-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(path, [.. ByteOrderMark, .. File.ReadAllBytes(CliRunner.ProfilePath("herniated-disc-l5.json"))]);
        try
        {
            var result = CliRunner.Run(null, "select", "--profile", path, "--format", "json");

            Assert.Equal(0, result.ExitCode);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Batch_ByteOrderMarkBeforeFirstLine_FirstLineDecided()
    {
        var lines = Encoding.UTF8.GetBytes(
            """{"causes":["herniatedDisc"],"legPain":3,"backPain":2,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}""" + "\n" +
            """{"causes":["tumor"],"legPain":3,"backPain":2,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}""" + "\n");

        var result = CliRunner.RunBytes([.. ByteOrderMark, .. lines], "select", "--batch");

        Assert.Equal(0, result.ExitCode);
        var output = result.Output.TrimEnd('\n').Split('\n');
        Assert.Equal(2, output.Length);
        Assert.StartsWith("""{"decision":"program",""", output[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Review_StandardInputWithByteOrderMark_Accepted()
    {
        var request = File.ReadAllBytes(CliRunner.ProfilePath("review-progress.json"));

        var result = CliRunner.RunBytes([.. ByteOrderMark, .. request], "review", "--input", "-", "--format", "json");

        Assert.Equal(0, result.ExitCode);
    }
}
