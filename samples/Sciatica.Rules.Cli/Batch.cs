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

    private const int ReadBytes = 64 * 1024;

    /// <summary>Lines decided together: a block is split between the cores, and its answers are written in input order.</summary>
    private const int BlockLines = 4096;

    /// <summary>The bytes a block may hold before it is decided, whatever its number of lines.</summary>
    private const int BlockBytes = 4 * 1024 * 1024;

    public static int Run(ProgramSelector selector, Stream input, Stream output, TextWriter error, Func<bool> stopRequested)
    {
        var block = new Block();
        var chunk = new byte[ReadBytes];
        var lineNumber = 0;
        var invalid = 0;
        var oversized = false;
        var atLineStart = true;
        var lineStart = 0;
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
                        if (block.Bytes.WrittenCount - lineStart + piece.Length > MaximumLineBytes)
                        {
                            // Too long: forget what was kept of the line; it is answered with an error.
                            oversized = true;
                            block.Truncate(lineStart);
                        }
                        else
                        {
                            block.Bytes.Write(piece);
                        }
                    }

                    if (end < 0)
                    {
                        break;
                    }

                    block.EndLine(++lineNumber, lineStart, oversized);
                    oversized = false;
                    atLineStart = true;
                    lineStart = block.Bytes.WrittenCount;
                    span = span[(end + 1)..];
                    if (block.Count >= BlockLines || block.Bytes.WrittenCount >= BlockBytes)
                    {
                        invalid += block.DecideAndWrite(selector, output);
                        lineStart = 0;
                        if (stopRequested())
                        {
                            error.WriteLine($"stopped by a signal after line {lineNumber}; every line written is complete.");
                            return ExitCodes.Interrupted;
                        }
                    }
                }
            }

            if (!atLineStart)
            {
                // The last line has no newline: it is still a line.
                block.EndLine(++lineNumber, lineStart, oversized);
            }

            invalid += block.DecideAndWrite(selector, output);
            if (stopRequested())
            {
                error.WriteLine($"stopped by a signal after line {lineNumber}; every line written is complete.");
                return ExitCodes.Interrupted;
            }
        }
        catch (IOException ex)
        {
            error.WriteLine($"error: standard output was closed or failed after line {block.Written} ({TerminalText.Inline(ex.Message)}); the run stopped and later lines were not answered.");
            return ExitCodes.Failure;
        }

        return invalid == 0 ? ExitCodes.Decided : ExitCodes.InvalidInput;
    }

    /// <summary>Lines read but not yet answered: their bytes, one after another, and where each starts.</summary>
    private sealed class Block
    {
        private readonly List<(int Number, int Start, int Length, bool Oversized)> lines = [];
        private readonly ArrayBufferWriter<byte>[] answers = [.. Enumerable.Range(0, Environment.ProcessorCount).Select(_ => new ArrayBufferWriter<byte>(64 * 1024))];

        public ArrayBufferWriter<byte> Bytes { get; private set; } = new(BlockBytes + ReadBytes);

        public int Count => lines.Count;

        /// <summary>The last line number written to the output.</summary>
        public int Written { get; private set; }

        public void EndLine(int number, int start, bool oversized) => lines.Add((number, start, Bytes.WrittenCount - start, oversized));

        /// <summary>Drops the bytes from <paramref name="start"/> on (the part kept of an oversized line).</summary>
        public void Truncate(int start)
        {
            var kept = new ArrayBufferWriter<byte>(Math.Max(Bytes.Capacity, 1));
            kept.Write(Bytes.WrittenSpan[..start]);
            Bytes = kept;
        }

        /// <summary>Answers every line of the block, the cores sharing the work, then writes the answers in input order and starts an empty block.</summary>
        public int DecideAndWrite(ProgramSelector selector, Stream output)
        {
            var parts = lines.Count < 64 ? 1 : answers.Length;
            var invalid = new int[parts];
            var memory = Bytes.WrittenMemory;
            Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, part =>
            {
                var from = lines.Count * part / parts;
                var to = lines.Count * (part + 1) / parts;
                var pending = answers[part];
                for (var i = from; i < to; i++)
                {
                    var (number, start, length, oversized) = lines[i];
                    Answer(selector, memory.Slice(start, length), number, oversized, pending, ref invalid[part]);
                }
            });

            for (var part = 0; part < parts; part++)
            {
                output.Write(answers[part].WrittenSpan);
                answers[part].ResetWrittenCount();
            }

            output.Flush();
            Written = lines.Count > 0 ? lines[^1].Number : Written;
            lines.Clear();
            Bytes.ResetWrittenCount();
            return invalid.Sum();
        }
    }

    /// <summary>Decides one line; a bad line becomes an error object, never an exception.</summary>
    public static string Decide(ProgramSelector selector, string line, int lineNumber, ref int invalid)
    {
        var pending = new ArrayBufferWriter<byte>();
        Answer(selector, Encoding.UTF8.GetBytes(line), lineNumber, oversized: false, pending, ref invalid);
        return Encoding.UTF8.GetString(pending.WrittenSpan[..^1]);
    }

    private static void Answer(ProgramSelector selector, ReadOnlyMemory<byte> line, int lineNumber, bool oversized, ArrayBufferWriter<byte> pending, ref int invalid)
    {
        // The library's line rules and error lines, so that this batch and hosts using SciaticaNdjson answer alike.
        var decision = selector.SelectLine(oversized ? SciaticaNdjson.TooLong(lineNumber) : SciaticaNdjson.ReadProfileLine(lineNumber, line));
        invalid += decision.IsValid ? 0 : 1;
        SciaticaNdjson.WriteLine(decision, pending);
    }
}
