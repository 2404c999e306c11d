using System.Text;
using Sciatica.Rules;

namespace Sciatica.Rules.Cli;

/// <summary>Parses the command line and runs <c>select</c> or <c>review</c>; never shows a stack trace.</summary>
internal static class CommandLine
{
    public const string Usage = """
        Usage:
          sciatica-rules select --profile FILE|- [--what-if] [--format text|json|html [handout options]]
          sciatica-rules select --batch            (JSON Lines on standard input, one decision per line out)
          sciatica-rules review --input FILE|- [--format text|json|html [handout options]]
          sciatica-rules diff --from CATALOG|default --to CATALOG|default [--format text|json]
          sciatica-rules --version
          sciatica-rules [COMMAND] --help     (or: sciatica-rules help [COMMAND])

        """ + "\n" + ExitCodesHelp;

    /// <summary>Every exit code of every command, printed at the end of each help text so that they all agree.</summary>
    public const string ExitCodesHelp = """
        Exit codes:
          0    a decision was made, whatever it is (diff: no decision changes)
          1    anything else, such as a file that cannot be read or a closed standard output
          2    invalid input or command line: standard error names the field and the allowed values
               (select --batch: any line was invalid; each such line is answered {"line": N, "error": "..."})
          3    diff: some decisions change between the two catalogs
          130  select --batch stopped by SIGINT or SIGTERM after a complete line
        """;

    private const string SelectHelp = """
        sciatica-rules select: decide what a person with sciatica should do next.

        Usage:
          sciatica-rules select --profile FILE|- [--what-if] [--format text|json|html [handout options]]
          sciatica-rules select --batch

        Options:
          --profile FILE|-   the patient profile document (JSON); - reads standard input
          --format text|json|html text (default) prints a readable plan; json prints the decision document;
                            html prints the printable patient handout (handout options below)
          --what-if          also say what would change the decision: the smallest changes a clinician can
                             act on (clearance, symptoms controlled, directional preference, an override of
                             a relative rule, a pool, lower pain) and what each gives (text and json)
          --batch            JSON Lines on standard input (one profile a line), one decision a line out;
                             an invalid line gets {"line": N, "error": "..."} and the others still answer
          -h, --help         show this help

        Handout options (with --format html):
          --lang en|de       the handout's language (default en)
          --paper a4|letter  the paper it is laid out for (default a4)
          --patient-name N, --date YYYY-MM-DD, --clinician N, --clinic-phone N
                             the clinic's fields at the top; each one not given is a blank line to fill in

        A UTF-8 byte order mark at the start of the input is accepted.

        """ + "\n" + ExitCodesHelp;

    private const string ReviewHelp = """
        sciatica-rules review: adjust the program from how a session went.

        Usage:
          sciatica-rules review --input FILE|- [--format text|json|html [handout options]]

        Options:
          --input FILE|-     the review document {"profile": ..., "feedback": ..., "history": [...]}; - reads
                             standard input; "history" (optional) lists earlier sessions, oldest first
          --format text|json|html text (default), the review document as JSON, or the handout as HTML
          -h, --help         show this help

        Handout options (with --format html):
          --lang en|de       the handout's language (default en)
          --paper a4|letter  the paper it is laid out for (default a4)
          --patient-name N, --date YYYY-MM-DD, --clinician N, --clinic-phone N
                             the clinic's fields at the top; each one not given is a blank line to fill in

        A UTF-8 byte order mark at the start of the input is accepted.

        """ + "\n" + ExitCodesHelp;

    public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error) =>
        Run(args, input, output, error, () => Console.OpenStandardInput(), () => Console.OpenStandardOutput(), () => false);

    /// <summary>Runs the CLI; batch mode reads and writes raw bytes through <paramref name="rawInput"/> and <paramref name="rawOutput"/>.</summary>
    public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error, Func<Stream> rawInput, Func<Stream> rawOutput, Func<bool> stopRequested)
    {
        output.NewLine = "\n";
        try
        {
            switch (Options.Informational(args))
            {
                case "version":
                    output.WriteLine("sciatica-rules " + PackageVersion());
                    output.WriteLine("rule set " + ProgramSelector.Default.RuleSetVersion);
                    return ExitCodes.Decided;
                case "help":
                    // "help select", "select --help" and "select -h" print the same text.
                    var command = args[0] == "help" ? args.ElementAtOrDefault(1) : args[0];
                    output.Write((command switch { "select" => SelectHelp, "review" => ReviewHelp, "diff" => Diff.Help, _ => Usage }) + "\n");
                    return ExitCodes.Decided;
            }

            var options = Options.Parse(args);
            var selector = ProgramSelector.Default;
            return options.Command switch
            {
                "select" when options.Batch => RunBatch(selector, rawInput, rawOutput, error, stopRequested),
                "select" => Select(selector, options, input, output),
                "review" => Review(selector, options, input, output),
                "diff" => Diff.Run(options.From!, options.To!, options.Format, output),
                _ => throw new UsageException($"Unknown command '{options.Command}'."),
            };
        }
        catch (UsageException ex)
        {
            error.WriteLine("error: " + TerminalText.Lines(ex.Message));
            error.WriteLine(Usage);
            return ExitCodes.InvalidInput;
        }
        catch (SciaticaValidationException ex)
        {
            WriteRefusal(error, ex);
            return ExitCodes.InvalidInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine("error: " + TerminalText.Lines(ex.Message));
            return ExitCodes.Failure;
        }
#pragma warning disable CA1031 // The CLI's contract: anything unexpected is exit code 1 with a message, never a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            error.WriteLine("error: unexpected failure: " + TerminalText.Lines(ex.Message));
            return ExitCodes.Failure;
        }
    }

    /// <summary>
    /// A refused input: when the red flags that could be read give an emergency or urgent decision, that comes first, in
    /// words a person acts on ("EMERGENCY: go to emergency care now: ..."), and the field errors follow.
    /// </summary>
    private static void WriteRefusal(TextWriter error, SciaticaValidationException ex)
    {
        if (ex.Screening is { } screening)
        {
            error.WriteLine(TerminalText.Lines(screening.Summary()));
        }

        error.WriteLine("error: " + Describe(ex));
    }

    /// <summary>
    /// A refusal as the library words it, each problem on its own line; a path or message that quotes the input shows its
    /// controls and line breaks visibly, so that an input cannot write escape sequences or fake lines to the terminal.
    /// </summary>
    internal static string Describe(SciaticaValidationException ex)
    {
        var problems = ex.Problems.Select(p => TerminalText.Inline(p.ToString())).ToList();
        return problems.Count == 1
            ? $"Invalid {ex.Subject}: {problems[0]}"
            : $"Invalid {ex.Subject} ({problems.Count} problems):\n" + string.Join("\n", problems.Select(p => "- " + p));
    }

    private static int RunBatch(ProgramSelector selector, Func<Stream> rawInput, Func<Stream> rawOutput, TextWriter error, Func<bool> stopRequested)
    {
        using var input = rawInput();
        using var output = rawOutput();
        return Batch.Run(selector, input, output, error, stopRequested);
    }

    private static int Select(ProgramSelector selector, Options options, TextReader input, TextWriter output)
    {
        var path = options.Profile ?? throw new UsageException("select needs --profile FILE (or - for standard input), or --batch.");
        var profile = SciaticaJson.ReadProfile(ReadAll(path, input));
        var decision = selector.Select(profile, options.WhatIf ? SelectionOptions.WithWhatWouldChange : SelectionOptions.None);
        output.Write(options.Format switch
        {
            "json" => SciaticaJson.WriteDecision(decision, indented: true) + "\n",
            "html" => Handout(selector, decision, null, profile, options),
            _ => TerminalText.Lines(TextReport.Render(decision)),
        });
        return ExitCodes.Decided;
    }

    /// <summary>The patient handout (Sciatica.Rules.Handouts), in every build: JIT, trimmed and Native AOT.</summary>
    private static string Handout(ProgramSelector selector, ProgramDecision? decision, SessionReview? review, PatientProfile profile, Options options)
    {
        var renderer = new Handouts.HandoutRenderer(selector);
        var fields = options.Handout ?? new HandoutFields("a4", null, null, null, null);
        var settings = new Handouts.HandoutOptions
        {
            Language = options.Language,
            Paper = fields.Paper == "letter" ? Handouts.PaperSize.Letter : Handouts.PaperSize.A4,
            PatientName = fields.PatientName,
            Date = fields.Date,
            Clinician = fields.Clinician,
            ClinicPhone = fields.ClinicPhone,
            Pregnant = profile.PregnancyWeeks is not null,
            AffectedSide = profile.AffectedSide,
            Plan = review is not null ? selector.Select(profile) : null,
        };
        var handout = decision is not null ? renderer.RenderAsync(decision, settings) : renderer.RenderReviewAsync(review!, settings);
        return handout.GetAwaiter().GetResult().Html;
    }

    private static int Review(ProgramSelector selector, Options options, TextReader input, TextWriter output)
    {
        var path = options.Input ?? throw new UsageException("review needs --input FILE (or - for standard input).");
        var request = SciaticaJson.ReadReviewRequest(ReadAll(path, input));
        var review = new SessionReviewer(selector).Review(request.Profile, request.Sessions);
        output.Write(options.Format switch
        {
            "json" => SciaticaJson.WriteReview(review, indented: true) + "\n",
            "html" => Handout(selector, null, review, request.Profile, options),
            _ => TerminalText.Lines(TextReport.Render(review, selector.Catalog)),
        });
        return ExitCodes.Decided;
    }

    /// <summary>Reads a whole document; a UTF-8 byte order mark at its start is dropped (File.ReadAllText drops it too).</summary>
    private static string ReadAll(string path, TextReader input) => path == "-" ? WithoutByteOrderMark(input.ReadToEnd()) : File.ReadAllText(path, Encoding.UTF8);

    public static string WithoutByteOrderMark(string text) => text.StartsWith('\uFEFF') ? text[1..] : text;

    /// <summary>The package version of the library, as its informational version (without the source revision).</summary>
    private static string PackageVersion()
    {
        var version = typeof(ProgramSelector).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "unknown";
        return version.Split('+')[0];
    }
}
