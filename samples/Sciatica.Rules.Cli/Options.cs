namespace Sciatica.Rules.Cli;

/// <summary>The parsed command line.</summary>
/// <remarks>
/// Hand-written rather than System.CommandLine: two commands with four options fit in this file, and the
/// contract's conventions (exit code 2 for a bad command line, <c>--version</c> printing the rule-set version
/// as well as the package version) would each need overriding there.
/// </remarks>
internal sealed record Options(string Command, string? Profile, string? Input, string Format, bool Batch, string? From = null, string? To = null, string Language = "en", bool WhatIf = false, HandoutFields? Handout = null)
{
    /// <summary>Returns "help", "version" or null: what to print instead of running a command.</summary>
    public static string? Informational(string[] args)
    {
        if (args.Length == 0)
        {
            return null;
        }

        if (args[0] is "--version")
        {
            return "version";
        }

        return args.Any(a => a is "-h" or "--help" or "-?") || args[0] == "help" ? "help" : null;
    }

    public static Options Parse(string[] args)
    {
        if (args.Length == 0)
        {
            throw new UsageException("No command given.");
        }

        string? profile = null, input = null, format = null, from = null, to = null, language = null;
        string? paper = null, patientName = null, clinician = null, clinicPhone = null;
        DateOnly? date = null;
        var batch = false;
        var whatIf = false;
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
                    if (format is not ("text" or "json" or "html"))
                    {
                        throw new UsageException($"--format is '{format}'; allowed values: text, json, html.");
                    }

                    break;
                case "--lang":
                    language = Value(args, ref i);
                    if (language is not ("en" or "de"))
                    {
                        throw new UsageException($"--lang is '{language}'; allowed values: en, de.");
                    }

                    break;
                case "--paper":
                    paper = Value(args, ref i);
                    if (paper is not ("a4" or "letter"))
                    {
                        throw new UsageException($"--paper is '{paper}'; allowed values: a4, letter.");
                    }

                    break;
                case "--patient-name":
                    patientName = Value(args, ref i);
                    break;
                case "--clinician":
                    clinician = Value(args, ref i);
                    break;
                case "--clinic-phone":
                    clinicPhone = Value(args, ref i);
                    break;
                case "--date":
                    var text = Value(args, ref i);
                    date = DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed)
                        ? parsed
                        : throw new UsageException($"--date is '{text}'; allowed values: a date as YYYY-MM-DD.");
                    break;
                case "--batch":
                    batch = true;
                    break;
                case "--what-if":
                    whatIf = true;
                    break;
                case "--from":
                    from = Value(args, ref i);
                    break;
                case "--to":
                    to = Value(args, ref i);
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

        if ((command == "diff") != (from is not null || to is not null) || (command == "diff" && (from is null || to is null || profile is not null || input is not null || batch)))
        {
            throw new UsageException("diff takes --from and --to (catalog files, or 'default'); --from and --to belong to diff only.");
        }

        if (format == "html" && (batch || command is not ("select" or "review")))
        {
            throw new UsageException("--format html prints a patient handout for select --profile and review only.");
        }

        if (language is not null && format != "html")
        {
            throw new UsageException("--lang chooses the language of the handout: it goes with --format html.");
        }

        if ((paper ?? patientName ?? clinician ?? clinicPhone) is not null || date is not null)
        {
            if (format != "html")
            {
                throw new UsageException("--paper, --patient-name, --date, --clinician and --clinic-phone fill in the handout: they go with --format html.");
            }
        }

        if (whatIf && (command != "select" || batch || format == "html"))
        {
            throw new UsageException("--what-if goes with select --profile, in text or json: it says what would change one decision.");
        }

        var handout = new HandoutFields(paper == "letter" ? "letter" : "a4", patientName, date, clinician, clinicPhone);
        return new Options(command, profile, input, format ?? "text", batch, from, to, language ?? "en", whatIf, handout);
    }

    private static string Value(string[] args, ref int i) =>
        i + 1 < args.Length ? args[++i] : throw new UsageException($"{args[i]} needs a value.");
}

/// <summary>What the CLI writes on a handout: the paper (a4 by default) and the clinic's fields (blank lines when not given).</summary>
internal sealed record HandoutFields(string Paper, string? PatientName, DateOnly? Date, string? Clinician, string? ClinicPhone);
