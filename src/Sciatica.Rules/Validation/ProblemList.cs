using System.Text.RegularExpressions;

namespace Sciatica.Rules;

/// <summary>Collects validation problems so that every problem is reported at once.</summary>
internal sealed partial class ProblemList
{
    private readonly List<ValidationProblem> problems = [];

    public int Count => problems.Count;

    public IReadOnlyList<ValidationProblem> Items => problems;

    public void Add(string path, string message, long? line = null) => problems.Add(new ValidationProblem(path, message, line));

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

    public void RequireSource(string path, string? value)
    {
        if (!Catalogs.ClinicalSources.IsKnown(value))
        {
            Add(path, "must be a known clinical source id; allowed values: " + string.Join(", ", Catalogs.ClinicalSources.All) + ".");
        }
    }

    public void ThrowIfAny(string subject)
    {
        if (problems.Count > 0)
        {
            throw new SciaticaValidationException(subject, problems.ToArray());
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
