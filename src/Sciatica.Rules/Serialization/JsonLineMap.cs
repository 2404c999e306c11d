using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Sciatica.Rules;

/// <summary>
/// Finds where problems are in a document: the line of each problem's path, and every repeated property. Both walk
/// the bytes once and never build the path of a token they do not report, so their work is linear in the document
/// however long its names and arrays are (a path is built only for a problem, and cut to a bounded length).
/// </summary>
internal static class JsonLineMap
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 64 };

    /// <summary>
    /// Finds every property that appears a second time in its object, with its JSON path, line and position
    /// (1-based), so that a duplicate is reported where it is. Stops quietly at the first syntax error. At most
    /// <see cref="ProblemList.MaximumReported"/> are listed; the rest are counted.
    /// </summary>
    public static ProblemList Duplicates(ReadOnlySpan<byte> json)
    {
        var found = new ProblemList();
        var reader = new Utf8JsonReader(json, Options);
        var stack = new List<Frame>();
        var lines = new LineCounter();
        try
        {
            while (reader.Read())
            {
                var start = (int)reader.TokenStartIndex;
                lines.MoveTo(json, start);
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var top = stack[^1];
                        top.Name = reader.GetString();
                        top.Names ??= new Dictionary<string, long>(StringComparer.Ordinal);
                        if (!top.Names.TryAdd(top.Name!, lines.Line))
                        {
                            if (found.IsFull)
                            {
                                found.CountOmitted();
                                break;
                            }

                            var position = (start - lines.LineStart + 1).ToString(CultureInfo.InvariantCulture);
                            found.Add(PathOf(stack), string.Create(CultureInfo.InvariantCulture, $"appears a second time at line {lines.Line}, position {position} (first at line {top.Names[top.Name!]}); allowed: each property once per object."), lines.Line);
                        }

                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        Advance(stack);
                        stack.Add(new Frame { IsArray = reader.TokenType == JsonTokenType.StartArray });
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        stack.RemoveAt(stack.Count - 1);
                        break;
                    default:
                        Advance(stack);
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
                    pending = Follow(wanted, stack[^1].Leads, JsonElementReader.Shortened(reader.GetString()!), index: -1);
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
                length = rest.Length > name.Length && rest[0] == '.' && rest[1..].StartsWith(name, StringComparison.Ordinal) ? name.Length + 1 : -1;
            }
            else
            {
                index.TryFormat(digits, out var written, provider: CultureInfo.InvariantCulture);
                length = rest.Length >= written + 2 && rest[0] == '[' && rest[1..].StartsWith(digits[..written]) && rest[written + 1] == ']' ? written + 2 : -1;
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

    private static void Advance(List<Frame> stack)
    {
        if (stack.Count > 0 && stack[^1].IsArray)
        {
            stack[^1].Next++;
        }
    }

    /// <summary>The path of the current property, built only when a problem is reported there, and cut to a bounded length.</summary>
    private static string PathOf(List<Frame> stack)
    {
        var path = new StringBuilder("$");
        foreach (var frame in stack)
        {
            if (path.Length > ProblemList.MaximumPathLength)
            {
                break;
            }

            if (frame.IsArray)
            {
                path.Append('[').Append((frame.Next - 1).ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                path.Append('.').Append(JsonElementReader.Shortened(frame.Name ?? string.Empty));
            }
        }

        return path.ToString();
    }

    private sealed class Frame
    {
        public bool IsArray { get; init; }

        /// <summary>For an array: the number of items started so far (so the current item is <c>Next - 1</c>).</summary>
        public int Next { get; set; }

        /// <summary>For an object: the current property's name.</summary>
        public string? Name { get; set; }

        /// <summary>For an object: the names seen, with their lines; made at the first name.</summary>
        public Dictionary<string, long>? Names { get; set; }
    }

    /// <summary>Counts lines up to each token, scanning each byte once.</summary>
    private struct LineCounter
    {
        private int scanned;

        public LineCounter() => Line = 1;

        public long Line { get; private set; }

        public int LineStart { get; private set; }

        public void MoveTo(ReadOnlySpan<byte> json, int start)
        {
            var skipped = json[scanned..start];
            var breaks = skipped.Count((byte)'\n');
            if (breaks > 0)
            {
                Line += breaks;
                LineStart = scanned + skipped.LastIndexOf((byte)'\n') + 1;
            }

            scanned = start;
        }
    }
}
