using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Sciatica.Rules.Handouts;

/// <summary>
/// The patient-facing sentences of a handout in one language, read from the package's resources
/// (Resources/Texts.resx for English, Resources/Texts.{language}.resx for each translation). A sentence the language
/// lacks falls back to English, marked <c>lang="en"</c> in the document and listed in
/// <see cref="Handout.UntranslatedTexts"/>: never silently.
/// </summary>
/// <remarks>
/// Catalog content (exercise names and steps, the rationales of rules) is English in the catalog itself; a translation
/// stores the English it was made from beside it (<c>key.en</c>) and is used only while that English is unchanged, so
/// that a tightened threshold or an edited step can never be shown in an outdated translation.
/// </remarks>
internal sealed class Texts
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> Loaded = new(StringComparer.Ordinal)
    {
        [HandoutLanguages.English] = Load(HandoutLanguages.English),
        [HandoutLanguages.German] = Load(HandoutLanguages.German),
    };

    private readonly IReadOnlyDictionary<string, string> own;
    private readonly IReadOnlyDictionary<string, string> english;
    private readonly SortedSet<string> untranslated = new(StringComparer.Ordinal);

    public Texts(string language)
    {
        Language = language;
        own = Loaded[language];
        english = Loaded[HandoutLanguages.English];
    }

    /// <summary>Gets the language of the document.</summary>
    public string Language { get; }

    /// <summary>Gets the keys of the sentences that fell back to English.</summary>
    public IReadOnlyCollection<string> Untranslated => untranslated;

    /// <summary>Gets the sentences of one language as read from the resources.</summary>
    public static IReadOnlyDictionary<string, string> Of(string language) => Loaded[language];

    /// <summary>A sentence of the handout, with <c>{0}</c>-style arguments, as HTML.</summary>
    public MarkupString this[string key, params object[] arguments] => Markup(Lookup(key), arguments);

    /// <summary>A sentence of the handout as plain text (for attributes), with its arguments.</summary>
    public string Plain(string key, params object[] arguments)
    {
        var (text, _) = Lookup(key);
        return DisplayText.WithoutInvisible(arguments.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, arguments));
    }

    /// <summary>
    /// Catalog content: the translation of <paramref name="englishText"/> stored under <paramref name="key"/>, used only
    /// while it was made from that same English; otherwise the English itself, marked.
    /// </summary>
    public MarkupString Content(string key, string englishText) => Markup(LookupContent(key, englishText), []);

    /// <summary>Plain-text form of <see cref="Content"/>, for attributes; the fallback is still listed.</summary>
    public string PlainContent(string key, string englishText) => DisplayText.WithoutInvisible(LookupContent(key, englishText).Text);

    /// <summary>The translation of catalog content while it was made from the same English; otherwise the English, listed.</summary>
    private (string Text, bool Fallback) LookupContent(string key, string englishText)
    {
        if (Language == HandoutLanguages.English)
        {
            return (englishText, false);
        }

        if (own.TryGetValue(key, out var translated) && own.TryGetValue(key + ".en", out var source) && source == englishText)
        {
            return (translated, false);
        }

        untranslated.Add(key);
        return (englishText, true);
    }

    private (string Text, bool Fallback) Lookup(string key)
    {
        if (own.TryGetValue(key, out var text))
        {
            return (text, false);
        }

        untranslated.Add(key);
        return english.TryGetValue(key, out var fallback)
            ? (fallback, true)
            : throw new InvalidOperationException($"The handout text '{key}' is missing from the English resources.");
    }

    private static MarkupString Markup((string Text, bool Fallback) text, object[] arguments)
    {
        // Catalog text may carry controls and bidirectional overrides: removed before encoding, since an encoded
        // override (&#x202E;) still reorders what the reader sees.
        var encoded = Encoder.Encode(DisplayText.WithoutInvisible(arguments.Length == 0 ? text.Text : string.Format(CultureInfo.InvariantCulture, text.Text, arguments), keepLineBreaks: true));
        return new(text.Fallback ? $"<span lang=\"en\" class=\"untranslated\">{encoded}</span>" : encoded);
    }

    private static Dictionary<string, string> Load(string language)
    {
        var name = $"Sciatica.Rules.Handouts.Texts.{language}.resources";
        using var stream = typeof(Texts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The handout resources '{name}' are missing from the assembly.");
        using var reader = new ResourceReader(stream);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in reader)
        {
            texts.Add((string)entry.Key, (string)entry.Value!);
        }

        return texts;
    }
}
