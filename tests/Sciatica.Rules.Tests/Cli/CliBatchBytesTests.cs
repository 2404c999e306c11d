using System.Diagnostics;
using System.Text;

namespace Sciatica.Rules.Tests.Cli;

/// <summary>The batch's line rule, fed raw bytes: output line N answers input line N whatever the bytes; stops are loud.</summary>
public sealed class CliBatchBytesTests
{
    private const string Profile = """{"causes":["herniatedDisc"],"legPain":3,"backPain":2,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}""";

    private static string[] Lines(CliRunner.Result result) => result.Output.Split('\n')[..^1];

    private static Process StartBatch()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sciatica-rules.dll"));
        start.ArgumentList.Add("select");
        start.ArgumentList.Add("--batch");
        return Process.Start(start)!;
    }

    [Fact]
    public void Batch_BareCrInsideALine_IsPartOfTheLine()
    {
        var input = Encoding.UTF8.GetBytes(Profile + "\n" + "{\"causes\":[\"herniatedDisc\"],\r\"legPain\":6,\"backPain\":3,\"medicalClearance\":true,\"redFlags\":[],\"symptomsTolerateExercise\":true}\r\n" + Profile + "\n");

        var result = CliRunner.RunBytes(input, "select", "--batch");

        var lines = Lines(result);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, l => Assert.StartsWith("""{"decision":"program",""", l, StringComparison.Ordinal));
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Batch_BlankLinesAnywhereAndALastLineWithoutNewline_EachAnsweredInPlace()
    {
        var input = Encoding.UTF8.GetBytes("\n" + Profile + "\n\n" + Profile + "\n\n\n" + Profile);

        var result = CliRunner.RunBytes(input, "select", "--batch");

        var lines = Lines(result);
        Assert.Equal(7, lines.Length);
        Assert.Equal([1, 3, 5, 6], lines.Select((l, i) => (l, i)).Where(x => x.l.StartsWith("{\"line\":", StringComparison.Ordinal)).Select(x => x.i + 1));
        Assert.StartsWith("""{"line":6,"error":"$: the line is empty""", lines[5], StringComparison.Ordinal);
        Assert.StartsWith("""{"decision":""", lines[6], StringComparison.Ordinal);
        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void Batch_LoneSurrogateInvalidUtf8AndBom_OthersStillDecidedInOrder()
    {
        byte[] input =
        [
            0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Profile + "\n"),
            .. """{"causes":["\ud800"],"legPain":1,"backPain":1,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}"""u8, (byte)'\n',
            .. """{"causes":["herniated"""u8, 0xFF, .. """Disc"]}"""u8, (byte)'\n',
            .. Encoding.UTF8.GetBytes(Profile + "\n"),
        ];

        var result = CliRunner.RunBytes(input, "select", "--batch");

        var lines = Lines(result);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("""{"decision":""", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("""{"line":2,""", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("""{"line":3,""", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("""{"decision":""", lines[3], StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_ClosedStandardOutput_StopsWithAFailureAndAMessage()
    {
        using var process = StartBatch();
        var error = process.StandardError.ReadToEndAsync();
        var feeding = Task.Run(() =>
        {
            try
            {
                for (var i = 0; i < 50_000; i++)
                {
                    process.StandardInput.WriteLine(Profile);
                }

                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The CLI stopped reading: expected once its output is closed.
            }
        });

        Assert.StartsWith("""{"decision":""", process.StandardOutput.ReadLine(), StringComparison.Ordinal);
        process.StandardOutput.Close();
        Assert.True(process.WaitForExit(60_000));
        await feeding.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("standard output was closed", await error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_Sigterm_StopsAfterCompleteLinesWithExitCode130()
    {
        using var process = StartBatch();
        var output = process.StandardOutput.ReadToEndAsync();
        process.StandardInput.WriteLine(Profile);
        process.StandardInput.WriteLine(Profile);
        process.StandardInput.Flush();
        await Task.Delay(1500);

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        await Task.Delay(300);
        process.StandardInput.Close();
        Assert.True(process.WaitForExit(60_000));

        var written = await output;
        Assert.Equal(130, process.ExitCode);
        Assert.EndsWith("\n", written, StringComparison.Ordinal);
        Assert.All(written.Split('\n')[..^1], l => Assert.EndsWith("}", l, StringComparison.Ordinal));
    }
}
