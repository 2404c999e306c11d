using System.Text;
using Sciatica.Rules.Review;
using Sciatica.Rules.Selection;
using Sciatica.Rules.Serialization;
using Sciatica.Rules.Validation;

namespace Sciatica.Rules.Cli;

/// <summary>Parses the command line and runs <c>select</c> or <c>review</c>; never shows a stack trace.</summary>
internal static class CommandLine
{
    public const string Usage = """
        Usage:
          sciatica-rules select --profile FILE|- [--format text|json]
          sciatica-rules select --batch            (JSON Lines on standard input, one decision per line out)
          sciatica-rules review --input FILE|- [--format text|json]

        Exit codes: 0 a decision was made; 2 invalid input; 1 anything else.
        """;

    public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        output.NewLine = "\n";
        try
        {
            var options = Options.Parse(args);
            var selector = ProgramSelector.Default;
            return options.Command switch
            {
                "select" when options.Batch => Batch.Run(selector, input, output),
                "select" => Select(selector, options, input, output),
                "review" => Review(selector, options, input, output),
                _ => throw new UsageException($"Unknown command '{options.Command}'."),
            };
        }
        catch (UsageException ex)
        {
            error.WriteLine("error: " + ex.Message);
            error.WriteLine(Usage);
            return ExitCodes.InvalidInput;
        }
        catch (SciaticaValidationException ex)
        {
            error.WriteLine("error: " + ex.Message);
            return ExitCodes.InvalidInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine("error: " + ex.Message);
            return ExitCodes.Failure;
        }
#pragma warning disable CA1031 // The CLI's contract: anything unexpected is exit code 1 with a message, never a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            error.WriteLine("error: unexpected failure: " + ex.Message);
            return ExitCodes.Failure;
        }
    }

    private static int Select(ProgramSelector selector, Options options, TextReader input, TextWriter output)
    {
        var path = options.Profile ?? throw new UsageException("select needs --profile FILE (or - for standard input), or --batch.");
        var profile = SciaticaJson.ReadProfile(ReadAll(path, input));
        var decision = selector.Select(profile);
        output.Write(options.Format == "json" ? SciaticaJson.WriteDecision(decision, indented: true) + "\n" : TextReport.Render(decision));
        return ExitCodes.Decided;
    }

    private static int Review(ProgramSelector selector, Options options, TextReader input, TextWriter output)
    {
        var path = options.Input ?? throw new UsageException("review needs --input FILE (or - for standard input).");
        var request = SciaticaJson.ReadReviewRequest(ReadAll(path, input));
        var review = new SessionReviewer(selector).Review(request.Profile, request.Feedback);
        output.Write(options.Format == "json" ? SciaticaJson.WriteReview(review, indented: true) + "\n" : TextReport.Render(review));
        return ExitCodes.Decided;
    }

    private static string ReadAll(string path, TextReader input) => path == "-" ? input.ReadToEnd() : File.ReadAllText(path, Encoding.UTF8);
}
