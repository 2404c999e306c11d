using System.Text.RegularExpressions;

namespace Sciatica.Rules;

/// <summary>Collects validation problems so that every problem is reported at once.</summary>
internal sealed partial class ProblemList
{
    /// <summary>The most problems one report lists; the rest are counted, so a hostile document cannot grow the report.</summary>
    public const int MaximumReported = 100;

    /// <summary>The longest message kept, in characters.</summary>
    public const int MaximumMessageLength = 300;

    /// <summary>The longest path kept, in characters.</summary>
    public const int MaximumPathLength = 200;

    /// <summary>The longest piece of input (a value or a name) quoted in a path or message, in characters, ellipsis included.</summary>
    public const int MaximumEchoLength = 80;

    private readonly List<ValidationProblem> problems = [];
    private int omitted;

    /// <summary>Gets the number of problems found, listed or not.</summary>
    public int Count => problems.Count + omitted;

    public IReadOnlyList<ValidationProblem> Items => problems;

    /// <summary>Gets whether the report is full: further problems are only counted, so callers need not build their messages.</summary>
    public bool IsFull => problems.Count >= MaximumReported;

    /// <summary>Counts a problem without building its message (the report is full).</summary>
    public void CountOmitted() => omitted++;

    public void Add(string path, string message, long? line = null)
    {
        if (problems.Count >= MaximumReported)
        {
            omitted++;
            return;
        }

        problems.Add(Bounded(new ValidationProblem(path, message, line)));
    }

    /// <summary>Cuts a problem's path and message to their bounds.</summary>
    public static ValidationProblem Bounded(ValidationProblem problem) =>
        problem.Path.Length <= MaximumPathLength && problem.Message.Length <= MaximumMessageLength
            ? problem
            : problem with { Path = Bounded(problem.Path, MaximumPathLength), Message = Bounded(problem.Message, MaximumMessageLength) };

    /// <summary>
    /// Cuts a text to at most <paramref name="maximum"/> characters, the last three an ellipsis ("...") when cut; a
    /// surrogate pair is never split.
    /// </summary>
    public static string Bounded(string text, int maximum = MaximumMessageLength)
    {
        if (text.Length <= maximum)
        {
            return text;
        }

        var keep = maximum - 3;
        if (char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return string.Concat(text.AsSpan(0, keep), "...");
    }

    /// <summary>
    /// Lists allowed values within <paramref name="budget"/> characters: as many as fit, then how many more there are,
    /// so that a message about a catalog of thousands of ids stays within <see cref="MaximumMessageLength"/>.
    /// </summary>
    public static string Listed(IEnumerable<string> values, int budget)
    {
        var all = values.ToList();
        var text = new System.Text.StringBuilder();
        var shown = 0;
        foreach (var value in all)
        {
            var more = all.Count - shown - 1;
            var tail = more > 0 ? 16 : 0;
            if (text.Length + value.Length + 2 + tail > budget && shown > 0)
            {
                break;
            }

            text.Append(shown == 0 ? string.Empty : ", ").Append(Echo(value));
            shown++;
        }

        return shown < all.Count
            ? text.Append(System.Globalization.CultureInfo.InvariantCulture, $" and {all.Count - shown} more").ToString()
            : text.ToString();
    }

    /// <summary>
    /// A message that ends with a list of allowed values, whole within <see cref="MaximumMessageLength"/>: as many values
    /// as fit, how many more there are and where all are listed, then <paramref name="tail"/>, so the message is never cut
    /// and what comes after the list is never lost.
    /// </summary>
    public static string ListedWithin(string head, IEnumerable<string> values, string tail)
    {
        const string Every = " (all in docs/contract.md)";
        return head + Listed(values, MaximumMessageLength - head.Length - Every.Length - tail.Length) + Every + tail;
    }

    /// <summary>Cuts a piece of input quoted in a report to <see cref="MaximumEchoLength"/> characters, ellipsis included.</summary>
    public static string Echo(string? text) => Bounded(text ?? string.Empty, MaximumEchoLength);

    /// <summary>Gets the problems to report: the listed ones, and a last one counting those left out.</summary>
    public IReadOnlyList<ValidationProblem> Report() =>
        omitted == 0
            ? problems.ToArray()
            : [.. problems, new ValidationProblem("$", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"and {omitted} more problems, not listed{SummaryEnd}"))];

    private const string SummaryEnd = ": at most 100 are reported.";

    /// <summary>Gets whether a problem is the last one of a full report, counting those left out.</summary>
    public static bool IsSummary(ValidationProblem problem) =>
        problem.Path == "$" && problem.Message.StartsWith("and ", StringComparison.Ordinal) && problem.Message.EndsWith(SummaryEnd, StringComparison.Ordinal);

    public void RequireText(string path, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(path, "must be a non-empty text.");
        }
    }

    public void RequireId(string path, string? value)
    {
        if (value is null || !IdPattern().IsMatch(value))
        {
            Add(path, "must be a lower-case kebab-case id such as 'knee-to-chest' (letters a-z, digits and single hyphens).");
        }
    }

    /// <summary>The longest catalog version accepted, in characters.</summary>
    public const int MaximumVersionLength = 64;

    /// <summary>
    /// Requires a catalog version that is safe wherever it lands (the rule-set version <c>name/version+hash</c>, FHIR
    /// canonicals <c>url|version</c>, file names, terminals): letters, digits, and single dots or hyphens between them, at
    /// most <see cref="MaximumVersionLength"/> characters. Markup, spaces, <c>|</c>, <c>/</c> and <c>+</c> are refused.
    /// </summary>
    public void RequireVersion(string path, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(path, "must be a non-empty text.");
        }
        else if (value.Length > MaximumVersionLength || !VersionPattern().IsMatch(value))
        {
            Add(path, $"is '{Echo(value)}'; a catalog version is letters, digits and single dots or hyphens between them (such as 2026.12 or 1.0.0-rc.1), at most {MaximumVersionLength} characters: no markup, spaces, '|', '/' or '+', because it is part of the rule-set version and of FHIR canonical URLs.");
        }
    }

    /// <summary>Reports an id seen before in the same list; <paramref name="noun"/> says what kind of id (for example "rule").</summary>
    public void RequireUniqueId(string path, string? id, HashSet<string> seen, string noun)
    {
        if (id is not null && !seen.Add(id))
        {
            Add(path, $"duplicate {noun} id '{Echo(id)}': each id must appear once.");
        }
    }

    /// <summary>Gets or sets the source ids a catalog document declares, accepted beside the built-in ones.</summary>
    public IReadOnlySet<string>? DeclaredSources { get; set; }

    public void ThrowIfAny(string subject)
    {
        if (problems.Count > 0)
        {
            throw new SciaticaValidationException(subject, Report());
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z0-9]+([.-][A-Za-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
