using System.Text;
using System.Text.Json;
using Sciatica.Rules.Selection;
using Sciatica.Rules.Serialization;
using Sciatica.Rules.Validation;

namespace Sciatica.Rules.Cli;

/// <summary>
/// <c>select --batch</c>: one profile per input line, one decision per output line. An invalid line
/// gets <c>{"line": N, "error": "..."}</c> and the other lines still get their decisions. Blank lines
/// are skipped (they hold no profile), but line numbers count them.
/// </summary>
internal static class Batch
{
    public static int Run(ProgramSelector selector, TextReader input, TextWriter output)
    {
        var lineNumber = 0;
        var invalid = 0;
        while (input.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

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
