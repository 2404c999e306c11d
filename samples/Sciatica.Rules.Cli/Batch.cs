using System.Text;
using System.Text.Json;
using Sciatica.Rules;

namespace Sciatica.Rules.Cli;

/// <summary>
/// <c>select --batch</c>: one profile per input line, one decision per output line, so that output line N
/// answers input line N. An invalid line gets <c>{"line": N, "error": "..."}</c> and the other lines still
/// get their decisions. A blank line between profiles is an invalid line too; blank lines at the very end
/// of the input (a trailing newline) are ignored.
/// </summary>
internal static class Batch
{
    public static int Run(ProgramSelector selector, TextReader input, TextWriter output)
    {
        var lineNumber = 0;
        var invalid = 0;
        var pendingBlank = 0;
        while (input.ReadLine() is { } read)
        {
            lineNumber++;
            var line = lineNumber == 1 ? CommandLine.WithoutByteOrderMark(read) : read;
            if (string.IsNullOrWhiteSpace(line))
            {
                pendingBlank++;
                continue;
            }

            // Blank lines followed by a profile are reported, so that no input line goes unanswered.
            for (var blank = lineNumber - pendingBlank; blank < lineNumber; blank++)
            {
                invalid++;
                output.WriteLine(Error(blank, "$: the line is empty; each line must hold one profile object."));
            }

            pendingBlank = 0;
            output.WriteLine(Decide(selector, line, lineNumber, ref invalid));
        }

        return invalid == 0 ? ExitCodes.Decided : ExitCodes.InvalidInput;
    }

    /// <summary>Decides one line; a bad line becomes an error object, never an exception.</summary>
    public static string Decide(ProgramSelector selector, string line, int lineNumber, ref int invalid)
    {
        try
        {
            return SciaticaJson.WriteDecision(selector.Select(SciaticaJson.ReadProfile(line)));
        }
        catch (SciaticaValidationException ex)
        {
            invalid++;
            return Error(lineNumber, string.Join("; ", ex.Problems));
        }
    }

    private static string Error(int lineNumber, string message)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("line", lineNumber);
            writer.WriteString("error", message);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
