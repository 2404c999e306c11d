namespace Sciatica.Rules.Handouts;

/// <summary>The languages a handout is written in.</summary>
public static class HandoutLanguages
{
    /// <summary>English (<c>en</c>), complete: every sentence of the handout and the default catalog's own text.</summary>
    public const string English = "en";

    /// <summary>German (<c>de</c>), the worked example of a translation.</summary>
    public const string German = "de";

    /// <summary>Gets every supported language code, English first.</summary>
    public static IReadOnlyList<string> All { get; } = [English, German];

    /// <summary>Whether a language code is supported (exact, lower-case ISO 639-1 code).</summary>
    /// <param name="language">The language code.</param>
    /// <returns><see langword="true"/> for a code listed in <see cref="All"/>.</returns>
    public static bool IsSupported(string? language) => language is English or German;
}
