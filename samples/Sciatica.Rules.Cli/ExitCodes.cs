namespace Sciatica.Rules.Cli;

/// <summary>The exit codes of the CLI, as the JSON contract fixes them.</summary>
internal static class ExitCodes
{
    /// <summary>A decision was made, whatever it is.</summary>
    public const int Decided = 0;

    /// <summary>Anything else went wrong (for example a file could not be read).</summary>
    public const int Failure = 1;

    /// <summary>The input or the command line is invalid; standard error names the field and the allowed values.</summary>
    public const int InvalidInput = 2;

    /// <summary><c>diff</c> found decisions that change between the two catalogs (0 means none changed).</summary>
    public const int Changes = 3;

    /// <summary>A batch run was stopped by SIGINT or SIGTERM after a complete line (128 + SIGINT, the shell convention).</summary>
    public const int Interrupted = 130;
}
