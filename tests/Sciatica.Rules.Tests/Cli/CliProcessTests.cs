using System.Text.Json;
using Sciatica.Rules;

namespace Sciatica.Rules.Tests.Cli;

public sealed class CliProcessTests
{
    [Fact]
    public void Select_ProfileFileAsJson_ExitsZeroWithDecisionDocument()
    {
        var result = CliRunner.Run(null, "select", "--profile", CliRunner.ProfilePath("herniated-disc-l5.json"), "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        var decision = SciaticaJson.ReadDecision(result.Output);
        Assert.Equal(Sciatica.Rules.DecisionKind.Program, decision.Decision);
        Assert.DoesNotContain(decision.Exercises, e => e.Id == "prone-press-up");
    }

    [Fact]
    public void Select_StandardInput_SameBytesAsFile()
    {
        var path = CliRunner.ProfilePath("stenosis-pool.json");

        var fromFile = CliRunner.Run(null, "select", "--profile", path, "--format", "json");
        var fromStdin = CliRunner.Run(File.ReadAllText(path), "select", "--profile", "-", "--format", "json");

        Assert.Equal(0, fromStdin.ExitCode);
        Assert.Equal(fromFile.Output, fromStdin.Output);
    }

    [Fact]
    public void Select_TextFormat_DecisionFirstThenExercisesLeftOutAndSafety()
    {
        var result = CliRunner.Run(null, "select", "--profile", CliRunner.ProfilePath("herniated-disc-l5.json"));

        Assert.Equal(0, result.ExitCode);
        var text = result.Output;
        Assert.StartsWith("Decision: YOU CAN START THE EXERCISES IN THIS PLAN (program)", text, StringComparison.Ordinal);
        int exercises = text.IndexOf("Your exercises:", StringComparison.Ordinal), leftOut = text.IndexOf("Left out:", StringComparison.Ordinal), stop = text.IndexOf("Stop and seek help:", StringComparison.Ordinal);
        Assert.True(0 < exercises && exercises < leftOut && leftOut < stop, text);
        Assert.Contains("Knee-to-chest stretch (stretch): hold 30 seconds, 3 repetitions", text, StringComparison.Ordinal);
        Assert.Contains("Step 1:", text, StringComparison.Ordinal);
        Assert.Contains("lower-trunk-rotation: Twisting movements", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_Emergency_TextSaysGoToEmergencyCare()
    {
        var result = CliRunner.Run(null, "select", "--profile", CliRunner.ProfilePath("cauda-equina-emergency.json"));

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Decision: GO TO EMERGENCY CARE NOW", result.Output, StringComparison.Ordinal);
        Assert.Contains("How soon: now", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_FeverWithIvDrugUse_JsonAndTextSayWithin24Hours()
    {
        var json = CliRunner.Run(null, "select", "--profile", CliRunner.ProfilePath("fever-iv-drug-use.json"), "--format", "json");
        var text = CliRunner.Run(null, "select", "--profile", CliRunner.ProfilePath("fever-iv-drug-use.json"));

        Assert.Contains("\"decision\": \"treatCauseFirst\",\n  \"timeframe\": \"within24Hours\"", json.Output, StringComparison.Ordinal);
        Assert.Contains("How soon: within 24 hours", text.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_OsteoporosisAndPregnancy_NoFlexionNoLyingFlatNoTensioner()
    {
        var result = CliRunner.Run(null, "select", "--profile", CliRunner.ProfilePath("osteoporosis-pregnancy-22-weeks.json"), "--format", "json");
        var decision = Sciatica.Rules.SciaticaJson.ReadDecision(result.Output);

        Assert.Equal(Sciatica.Rules.DecisionKind.Program, decision.Decision);
        Assert.Equal(["walking", "bird-dog"], decision.Exercises.Select(e => e.Id));
    }

    [Theory]
    [InlineData("""{"causes":["herniated"],"legPain":6,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}""", "$.causes[0]", "herniatedDisc")]
    [InlineData("""{"causes":["tumor"],"legPain":6,"backPain":3,"medicalClearance":true,"symptomsTolerateExercise":true,"redFlags":["fevr"]}""", "$.redFlags[0]", "fever")]
    [InlineData("""{"causes":["tumor"],"legPain":60,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}""", "$.legPain", "0..10")]
    [InlineData("not json", "$", "not valid JSON")]
    public void Select_InvalidProfile_ExitsTwoNamingFieldWithoutStackTrace(string json, string field, string allowed)
    {
        var result = CliRunner.Run(json, "select", "--profile", "-", "--format", "json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Contains(field, result.Error, StringComparison.Ordinal);
        Assert.Contains(allowed, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("select", "--format", "yaml")]
    [InlineData("select", "--unknown")]
    [InlineData("select")]
    [InlineData("choose", "--profile", "x.json")]
    public void Run_BadCommandLine_ExitsTwoWithUsage(params string[] args)
    {
        var result = CliRunner.Run(null, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Usage:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_MissingFile_ExitsOneWithMessage()
    {
        var result = CliRunner.Run(null, "select", "--profile", "/nonexistent/profile.json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("profile.json", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_BadLineInTheMiddle_OthersStillDecidedInOrder()
    {
        var lines = File.ReadAllText(CliRunner.ProfilePath("batch.jsonl"));

        var result = CliRunner.Run(lines, "select", "--batch");

        Assert.Equal(2, result.ExitCode);
        var output = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, output.Length);
        Assert.Equal("program", Decision(output[0]));
        Assert.Equal("program", Decision(output[1]));
        using (var error = JsonDocument.Parse(output[2]))
        {
            Assert.Equal(3, error.RootElement.GetProperty("line").GetInt32());
            Assert.Contains("$.legPain", error.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal("treatCauseFirst", Decision(output[3]));
    }

    [Fact]
    public void Batch_AllValid_ExitsZeroOneLinePerProfileMatchingSingleSelect()
    {
        const string Profile = """{"causes":["spinalStenosis"],"legPain":5,"backPain":2,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}""";

        var batch = CliRunner.Run(Profile + "\n" + Profile + "\n", "select", "--batch");
        var single = CliRunner.Run(Profile, "select", "--profile", "-", "--format", "json");

        Assert.Equal(0, batch.ExitCode);
        var output = batch.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, output.Length);
        Assert.Equal(SciaticaJson.ReadDecision(single.Output), SciaticaJson.ReadDecision(output[0]));
        Assert.Equal(output[0], output[1]);
    }

    [Fact]
    public void Batch_BlankLines_EachAnsweredWithAnErrorIncludingTrailingOnes()
    {
        const string Profile = """{"causes":["tightMuscles"],"legPain":2,"backPain":2,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}""";

        // Four lines: the final newline ends line 4 (blank) and starts no fifth line.
        var result = CliRunner.Run(Profile + "\n\n" + Profile + "\n\n", "select", "--batch");

        var output = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, output.Length);
        Assert.Equal("program", Decision(output[0]));
        Assert.StartsWith("{\"line\":2,\"error\":", output[1], StringComparison.Ordinal);
        Assert.Equal("program", Decision(output[2]));
        Assert.StartsWith("{\"line\":4,\"error\":", output[3], StringComparison.Ordinal);
        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void OutputAndErrors_ToAFileOtherCommandsWriteToo_LandAfterWhatCameBeforeAndBeforeWhatFollows()
    {
        // A shell group sends every command's output to one file: each writer must move the file's shared offset,
        // or the next one writes over it (the CLI once wrote at a position of its own).
        var cli = CliRunner.ShellCommand;
        var file = Path.GetTempFileName();
        try
        {
            var script = $"{{ echo first; {cli} --version; {cli} select --profile /no/such/profile.json; {cli} --version; echo last; }} > '{file}' 2>&1";
            CliRunner.Shell(script);

            var version = CliRunner.Run(null, "--version");
            var missing = CliRunner.Run(null, "select", "--profile", "/no/such/profile.json");
            Assert.StartsWith("sciatica-rules ", version.Output, StringComparison.Ordinal);
            Assert.StartsWith("error: ", missing.Error, StringComparison.Ordinal);
            Assert.Equal("first\n" + version.Output + missing.Error + version.Output + "last\n", File.ReadAllText(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ClosedStandardOutputOrError_ExitCodeStaysOneOfTheThree_NeverAnAbort()
    {
        var cli = CliRunner.ShellCommand;
        var profile = "'" + CliRunner.ProfilePath("herniated-disc-l5.json") + "'";

        // No standard output: the answer cannot be written, which is said on standard error.
        var noOutput = CliRunner.Shell($"exec {cli} select --profile {profile} >&-");
        Assert.Equal(1, noOutput.ExitCode);
        Assert.StartsWith("error: ", noOutput.Error, StringComparison.Ordinal);

        // No standard error: the message is dropped and the exit code still tells (the file is missing: 1).
        var noError = CliRunner.Shell($"exec {cli} select --profile /no/such/profile.json 2>&-");
        Assert.Equal(1, noError.ExitCode);
        Assert.Equal(string.Empty, noError.Output);

        // Invalid input with no standard error: 2, as with it.
        var invalid = CliRunner.Shell($"echo '{{}}' | {cli} select --profile - 2>&-");
        Assert.Equal(2, invalid.ExitCode);
    }

    private static string Decision(string line)
    {
        using var document = JsonDocument.Parse(line);
        return document.RootElement.GetProperty("decision").GetString()!;
    }
}
