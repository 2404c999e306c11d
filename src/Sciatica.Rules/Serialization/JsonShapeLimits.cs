using System.Globalization;
using System.Text.Json;

namespace Sciatica.Rules;

/// <summary>
/// Checks the shape of a document before a tree is built for it: no array longer than a limit, no more values in all
/// than a limit. One pass over the bytes with constant work per token, so a hostile document is refused in time and
/// memory linear in its size, before any reader looks at it. Nesting depth is the parser's own limit.
/// </summary>
internal readonly record struct JsonShapeLimits(int MaximumArrayItems, int MaximumValues)
{
    /// <summary>The limits of a catalog document: the default catalog uses a small part of each.</summary>
    public static JsonShapeLimits Catalog { get; } = new(MaximumArrayItems: 10_000, MaximumValues: 250_000);

    /// <summary>Gets the first limit the document breaks, or <see langword="null"/>; a syntax error is left to the parser.</summary>
    public ValidationProblem? Check(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        var items = new Stack<int>();
        var values = 0;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName or JsonTokenType.Comment:
                        continue;
                    case JsonTokenType.EndArray:
                        items.Pop();
                        continue;
                    case JsonTokenType.EndObject:
                        continue;
                }

                if (++values > MaximumValues)
                {
                    return new ValidationProblem("$", string.Create(CultureInfo.InvariantCulture, $"holds more than {MaximumValues} values; at most {MaximumValues} are accepted."));
                }

                if (items.Count > 0)
                {
                    var count = items.Pop() + 1;
                    items.Push(count);
                    if (count > MaximumArrayItems)
                    {
                        var line = json[..(int)reader.TokenStartIndex].Count((byte)'\n') + 1;
                        return new ValidationProblem("$", string.Create(CultureInfo.InvariantCulture, $"has an array of more than {MaximumArrayItems} items; at most {MaximumArrayItems} are accepted."), line);
                    }
                }

                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    items.Push(0);
                }
            }
        }
        catch (JsonException)
        {
            // A syntax error (or nesting past the parser's own limit) is the parser's to report.
        }

        return null;
    }
}
