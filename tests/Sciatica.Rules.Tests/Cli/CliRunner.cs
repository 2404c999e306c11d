using System.Diagnostics;

namespace Sciatica.Rules.Tests.Cli;

/// <summary>Runs the CLI sample as a separate process, as a user or host script would.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static string ProfilePath(string name) => Path.Combine(AppContext.BaseDirectory, "profiles", name);

    public static Result Run(string? standardInput, params string[] args) =>
        RunBytes(standardInput is null ? null : System.Text.Encoding.UTF8.GetBytes(standardInput), args);

    /// <summary>Runs the CLI with standard input given as raw bytes (for byte order marks, bare CRs, invalid UTF-8).</summary>
    public static Result RunBytes(byte[]? standardInput, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sciatica-rules.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            process.StandardInput.BaseStream.Write(standardInput);
            process.StandardInput.BaseStream.Flush();
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The CLI did not finish within 60 seconds.");
        }

        return new Result(process.ExitCode, output.Result, error.Result);
    }
}
