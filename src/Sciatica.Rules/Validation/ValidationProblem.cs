namespace Sciatica.Rules;

/// <summary>One problem found in a profile, catalog or rule set: where it is and what is wrong.</summary>
/// <param name="Path">Where the problem is, as a JSON path (for example <c>$.causes[1]</c> or <c>$.exercises[3].dosage.holdSeconds</c>).</param>
/// <param name="Message">What is wrong and which values are allowed.</param>
/// <param name="LineNumber">The 1-based line in the JSON text, when known; otherwise <see langword="null"/>.</param>
public sealed record ValidationProblem(string Path, string Message, long? LineNumber = null)
{
    /// <summary>Formats the problem as <c>path: message</c>, with the line when known.</summary>
    /// <returns>The formatted problem.</returns>
    public override string ToString() =>
        LineNumber is { } line
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Path} (line {line}): {Message}")
            : $"{Path}: {Message}";
}
