namespace Sciatica.Rules.Cli;

/// <summary>The parsed command line.</summary>
internal sealed record Options(string Command, string? Profile, string? Input, string Format, bool Batch)
{
    public static Options Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            throw new UsageException("No command given.");
        }

        string? profile = null, input = null, format = null;
        var batch = false;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--profile":
                    profile = Value(args, ref i);
                    break;
                case "--input":
                    input = Value(args, ref i);
                    break;
                case "--format":
                    format = Value(args, ref i);
                    if (format is not ("text" or "json"))
                    {
                        throw new UsageException($"--format is '{format}'; allowed values: text, json.");
                    }

                    break;
                case "--batch":
                    batch = true;
                    break;
                default:
                    throw new UsageException($"Unknown option '{args[i]}'.");
            }
        }

        var command = args[0];
        if (command == "select" && batch && (profile is not null || format == "text"))
        {
            throw new UsageException("--batch reads JSON Lines from standard input and writes JSON Lines: it takes neither --profile nor --format text.");
        }

        if ((command == "select" && input is not null) || (command == "review" && (profile is not null || batch)))
        {
            throw new UsageException("select takes --profile or --batch; review takes --input.");
        }

        return new Options(command, profile, input, format ?? "text", batch);
    }

    private static string Value(string[] args, ref int i) =>
        i + 1 < args.Length ? args[++i] : throw new UsageException($"{args[i]} needs a value.");
}
