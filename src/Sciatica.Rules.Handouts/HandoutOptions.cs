namespace Sciatica.Rules.Handouts;

/// <summary>
/// How a handout is printed and what the clinic writes on it: language, paper size, the person's name, the date, the
/// clinician and the clinic's phone number (blank lines to fill in by hand when not given), whether the person is
/// pregnant (adds the pregnancy warning signs), and for a review the plan it adjusts (so that exercises keep the
/// plan's numbers).
/// </summary>
public sealed record HandoutOptions
{
    /// <summary>Gets the language, a code of <see cref="HandoutLanguages.All"/>.</summary>
    /// <value>The default value is <see cref="HandoutLanguages.English"/>.</value>
    public string Language { get; init; } = HandoutLanguages.English;

    /// <summary>Gets the paper size; <see cref="PaperSize.Unspecified"/> takes it from <see cref="Culture"/> (see <see cref="PaperFor"/>).</summary>
    /// <value>The default value is <see cref="PaperSize.Unspecified"/>: A4 unless <see cref="Culture"/> names a country that prints on US Letter.</value>
    public PaperSize Paper { get; init; }

    /// <summary>Gets the host's culture name (for example <c>en-US</c> or <c>de-DE</c>), used only to choose the paper size when <see cref="Paper"/> is unspecified; never the machine's culture.</summary>
    /// <value>The default value is <see langword="null"/> (A4).</value>
    public string? Culture { get; init; }

    /// <summary>Gets the person's name, printed at the top; <see langword="null"/> prints a line to write it on.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? PatientName { get; init; }

    /// <summary>Gets the date of the handout; <see langword="null"/> prints a line to write it on (the renderer never reads the clock).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public DateOnly? Date { get; init; }

    /// <summary>Gets the clinician's name; <see langword="null"/> prints a line to write it on.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Clinician { get; init; }

    /// <summary>Gets the clinic's phone number; <see langword="null"/> prints a line to write it on.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? ClinicPhone { get; init; }

    /// <summary>
    /// Gets which leg the sciatica is in (pass <see cref="PatientProfile.AffectedSide"/>): printed in the "leg affected"
    /// field, and named in the dose of an exercise done with the affected leg only (both legs: each leg in turn).
    /// </summary>
    /// <value>The default value is <see langword="null"/>: a line to fill in, and "the affected leg" in such a dose.</value>
    public AffectedSide? AffectedSide { get; init; }

    /// <summary>Gets whether the person is pregnant: the handout then lists the pregnancy warning signs that stop exercise [ACOG].</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool Pregnant { get; init; }

    /// <summary>Gets, for a review, the decision whose plan it adjusts: exercises then keep the plan's numbers. Ignored for a decision.</summary>
    /// <value>The default value is <see langword="null"/>: a review numbers its exercises in its own order.</value>
    public ProgramDecision? Plan { get; init; }

    /// <summary>The paper size a culture prints on: US Letter for the countries that use it, A4 for every other or no culture.</summary>
    /// <param name="culture">A culture name such as <c>en-US</c>, <c>es_MX</c> or <c>en-Latn-CA</c>; its region decides. Read as text, never through the machine's culture data.</param>
    /// <returns><see cref="PaperSize.Letter"/> for Belize, Canada, Chile, Colombia, Costa Rica, Guatemala, Mexico, Nicaragua, Panama, the Philippines, Puerto Rico, El Salvador, the United States and Venezuela; otherwise <see cref="PaperSize.A4"/>.</returns>
    public static PaperSize PaperFor(string? culture)
    {
        if (string.IsNullOrEmpty(culture))
        {
            return PaperSize.A4;
        }

        foreach (var part in culture.Split('-', '_'))
        {
            if (part.Length == 2 && char.IsAsciiLetterUpper(part[0]) && char.IsAsciiLetterUpper(part[1]) && LetterRegions.Contains(part))
            {
                return PaperSize.Letter;
            }
        }

        return PaperSize.A4;
    }

    /// <summary>The paper these options print on.</summary>
    internal PaperSize ResolvedPaper => Paper switch
    {
        PaperSize.A4 or PaperSize.Letter => Paper,
        PaperSize.Unspecified => PaperFor(Culture),
        _ => throw new ArgumentOutOfRangeException(nameof(Paper), Paper, "allowed values: a4, letter (or unspecified: from the culture)."),
    };

    /// <summary>Regions that print on US Letter (CLDR's paper size data).</summary>
    private static readonly HashSet<string> LetterRegions = new(StringComparer.Ordinal) { "BZ", "CA", "CL", "CO", "CR", "GT", "MX", "NI", "PA", "PH", "PR", "SV", "US", "VE" };
}

/// <summary>The paper a handout is printed on.</summary>
public enum PaperSize
{
    /// <summary>Not chosen: from the culture (<see cref="HandoutOptions.PaperFor"/>), A4 without one.</summary>
    Unspecified = 0,

    /// <summary>ISO A4, 210 x 297 mm.</summary>
    A4 = 1,

    /// <summary>US Letter, 8.5 x 11 inches.</summary>
    Letter = 2,
}
