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

    /// <summary>The CLI as a shell command word (quoted), for scripts that redirect or close its descriptors.</summary>
    public static string ShellCommand => "dotnet '" + Path.Combine(AppContext.BaseDirectory, "sciatica-rules.dll") + "'";

    /// <summary>Runs a script with /bin/sh, its standard output and error captured.</summary>
    public static Result Shell(string script)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var shell = Process.Start(start)!;
        var output = shell.StandardOutput.ReadToEndAsync();
        var error = shell.StandardError.ReadToEndAsync();
        if (!shell.WaitForExit(60_000))
        {
            shell.Kill(entireProcessTree: true);
            throw new TimeoutException("The shell did not finish within 60 seconds.");
        }

        return new Result(shell.ExitCode, output.Result, error.Result);
    }
}
