namespace Sciatica.Rules.Catalogs;

/// <summary>
/// One clinical source that rules and exercises cite: its short id (as shown in every decision), the
/// full citation a reader can look up, and what the project uses it for. The built-in sources are listed
/// in <see cref="ClinicalSources.BuiltIn"/> and in the repository's <c>docs/clinical-sources.md</c>; a catalog document
/// may declare its own in a <c>sources</c> section (see <see cref="RuleSet.DeclaredSources"/>).
/// </summary>
/// <param name="Id">The short id, in upper case (for example <c>NG59</c>).</param>
/// <param name="Citation">The full citation: authors or publisher, title, journal or series, year.</param>
/// <param name="Supports">What the rules take from the source, in the project's own words.</param>
public sealed record ClinicalSource(string Id, string Citation, string Supports)
{
    /// <summary>Gets a link to the source (an absolute http or https address), or <see langword="null"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Link { get; init; }
}
