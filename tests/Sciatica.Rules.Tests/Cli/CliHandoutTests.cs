namespace Sciatica.Rules.Tests.Cli;

/// <summary>--format html: the patient handout from the command line, as the library renders it.</summary>
public sealed class CliHandoutTests
{
    [Fact]
    public void Select_FormatHtml_PrintsTheHandoutOfTheDecision_InTheChosenLanguage()
    {
        var english = CliRunner.Run(null, "select", "--profile", CliRunner.ProfilePath("herniated-disc-l5.json"), "--format", "html");
        var german = CliRunner.Run(null, "select", "--profile", CliRunner.ProfilePath("herniated-disc-l5.json"), "--format", "html", "--lang", "de");

        Assert.Equal(0, english.ExitCode);
        Assert.StartsWith("<!DOCTYPE html>", english.Output, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", english.Output, StringComparison.Ordinal);
        Assert.Contains("data-decision=\"program\"", english.Output, StringComparison.Ordinal);
        Assert.Equal(0, german.ExitCode);
        Assert.Contains("<html lang=\"de\">", german.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Review_FormatHtml_PrintsTheReviewHandout_AndAnEmergencyHasNoExercise()
    {
        var emergency = CliRunner.Run(null, "review", "--input", CliRunner.ProfilePath("review-new-bladder-dysfunction.json"), "--format", "html");

        Assert.Equal(0, emergency.ExitCode);
        Assert.Contains("data-decision=\"emergency\"", emergency.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("data-exercise", emergency.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--lang is 'fr'; allowed values: en, de.", "select", "--profile", "x.json", "--format", "html", "--lang", "fr")]
    [InlineData("--lang chooses the language of the handout: it goes with --format html.", "select", "--profile", "x.json", "--lang", "de")]
    [InlineData("--format html prints a patient handout for select --profile and review only.", "select", "--batch", "--format", "html")]
    public void FormatHtml_Misused_IsAUsageErrorSayingWhy(string message, params string[] args)
    {
        var result = CliRunner.Run(null, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }
}
