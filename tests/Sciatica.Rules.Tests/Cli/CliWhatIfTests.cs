using Sciatica.Rules;

namespace Sciatica.Rules.Tests.Cli;

public sealed class CliWhatIfTests
{
    private const string DiscLegPainEightNoClearance = """{"causes":["herniatedDisc"],"legPain":8,"backPain":3,"redFlags":[],"medicalClearance":false,"symptomsTolerateExercise":true,"age":44}""";

    [Fact]
    public void Select_WhatIfJson_IsTheLibrarysDecisionWithWhatWouldChange()
    {
        var result = CliRunner.Run(DiscLegPainEightNoClearance, "select", "--profile", "-", "--what-if", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var expected = ProgramSelector.Default.Select(SciaticaJson.ReadProfile(DiscLegPainEightNoClearance), SelectionOptions.WithWhatWouldChange);
        Assert.Equal(SciaticaJson.WriteDecision(expected, indented: true) + "\n", result.Output);
        Assert.Contains("\"legPain\": 6", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_WhatIfText_ListsEachChangeWithItsPatch()
    {
        var result = CliRunner.Run(DiscLegPainEightNoClearance, "select", "--profile", "-", "--what-if");

        Assert.Equal(0, result.ExitCode);
        var section = result.Output.Split("What would change it (for the clinician):\n")[1].Split("\n\n")[0];
        Assert.Contains("decision -> program: ", section, StringComparison.Ordinal);
        Assert.Contains("leg pain is controlled to 6 or less", section, StringComparison.Ordinal);
        Assert.Contains("""patch: {"medicalClearance":true,"legPain":6}""", section, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_WithoutWhatIf_SaysNothingAboutIt()
    {
        var result = CliRunner.Run(DiscLegPainEightNoClearance, "select", "--profile", "-", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("whatWouldChange", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("select", "--batch", "--what-if")]
    [InlineData("select", "--profile", "-", "--what-if", "--format", "html")]
    [InlineData("review", "--input", "-", "--what-if")]
    public void WhatIf_WhereItDoesNotBelong_ExitsTwo(params string[] args)
    {
        var result = CliRunner.Run(DiscLegPainEightNoClearance, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--what-if", result.Error, StringComparison.Ordinal);
    }
}
