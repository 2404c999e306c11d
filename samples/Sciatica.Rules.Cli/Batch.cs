using System.Buffers;
using System.Text;
using System.Text.Json;
using Sciatica.Rules;

namespace Sciatica.Rules.Cli;

/// <summary>
/// <c>select --batch</c>: one profile per input line, one decision per output line, so that output line N answers
/// input line N whatever the bytes. Lines end at LF (a CR right before the LF is dropped); a CR anywhere else is
/// part of the line. A UTF-8 byte order mark may open the first line. A blank line, a line that is not valid
/// UTF-8 or JSON, or one longer than <see cref="MaximumLineBytes"/> gets <c>{"line": N, "error": "..."}</c>, and
/// the other lines still get their decisions. A final line without a newline is a line; the newline that ends the
/// input does not start another one.
/// </summary>
/// <remarks>
/// Output is buffered and written in whole lines only, so a stop (closed output, SIGINT, SIGTERM) never leaves a
/// partial line. A closed standard output stops the run with exit code 1 and a message on standard error.
/// </remarks>
internal static class Batch
{
    /// <summary>The longest line read, in bytes; a longer line is answered with an error without being kept in memory.</summary>
    public const int MaximumLineBytes = 1024 * 1024;

    private const int FlushBytes = 64 * 1024;

    public static int Run(ProgramSelector selector, Stream input, Stream output, TextWriter error, Func<bool> stopRequested)
    {
        var pending = new ArrayBufferWriter<byte>(FlushBytes * 2);
        var line = new ArrayBufferWriter<byte>(4096);
        var chunk = new byte[FlushBytes];
        var lineNumber = 0;
        var invalid = 0;
        var oversized = false;
        var atLineStart = true;
        try
        {
            int read;
            while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
            {
                var span = chunk.AsSpan(0, read);
                while (!span.IsEmpty)
                {
                    atLineStart = false;
                    var end = span.IndexOf((byte)'\n');
                    var piece = end < 0 ? span : span[..end];
                    if (!oversized)
                    {
                        if (line.WrittenCount + piece.Length > MaximumLineBytes)
                        {
                            oversized = true;
                            line.Clear();
                        }
                        else
                        {
                            line.Write(piece);
                        }
                    }

                    if (end < 0)
                    {
                        break;
                    }

                    Answer(selector, line.WrittenSpan, ++lineNumber, oversized, pending, ref invalid);
                    line.Clear();
                    oversized = false;
                    atLineStart = true;
                    span = span[(end + 1)..];
                    if (pending.WrittenCount >= FlushBytes)
                    {
                        Flush(pending, output);
                    }

                    if (stopRequested())
                    {
                        Flush(pending, output);
                        error.WriteLine($"stopped by a signal after line {lineNumber}; every line written is complete.");
                        return ExitCodes.Interrupted;
                    }
                }
            }

            if (!atLineStart)
            {
                // The last line has no newline: it is still a line.
                Answer(selector, line.WrittenSpan, ++lineNumber, oversized, pending, ref invalid);
            }

            Flush(pending, output);
            if (stopRequested())
            {
                error.WriteLine($"stopped by a signal after line {lineNumber}; every line written is complete.");
                return ExitCodes.Interrupted;
            }
        }
        catch (IOException ex)
        {
            error.WriteLine($"error: standard output was closed or failed after line {lineNumber} ({ex.Message}); the run stopped and later lines were not answered.");
            return ExitCodes.Failure;
        }

        return invalid == 0 ? ExitCodes.Decided : ExitCodes.InvalidInput;
    }

    /// <summary>Decides one line; a bad line becomes an error object, never an exception.</summary>
    public static string Decide(ProgramSelector selector, string line, int lineNumber, ref int invalid)
    {
        var pending = new ArrayBufferWriter<byte>();
        Answer(selector, Encoding.UTF8.GetBytes(line), lineNumber, oversized: false, pending, ref invalid);
        return Encoding.UTF8.GetString(pending.WrittenSpan[..^1]);
    }

    private static void Answer(ProgramSelector selector, ReadOnlySpan<byte> line, int lineNumber, bool oversized, ArrayBufferWriter<byte> pending, ref int invalid)
    {
        if (line.EndsWith("\r"u8))
        {
            line = line[..^1];
        }

        if (lineNumber == 1 && line.StartsWith("\uFEFF"u8))
        {
            line = line[3..];
        }

        string? problem = null;
        if (oversized)
        {
            problem = $"$: the line is longer than {MaximumLineBytes} bytes; each line must hold one profile object.";
        }
        else if (line.Trim(" \t\r"u8).IsEmpty)
        {
            problem = "$: the line is empty; each line must hold one profile object.";
        }
        else
        {
            try
            {
                var decision = selector.Select(SciaticaJson.ReadProfile(line.ToArray()));
                Encoding.UTF8.GetBytes(SciaticaJson.WriteDecision(decision), pending);
            }
            catch (SciaticaValidationException ex)
            {
                problem = string.Join("; ", ex.Problems);
            }
        }

        if (problem is not null)
        {
            invalid++;
            // An error message may quote input: never let an unpaired surrogate break the output line.
            problem = string.Create(problem.Length, problem, static (span, text) =>
            {
                for (var i = 0; i < text.Length; i++)
                {
                    var pair = i + 1 < text.Length && char.IsSurrogatePair(text[i], text[i + 1]);
                    span[i] = char.IsSurrogate(text[i]) && !pair && !(i > 0 && char.IsSurrogatePair(text[i - 1], text[i])) ? '\uFFFD' : text[i];
                }
            });
            using var writer = new Utf8JsonWriter(pending, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            writer.WriteStartObject();
            writer.WriteNumber("line", lineNumber);
            writer.WriteString("error", problem);
            writer.WriteEndObject();
        }

        pending.Write("\n"u8);
    }

    private static void Flush(ArrayBufferWriter<byte> pending, Stream output)
    {
        output.Write(pending.WrittenSpan);
        output.Flush();
        pending.Clear();
    }
}
