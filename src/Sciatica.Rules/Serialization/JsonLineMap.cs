using System.Globalization;
using System.Text.Json;

namespace Sciatica.Rules;

/// <summary>
/// Finds where problems are in a document: the line of each problem's path. It walks the bytes once and never builds
/// the path of a token it does not report, so its work is linear in the document however long its names and arrays
/// are.
/// </summary>
internal static class JsonLineMap
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 64 };

    /// <summary>
    /// Adds the line of each problem's path (or of its nearest parent that has one). Only the paths of the problems
    /// are looked for: each token is compared with the (at most 101) problem paths still matching at its depth.
    /// </summary>
    public static IReadOnlyList<ValidationProblem> WithLines(IReadOnlyList<ValidationProblem> problems, ReadOnlySpan<byte> json)
    {
        var wanted = problems.Where(p => p.LineNumber is null && p.Path.StartsWith('$')).Select(p => p.Path).Distinct(StringComparer.Ordinal).ToArray();
        if (wanted.Length == 0)
        {
            return problems;
        }

        var found = new long[wanted.Length];
        var depthFound = new int[wanted.Length];
        Array.Fill(depthFound, -1);
        var reader = new Utf8JsonReader(json, Options);
        var lines = new LineCounter();
        // Each frame holds the problem paths (index and matched length) that lead into the container being read.
        var stack = new List<(bool IsArray, int Next, List<(int Path, int Matched)> Leads)>();
        List<(int Path, int Matched)>? pending = null;
        try
        {
            while (reader.Read())
            {
                lines.MoveTo(json, (int)reader.TokenStartIndex);
                List<(int Path, int Matched)> here;
                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    stack.RemoveAt(stack.Count - 1);
                    continue;
                }

                if (stack.Count == 0)
                {
                    here = [.. Enumerable.Range(0, wanted.Length).Select(i => (i, 1))];
                }
                else if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    pending = Follow(wanted, stack[^1].Leads, JsonPaths.Shortened(reader.GetString()!), index: -1);
                    Record(pending, stack.Count, lines.Line, wanted, found, depthFound);
                    continue;
                }
                else if (stack[^1].IsArray)
                {
                    var top = stack[^1];
                    stack[^1] = top with { Next = top.Next + 1 };
                    here = top.Leads.Count == 0 ? top.Leads : Follow(wanted, top.Leads, null, top.Next);
                }
                else
                {
                    here = pending ?? [];
                }

                Record(here, stack.Count, lines.Line, wanted, found, depthFound);
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    stack.Add((reader.TokenType == JsonTokenType.StartArray, 0, here));
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Lines found so far are kept; the rest of the problems stay without one.
        }

        var lineOf = wanted.Select((path, i) => (path, i)).Where(x => depthFound[x.i] >= 0).ToDictionary(x => x.path, x => found[x.i], StringComparer.Ordinal);
        return [.. problems.Select(p => p.LineNumber is null && lineOf.TryGetValue(p.Path, out var line) ? p with { LineNumber = line } : p)];
    }

    /// <summary>The problem paths that continue with the segment <c>.name</c> (or <c>[index]</c>), with their new matched lengths.</summary>
    private static List<(int Path, int Matched)> Follow(string[] wanted, List<(int Path, int Matched)> leads, string? name, int index)
    {
        var next = new List<(int Path, int Matched)>();
        Span<char> digits = stackalloc char[12];
        foreach (var (path, matched) in leads)
        {
            var rest = wanted[path].AsSpan(matched);
            int length;
            if (name is not null)
            {
                length = rest.Length > name.Length && rest[0] == '.' && rest[1..].StartsWith(name, StringComparison.Ordinal) ? name.Length + 1 : 0;
            }
            else
            {
                index.TryFormat(digits, out var written, provider: CultureInfo.InvariantCulture);
                length = rest.Length >= written + 2 && rest[0] == '[' && rest[1..].StartsWith(digits[..written]) && rest[written + 1] == ']' ? written + 2 : 0;
            }

            if (length > 0 && (rest.Length == length || rest[length] is '.' or '['))
            {
                next.Add((path, matched + length));
            }
        }

        return next;
    }

    /// <summary>Keeps, for each problem path, the line of the deepest part of it seen so far (its first occurrence).</summary>
    private static void Record(List<(int Path, int Matched)> here, int depth, long line, string[] wanted, long[] found, int[] depthFound)
    {
        foreach (var (path, _) in here)
        {
            if (depth > depthFound[path])
            {
                depthFound[path] = depth;
                found[path] = line;
            }
        }
    }

    /// <summary>Counts lines up to each token, scanning each byte once.</summary>
    private struct LineCounter
    {
        private int scanned;

        public LineCounter() => Line = 1;

        public long Line { get; private set; }

        public void MoveTo(ReadOnlySpan<byte> json, int start)
        {
            var skipped = json[scanned..start];
            Line += skipped.Count((byte)'\n');
            scanned = start;
        }
    }
}
