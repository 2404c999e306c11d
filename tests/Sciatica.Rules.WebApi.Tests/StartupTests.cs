using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Sciatica.Rules.WebApi.Tests;

/// <summary>The web sample started as a process, as an operator starts it: what it prints when it starts, or cannot.</summary>
public sealed class StartupTests
{
    [Fact]
    public void TakenPort_ExitsNonZeroWithOneLineNamingTheAddress_NoStackTrace()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var (exitCode, output, error) = Run("--urls", url);

        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(Lines(error));
        Assert.Contains(url, line, StringComparison.Ordinal);
        Assert.Contains("address already in use", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public void BadSetting_ExitsNonZeroWithOneLineNamingTheKeyAndWhatIsAllowed_NoStackTrace()
    {
        var (exitCode, output, error) = Run("--urls", "http://127.0.0.1:0", "--SciaticaRules:Thresholds:SeverePainFrom=seven");

        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(Lines(error));
        Assert.Contains("SciaticaRules:Thresholds:SeverePainFrom", line, StringComparison.Ordinal);
        Assert.Contains("a whole number", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public void BadCatalogPath_TheServiceDoesNotStart_OneLineNamesTheFile()
    {
        // (Moved here from HostingTests: the sample now answers a failed start with one line and exit code 1, which
        // WebApplicationFactory cannot observe; a process can.)
        var (exitCode, output, error) = Run("--urls", "http://127.0.0.1:0", "--SciaticaRules:CatalogPath=" + Path.Combine(Repository.Root, "no-such-catalog.json"));

        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(Lines(error));
        Assert.Contains("no-such-catalog.json", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public void ClinicCatalogWithThresholds_LogsOneCatalogLoadedLineWithOneHash()
    {
        var catalog = Path.Combine(Repository.Root, "samples", "catalogs", "clinic-north.json");

        // The process is stopped by the missing-port error after the catalog is loaded: the log is complete by then.
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var (_, output, _) = Run(
            "--urls", $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}",
            "--SciaticaRules:CatalogPath=" + catalog, "--SciaticaRules:Thresholds:SeriousPathologyMaximumAge=45");

        var loaded = Assert.Single(Lines(output), l => l.Contains("Loaded catalog", StringComparison.Ordinal));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(loaded, @"\+[0-9a-f]{12}"));
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Sciatica.Rules.WebApi.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Logging__Console__FormatterName"] = "simple";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The web sample did not exit within 60 seconds.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
