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
    [InlineData(null, "size: A4")]
    [InlineData("a4", "size: A4")]
    [InlineData("letter", "size: letter")]
    public void Paper_SetsThePageSize_A4ByDefault(string? paper, string css)
    {
        string[] args = ["select", "--profile", CliRunner.ProfilePath("herniated-disc-l5.json"), "--format", "html", .. paper is null ? Array.Empty<string>() : ["--paper", paper]];

        var result = CliRunner.Run(null, args);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("@page { " + css + "; }", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ClinicFields_AreWrittenOnTheHandout_AndPregnancyComesFromTheProfile()
    {
        var result = CliRunner.Run(null, "select", "--profile", CliRunner.ProfilePath("osteoporosis-pregnancy-22-weeks.json"), "--format", "html",
            "--patient-name", "Alex Example", "--date", "2026-12-05", "--clinician", "Sam Lee", "--clinic-phone", "0123 456");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("<dd>Alex Example</dd>", result.Output, StringComparison.Ordinal);
        Assert.Contains("<dd>5 December 2026</dd>", result.Output, StringComparison.Ordinal);
        Assert.Contains("<dd>Sam Lee</dd>", result.Output, StringComparison.Ordinal);
        Assert.Contains("<dd>0123 456</dd>", result.Output, StringComparison.Ordinal);
        Assert.Contains("class=\"stop pregnancy\"", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--paper is 'a5'; allowed values: a4, letter.", "select", "--profile", "x.json", "--format", "html", "--paper", "a5")]
    [InlineData("they go with --format html.", "select", "--profile", "x.json", "--paper", "letter")]
    [InlineData("--date is '5.12.2026'; allowed values: a date as YYYY-MM-DD.", "select", "--profile", "x.json", "--format", "html", "--date", "5.12.2026")]
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
