using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Sciatica.Rules;

/// <summary>One line of a newline-delimited JSON stream: its number, and either its value or why it has none.</summary>
/// <typeparam name="T">What the line holds.</typeparam>
/// <param name="LineNumber">The line number, from 1.</param>
/// <param name="Value">The value, or <see langword="null"/> when the line is invalid.</param>
/// <param name="Error">Why the line is invalid, or <see langword="null"/> when it is valid.</param>
public sealed record NdjsonLine<T>(int LineNumber, T? Value, SciaticaValidationException? Error)
    where T : class
{
    /// <summary>Gets whether the line holds a value.</summary>
    public bool IsValid => Error is null;
}

/// <summary>
/// Newline-delimited JSON for hosts that stream profiles and decisions: one profile per input line, one decision (or
/// one error object) per output line, so that output line N always answers input line N. Lines end at LF; a CR right
/// before the LF is dropped and a CR anywhere else is part of the line; a line is read as the profile readers read a
/// document, so one UTF-8 byte order mark may open it (as editors write on line 1) and a second is an error; a last
/// line without a newline is a line. Blank lines, lines that are not a valid profile and lines longer
/// than <see cref="MaximumLineBytes"/> are errors of their own and never stop the stream.
/// </summary>
public static class SciaticaNdjson
{
    /// <summary>The longest line read, in bytes; a longer line is an error and is not kept in memory.</summary>
    public const int MaximumLineBytes = 1024 * 1024;

    private const int ChunkBytes = 64 * 1024;

    private static readonly JsonWriterOptions ErrorOptions = new() { Encoder = ContractEncoder.Instance };

    /// <summary>Reads profiles from a stream, one per line, as they arrive.</summary>
    /// <param name="utf8Json">The lines, as UTF-8.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>One item per line, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static IAsyncEnumerable<NdjsonLine<PatientProfile>> ReadProfilesAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return ReadProfiles(utf8Json, cancellationToken);
    }

    /// <summary>Reads one line's profile (the line without its newline).</summary>
    /// <param name="lineNumber">The line number, from 1.</param>
    /// <param name="line">The bytes of the line.</param>
    /// <returns>The profile, or the problems of the line.</returns>
    public static NdjsonLine<PatientProfile> ReadProfileLine(int lineNumber, ReadOnlyMemory<byte> line)
    {
        if (line.Length > MaximumLineBytes)
        {
            return TooLong(lineNumber);
        }

        if (line.Span.EndsWith("\r"u8))
        {
            line = line[..^1];
        }

        // The line goes to the reader as it is, so that it gets the answer the same bytes get as a document: one byte
        // order mark is accepted (as editors write on line 1), a second is not.
        var content = line.Span.StartsWith("\uFEFF"u8) ? line.Span[3..] : line.Span;
        if (content.Trim(" \t\r"u8).IsEmpty)
        {
            return new(lineNumber, null, new SciaticaValidationException("profile", [new ValidationProblem("$", "the line is empty; each line must hold one profile object.")]));
        }

        try
        {
            return new(lineNumber, SciaticaJson.ReadProfile(line), null);
        }
        catch (SciaticaValidationException ex)
        {
            return new(lineNumber, null, ex);
        }
    }

    /// <summary>Decides every valid line, in order; an invalid line passes through as it is.</summary>
    /// <param name="selector">The engine.</param>
    /// <param name="profiles">The profile lines.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>One item per input line, in order.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static IAsyncEnumerable<NdjsonLine<ProgramDecision>> SelectAllAsync(this IProgramSelector selector, IAsyncEnumerable<NdjsonLine<PatientProfile>> profiles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(profiles);
        return SelectAll(selector, profiles, cancellationToken);
    }

    /// <summary>Decides one line.</summary>
    /// <param name="selector">The engine.</param>
    /// <param name="profile">The profile line.</param>
    /// <returns>The decision, or the problems of the line (including clinician overrides the catalog cannot apply).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static NdjsonLine<ProgramDecision> SelectLine(this IProgramSelector selector, NdjsonLine<PatientProfile> profile)
    {
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.Value is null)
        {
            return new(profile.LineNumber, null, profile.Error);
        }

        try
        {
            return new(profile.LineNumber, selector.Select(profile.Value), null);
        }
        catch (SciaticaValidationException ex)
        {
            return new(profile.LineNumber, null, ex);
        }
    }

    /// <summary>Writes one line per item, flushing as it goes: the compact decision, or <c>{"line": N, "error": "..."}</c>.</summary>
    /// <param name="decisions">The decision lines.</param>
    /// <param name="utf8Output">Where the lines go.</param>
    /// <param name="cancellationToken">Stops the writing; every line written is complete.</param>
    /// <returns>The number of lines that were errors.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<int> WriteDecisionsAsync(IAsyncEnumerable<NdjsonLine<ProgramDecision>> decisions, Stream utf8Output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(utf8Output);
        var pending = new ArrayBufferWriter<byte>(ChunkBytes * 2);
        var errors = 0;
        await foreach (var line in decisions.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            errors += line.IsValid ? 0 : 1;
            WriteLine(line, pending);
            if (pending.WrittenCount >= ChunkBytes)
            {
                await utf8Output.WriteAsync(pending.WrittenMemory, cancellationToken).ConfigureAwait(false);
                pending.ResetWrittenCount();
            }
        }

        await utf8Output.WriteAsync(pending.WrittenMemory, cancellationToken).ConfigureAwait(false);
        await utf8Output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return errors;
    }

    /// <summary>Writes one output line, newline included: the compact decision, or <c>{"line": N, "error": "..."}</c> listing every problem.</summary>
    /// <param name="line">The decision line.</param>
    /// <param name="output">Where the bytes go.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WriteLine(NdjsonLine<ProgramDecision> line, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(output);
        if (line.Value is { } decision)
        {
            SciaticaJson.WriteDecisionUtf8(decision, output);
        }
        else
        {
            var problems = line.Error is { } error ? string.Join("; ", error.Problems) : "$: the line is invalid.";
            using var writer = new Utf8JsonWriter(output, ErrorOptions);
            writer.WriteStartObject();
            writer.WriteNumber("line"u8, line.LineNumber);
            // An error message may quote input: the writer, with the contract encoder, writes an unpaired surrogate as
            // U+FFFD, so the line stays valid UTF-8 (NdjsonProblemTests pins this).
            writer.WriteString("error"u8, problems);
            if (line.Error?.Screening is { } screening)
            {
                // The red flags that could be read give an emergency or urgent decision: the line says so beside its errors.
                writer.WritePropertyName("screening"u8);
                SciaticaJson.WriteScreening(writer, screening);
            }

            writer.WriteEndObject();
        }

        output.Write("\n"u8);
    }

    /// <summary>The error of a line longer than <see cref="MaximumLineBytes"/>.</summary>
    /// <param name="lineNumber">The line number.</param>
    /// <returns>The error line.</returns>
    public static NdjsonLine<PatientProfile> TooLong(int lineNumber) =>
        new(lineNumber, null, new SciaticaValidationException("profile", [new ValidationProblem("$", string.Create(CultureInfo.InvariantCulture, $"the line is longer than {MaximumLineBytes} bytes; each line must hold one profile object."))]));

    private static async IAsyncEnumerable<NdjsonLine<PatientProfile>> ReadProfiles(Stream input, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var chunk = new byte[ChunkBytes];
        var line = new ArrayBufferWriter<byte>(4096);
        var number = 0;
        var oversized = false;
        var atLineStart = true;
        int read;
        while ((read = await input.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            var start = 0;
            while (start < read)
            {
                atLineStart = false;
                var end = chunk.AsSpan(start, read - start).IndexOf((byte)'\n');
                var length = end < 0 ? read - start : end;
                if (!oversized && line.WrittenCount + length > MaximumLineBytes)
                {
                    oversized = true;
                    line = new ArrayBufferWriter<byte>(4096);
                }

                if (!oversized)
                {
                    line.Write(chunk.AsSpan(start, length));
                }

                if (end < 0)
                {
                    break;
                }

                number++;
                yield return oversized ? TooLong(number) : ReadProfileLine(number, line.WrittenMemory);
                line.ResetWrittenCount();
                oversized = false;
                atLineStart = true;
                start += length + 1;
            }
        }

        if (!atLineStart)
        {
            number++;
            yield return oversized ? TooLong(number) : ReadProfileLine(number, line.WrittenMemory);
        }
    }

    private static async IAsyncEnumerable<NdjsonLine<ProgramDecision>> SelectAll(IProgramSelector selector, IAsyncEnumerable<NdjsonLine<PatientProfile>> profiles, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var profile in profiles.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return selector.SelectLine(profile);
        }
    }
}
