namespace Sciatica.Rules.Cli;

/// <summary>The command line is wrong; the message says how to call the CLI.</summary>
internal sealed class UsageException(string message) : Exception(message);
