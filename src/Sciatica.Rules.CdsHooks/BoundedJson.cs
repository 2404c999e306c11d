using System.Text.Json;

namespace Sciatica.Rules.CdsHooks;

/// <summary>
/// Parses a JSON document within limits on nesting, array length and total values, refusing duplicate property names,
/// invalid UTF-8 and lone surrogates, so that no body costs more than a small multiple of its size and no later read of
/// the document can throw. The check is one forward pass of <see cref="Utf8JsonReader"/> before anything is built.
/// </summary>
internal static class BoundedJson
{
    public const int MaximumDepth = 32;
    public const int MaximumArrayLength = 1_000;
    public const int MaximumValues = 20_000;

    /// <summary>The parsed document, or what is wrong with the bytes (with the JSON path where it is known).</summary>
    public static (JsonDocument? Document, string? Problem) Parse(ReadOnlyMemory<byte> utf8)
    {
        if (Check(utf8.Span) is { } problem)
        {
            return (null, problem);
        }

        try
        {
            return (JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = MaximumDepth, AllowDuplicateProperties = false }), null);
        }
        catch (JsonException ex)
        {
            return (null, Shorten(ex.Message));
        }
    }

    private static string? Check(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaximumDepth });
        Span<int> lengths = stackalloc int[MaximumDepth + 2];
        Span<bool> isArray = stackalloc bool[MaximumDepth + 2];
        var values = 0;
        try
        {
            while (reader.Read())
            {
                var depth = reader.CurrentDepth;
                if (reader.TokenType is JsonTokenType.EndArray or JsonTokenType.EndObject or JsonTokenType.PropertyName or JsonTokenType.Comment)
                {
                    if (reader.TokenType == JsonTokenType.PropertyName && Undecodable(ref reader))
                    {
                        return "A property name is not valid UTF-8 text (invalid bytes or a lone surrogate).";
                    }

                    continue;
                }

                if (++values > MaximumValues)
                {
                    return $"The document holds more than {MaximumValues} values.";
                }

                if (depth > 0 && isArray[depth - 1] && ++lengths[depth - 1] > MaximumArrayLength)
                {
                    return $"An array holds more than {MaximumArrayLength} values.";
                }

                if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject)
                {
                    isArray[depth] = reader.TokenType == JsonTokenType.StartArray;
                    lengths[depth] = 0;
                }
                else if (reader.TokenType == JsonTokenType.String && Undecodable(ref reader))
                {
                    return "A string is not valid UTF-8 text (invalid bytes or a lone surrogate).";
                }
            }
        }
        catch (JsonException ex)
        {
            return Shorten(ex.Message);
        }

        return null;
    }

    private static bool Undecodable(ref Utf8JsonReader reader)
    {
        try
        {
            _ = reader.GetString();
            return false;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    /// <summary>The reader's message without the input it may echo: at most 200 characters.</summary>
    private static string Shorten(string message) => message.Length <= 200 ? message : message[..200] + "…";
}
