using System.Text.Json;

namespace Sciatica.Rules;

/// <summary>
/// A forgiving forward pass over a document the strict readers refused: it reads what it still can, token by token, and
/// stops quietly where the JSON breaks. It finds the red flags a rejected profile or review names (so the refusal can
/// say "emergency" first) and the path of a string that cannot be decoded (so the problem names that field, not <c>$</c>).
/// Linear in the input; nothing it reads is trusted for anything but those two answers.
/// </summary>
internal static class LenientScan
{
    private const int MaximumDepth = 64;

    /// <summary>Every red flag written as a known name inside a <c>redFlags</c> or <c>newRedFlags</c> array, at any depth.</summary>
    public static List<RedFlag> RedFlags(ReadOnlySpan<byte> utf8)
    {
        var found = new List<RedFlag>();
        Walk(utf8, (ref Utf8JsonReader reader, Frame[] stack, int depth) =>
        {
            if (reader.TokenType == JsonTokenType.String && depth >= 2 && stack[depth - 1].IsArray
                && stack[depth - 2].Property is "redFlags" or "newRedFlags"
                && reader.ValueSpan.Length < 256
                && ContractNames.TryParse<RedFlag>(Text(ref reader), out var flag) && !found.Contains(flag))
            {
                found.Add(flag);
            }

            return false;
        });
        return found;
    }

    /// <summary>The JSON path of the first string (value or property name) that cannot be decoded, or null.</summary>
    public static string? UndecodablePath(ReadOnlySpan<byte> utf8)
    {
        string? path = null;
        Walk(utf8, (ref Utf8JsonReader reader, Frame[] stack, int depth) =>
        {
            if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
            {
                return false;
            }

            try
            {
                _ = reader.GetString();
                return false;
            }
            catch (InvalidOperationException)
            {
                path = PathOf(stack, depth, reader.TokenType == JsonTokenType.PropertyName);
                return true;
            }
        });
        return path;
    }

    private delegate bool Visitor(ref Utf8JsonReader reader, Frame[] stack, int depth);

    private struct Frame
    {
        public bool IsArray;
        public string? Property;
        public int Index;
    }

    private static void Walk(ReadOnlySpan<byte> utf8, Visitor visit)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaximumDepth, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var stack = new Frame[MaximumDepth + 1];
        var depth = 0;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        if (visit(ref reader, stack, depth))
                        {
                            return;
                        }

                        if (depth > 0)
                        {
                            stack[depth - 1].Property = Name(ref reader);
                        }

                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        depth = Math.Max(0, depth - 1);
                        Advance(stack, depth);
                        continue;
                }

                if (visit(ref reader, stack, depth))
                {
                    return;
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    stack[depth] = new Frame { IsArray = reader.TokenType == JsonTokenType.StartArray };
                    depth++;
                }
                else
                {
                    Advance(stack, depth);
                }
            }
        }
        catch (JsonException)
        {
            // The document breaks here: what was read before stays read.
        }
    }

    /// <summary>After a value inside an array, the next value has the next index.</summary>
    private static void Advance(Frame[] stack, int depth)
    {
        if (depth > 0 && stack[depth - 1].IsArray)
        {
            stack[depth - 1].Index++;
        }
    }

    private static string? Text(ref Utf8JsonReader reader) => Name(ref reader);

    private static string? Name(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string PathOf(Frame[] stack, int depth, bool propertyName)
    {
        // A property name that cannot be decoded is named by the object that holds it.
        var path = "$";
        var last = depth;
        for (var i = 0; i < last; i++)
        {
            var frame = stack[i];
            if (frame.IsArray)
            {
                path = JsonElementReader.Index(path, frame.Index);
            }
            else if (i < last - 1 || !propertyName)
            {
                path = frame.Property is { } name ? JsonElementReader.Child(path, name) : path;
            }
        }

        return path;
    }
}
