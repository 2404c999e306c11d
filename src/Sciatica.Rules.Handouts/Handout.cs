namespace Sciatica.Rules.Handouts;

/// <summary>A rendered handout.</summary>
/// <param name="Html">The self-contained HTML document.</param>
/// <param name="Language">The language it is written in (a code of <see cref="HandoutLanguages.All"/>).</param>
/// <param name="UntranslatedTexts">
/// The keys of the sentences that the language lacked and that are shown in English instead (marked <c>lang="en"</c>
/// in the document, and logged as a warning); empty when the handout is wholly in its language.
/// </param>
public sealed record Handout(string Html, string Language, IReadOnlyList<string> UntranslatedTexts);
