using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Sciatica.Rules;

/// <summary>
/// Reads and writes the documents of the JSON contract: strict reading (unknown properties, unknown
/// enum values, wrong types, out-of-range numbers, duplicate properties and missing required fields are
/// errors naming the field and the allowed values) and deterministic writing (equal values give
/// byte-identical JSON).
/// </summary>
/// <remarks>Thread-safe. Uses only source-generated serializer metadata, so it is trim and AOT safe.</remarks>
public static partial class SciaticaJson
{
    private static T Deserialize<T>(string json, string subject, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info)
    {
        try
        {
            return JsonSerializer.Deserialize(json, info) ?? throw Invalid(subject, "$", $"must be a {subject} object, not null.");
        }
        catch (JsonException ex)
        {
            throw Invalid(subject, ex.Path is null ? "$" : string.Join('.', ex.Path.Split('.').Select(ProblemList.Echo)), "is not valid: " + QuotesShortened(ex.Message), ex.LineNumber + 1);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            throw Invalid(subject, "$", "is not valid: " + QuotesShortened(ex.Message));
        }
    }

    /// <summary>
    /// Runs a reader so that any input, however hostile, ends in <see cref="SciaticaValidationException"/>: text the
    /// framework cannot decode (an escaped lone surrogate, a raw unpaired surrogate) becomes a problem at <c>$</c>.
    /// </summary>
    internal static T Guard<T>(string subject, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException or DecoderFallbackException or EncoderFallbackException)
        {
            var detail = ex is InvalidOperationException or DecoderFallbackException or EncoderFallbackException
                ? UndecodableText + " (for example an unpaired surrogate such as \\ud800)"
                : "holds a value that cannot be read (" + QuotesShortened(ex.Message) + ")";
            throw Invalid(subject, "$", detail + ", so it cannot be read.");
        }
    }

    private const string UndecodableText = "contains text that is not valid Unicode";

    /// <summary>The problem of a document that is not JSON: where the parser stopped, and why.</summary>
    internal static ValidationProblem Malformed(JsonException ex)
    {
        var where = string.Create(CultureInfo.InvariantCulture, $"line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}");
        // The reader's message (it names no path) may quote the input (an invalid literal, a whole property name): each
        // quote is cut, and the line and position it ends with are given above, counted from 1.
        var detail = QuotesShortened(ex.Message.Split(" LineNumber:", 2)[0].TrimEnd('.', ' '));
        return new ValidationProblem("$", $"is not valid JSON at {where}: {detail}; allowed: one JSON document (an object) in UTF-8.", ex.LineNumber + 1);
    }

    /// <summary>A framework message with each quoted piece of input cut to the echo bound, and the whole to 200 characters.</summary>
    internal static string QuotesShortened(string message)
    {
        var parts = message.Split('\'');
        for (var i = 1; i < parts.Length; i += 2)
        {
            parts[i] = ProblemList.Echo(parts[i]);
        }

        return ProblemList.Bounded(string.Join('\'', parts), 200);
    }

    private static SciaticaValidationException Invalid(string subject, string path, string message, long? line = null) =>
        new(subject, [new ValidationProblem(path, message, line)]);
}
