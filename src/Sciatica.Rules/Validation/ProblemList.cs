using System.Text.RegularExpressions;

namespace Sciatica.Rules;

/// <summary>Collects validation problems so that every problem is reported at once.</summary>
internal sealed partial class ProblemList
{
    /// <summary>The most problems one report lists; the rest are counted, so a hostile document cannot grow the report.</summary>
    public const int MaximumReported = 100;

    /// <summary>The longest path or message kept, in characters.</summary>
    public const int MaximumTextLength = 2000;

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

        problems.Add(new ValidationProblem(Bounded(path), Bounded(message), line));
    }

    /// <summary>Cuts a text to <see cref="MaximumTextLength"/> characters, saying so.</summary>
    public static string Bounded(string text) =>
        text.Length <= MaximumTextLength ? text : string.Concat(text.AsSpan(0, MaximumTextLength), "... (cut)");

    /// <summary>Gets the problems to report: the listed ones, and a last one counting those left out.</summary>
    public IReadOnlyList<ValidationProblem> Report() =>
        omitted == 0
            ? problems.ToArray()
            : [.. problems, new ValidationProblem("$", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"and {omitted} more problems, not listed: at most {MaximumReported} are reported."))];

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

    /// <summary>Reports an id seen before in the same list; <paramref name="noun"/> says what kind of id (for example "rule").</summary>
    public void RequireUniqueId(string path, string? id, HashSet<string> seen, string noun)
    {
        if (id is not null && !seen.Add(id))
        {
            Add(path, $"duplicate {noun} id '{id}': each id must appear once.");
        }
    }

    /// <summary>Gets or sets the source ids a catalog document declares, accepted beside the built-in ones.</summary>
    public IReadOnlySet<string>? DeclaredSources { get; set; }

    public void RequireSource(string path, string? value)
    {
        if (!Catalogs.ClinicalSources.IsKnown(value) && !(value is not null && DeclaredSources?.Contains(value) == true))
        {
            Add(path, "must be a known clinical source id; allowed values: " + string.Join(", ", Catalogs.ClinicalSources.All.Concat(DeclaredSources?.Order(StringComparer.Ordinal) ?? Enumerable.Empty<string>())) + " (a catalog may declare its own in \"sources\").");
        }
    }

    public void ThrowIfAny(string subject)
    {
        if (problems.Count > 0)
        {
            throw new SciaticaValidationException(subject, Report());
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
