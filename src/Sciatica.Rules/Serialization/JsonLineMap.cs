using System.Globalization;
using System.Text.Json;

namespace Sciatica.Rules;

/// <summary>Finds the line of each JSON path in a document, so that problems can name their line.</summary>
internal static class JsonLineMap
{
    public static Dictionary<string, long> Build(ReadOnlySpan<byte> json)
    {
        var map = new Dictionary<string, long>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        var stack = new List<(string Path, bool IsArray, int Next)>();
        string? property = null;
        long line = 1;
        var scanned = 0;
        while (reader.Read())
        {
            var start = (int)reader.TokenStartIndex;
            line += json[scanned..start].Count((byte)'\n');
            scanned = start;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = reader.GetString();
                    map.TryAdd(stack[^1].Path + "." + property, line);
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    var path = Current(stack, property);
                    map.TryAdd(path, line);
                    stack.Add((path, reader.TokenType == JsonTokenType.StartArray, 0));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    stack.RemoveAt(stack.Count - 1);
                    break;
                default:
                    map.TryAdd(Current(stack, property), line);
                    break;
            }
        }

        return map;
    }

    /// <summary>
    /// Finds every property that appears a second time in its object, with its JSON path, line and position
    /// (1-based), so that a duplicate is reported where it is. Stops quietly at the first syntax error.
    /// </summary>
    public static List<ValidationProblem> Duplicates(ReadOnlySpan<byte> json)
    {
        var found = new List<ValidationProblem>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        var stack = new List<(string Path, bool IsArray, int Next)>();
        var names = new List<Dictionary<string, long>?>();
        string? property = null;
        long line = 1;
        var scanned = 0;
        var lineStart = 0;
        try
        {
            while (reader.Read())
            {
                var start = (int)reader.TokenStartIndex;
                var skipped = json[scanned..start];
                var breaks = skipped.Count((byte)'\n');
                if (breaks > 0)
                {
                    line += breaks;
                    lineStart = scanned + skipped.LastIndexOf((byte)'\n') + 1;
                }

                scanned = start;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = reader.GetString();
                        var path = stack[^1].Path + "." + property;
                        if (!names[^1]!.TryAdd(property!, line))
                        {
                            var position = (start - lineStart + 1).ToString(CultureInfo.InvariantCulture);
                            found.Add(new ValidationProblem(path, string.Create(CultureInfo.InvariantCulture, $"appears a second time at line {line}, position {position} (first at line {names[^1]![property!]}); allowed: each property once per object."), line));
                        }

                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        stack.Add((Current(stack, property), reader.TokenType == JsonTokenType.StartArray, 0));
                        names.Add(reader.TokenType == JsonTokenType.StartObject ? new Dictionary<string, long>(StringComparer.Ordinal) : null);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        stack.RemoveAt(stack.Count - 1);
                        names.RemoveAt(names.Count - 1);
                        break;
                    default:
                        Current(stack, property);
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // A syntax error or undecodable text is reported by the parser and the readers themselves.
        }

        return found;
    }

    /// <summary>Adds the line of each problem's path (or of its nearest parent that has one).</summary>
    public static IReadOnlyList<ValidationProblem> WithLines(IReadOnlyList<ValidationProblem> problems, ReadOnlySpan<byte> json)
    {
        Dictionary<string, long> map;
        try
        {
            map = Build(json);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return problems;
        }

        return problems.Select(p => p.LineNumber is not null ? p : p with { LineNumber = Find(map, p.Path) }).ToArray();
    }

    private static long? Find(Dictionary<string, long> map, string path)
    {
        while (path.Length > 0)
        {
            if (map.TryGetValue(path, out var line))
            {
                return line;
            }

            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            path = cut > 0 ? path[..cut] : string.Empty;
        }

        return null;
    }

    private static string Current(List<(string Path, bool IsArray, int Next)> stack, string? property)
    {
        if (stack.Count == 0)
        {
            return "$";
        }

        var top = stack[^1];
        if (!top.IsArray)
        {
            return top.Path + "." + property;
        }

        stack[^1] = top with { Next = top.Next + 1 };
        return top.Path + "[" + top.Next.ToString(CultureInfo.InvariantCulture) + "]";
    }
}
