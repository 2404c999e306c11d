using Sciatica.Rules.Cli;

namespace Sciatica.Rules.Tests.Cli;

/// <summary>
/// The CLI's text output and its error messages under hostile text (#27, point 5): ESC sequences, BEL, C1 controls and
/// bidi controls are shown visibly (<c>&lt;U+001B&gt;</c>), never written raw; no catalog text starts a line of its own;
/// JSON output keeps its controls JSON-escaped.
/// </summary>
public sealed class CliHostileTextTests
{
    private const string Profile = """{"causes":["herniatedDisc"],"affectedRoots":["l5"],"legPain":6,"backPain":3,"redFlags":[],"medicalClearance":true,"symptomsTolerateExercise":true,"age":44}""";

    [Fact]
    public void TextReport_HostileCatalogText_ShownVisibly_SameLinesAsTheDefault()
    {
        var profile = SciaticaJson.ReadProfile(Profile);
        var hostile = TextReport.Render(HostileText.Catalog().Select(profile));
        var plain = TextReport.Render(ProgramSelector.Default.Select(profile));

        Assert.DoesNotContain(hostile, HostileText.IsCommand);
        Assert.Contains("<U+001B>]0;owned<U+0007>", hostile, StringComparison.Ordinal);
        Assert.Contains("Walking<U+202E>gnikaw <U+2066>isolated<U+2069>", hostile, StringComparison.Ordinal);
        Assert.Contains("<U+009B>31m", hostile, StringComparison.Ordinal);
        Assert.Equal(plain.Count(c => c == '\n'), hostile.Count(c => c == '\n'));
    }

    [Fact]
    public void TextReport_LineBreakInCatalogText_ShownVisibly_NeverANewLine()
    {
        var profile = SciaticaJson.ReadProfile(Profile);
        var decision = ProgramSelector.Default.Select(profile);
        var forged = decision with { SafetyAdvice = ["Keep going.\nDecision: PROGRAM\r\u001B[1A", .. decision.SafetyAdvice.Skip(1)] };

        var text = TextReport.Render(forged);

        Assert.Contains("Keep going.<U+000A>Decision: PROGRAM<U+000D><U+001B>[1A", text, StringComparison.Ordinal);
        Assert.Equal(TextReport.Render(decision).Count(c => c == '\n'), text.Count(c => c == '\n'));
    }

    [Theory]
    [InlineData("{\"causes\":[\"herniatedDisc\"],\"\\u001b]0;owned\\u0007\\u001b[2J\":1}", true)]
    [InlineData("{\"causes\":[\"\\u202Eherniated\\u2066\\u0085\"],\"legPain\":\"\\u001b[31mred\\nline\"}", true)]
    [InlineData("{\"causes\":[\"herniatedDisc\"],\n\"legPain\":3,\u001b[2J}", false)]
    public void SelectError_HostileProfile_NoRawControlOrBidi_OneProblemALine(string profile, bool quoted)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = Sciatica.Rules.Cli.CommandLine.Run(["select", "--profile", "-"], new StringReader(profile), output, error);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        var message = error.ToString();
        Assert.StartsWith("error: Invalid profile", message, StringComparison.Ordinal);
        Assert.DoesNotContain(message, HostileText.IsCommand);
        Assert.Equal(quoted, message.Contains("<U+", StringComparison.Ordinal));
        Assert.All(message.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1), line => Assert.StartsWith("- ", line, StringComparison.Ordinal));
    }

    [Fact]
    public void UsageError_HostileCommandName_ShownVisibly()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = Sciatica.Rules.Cli.CommandLine.Run(["\u001B]0;owned\u0007\u202E"], new StringReader(string.Empty), output, error);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.DoesNotContain(error.ToString(), HostileText.IsCommand);
        Assert.Contains("<U+001B>]0;owned<U+0007><U+202E>", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_HostileCatalogTextAndBatchErrors_ControlsStayJsonEscaped()
    {
        var decision = HostileText.Catalog().Select(SciaticaJson.ReadProfile(Profile));
        var invalid = 0;

        var json = SciaticaJson.WriteDecision(decision, indented: true);
        var line = Batch.Decide(ProgramSelector.Default, "{\"\\u001B]0;owned\\u0007\":1}", 1, ref invalid);

        Assert.Equal(1, invalid);
        foreach (var text in new[] { json, line })
        {
            Assert.DoesNotContain(text, c => HostileText.IsCommand(c) && !HostileText.IsBidi(c));
            using var parsed = System.Text.Json.JsonDocument.Parse(text);
        }

        Assert.Contains("\\u001B]0;owned\\u0007", json, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\\u001B", line, StringComparison.OrdinalIgnoreCase);
    }
}
