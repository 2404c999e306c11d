using System.Text;

namespace Sciatica.Rules;

/// <summary>
/// Text from catalogs, rule sets, overrides and records made safe inside markdown (CDS Hooks cards, FHIR markdown fields):
/// every ASCII punctuation character is backslash-escaped (CommonMark lets any of them be), so no link, image, HTML tag,
/// entity, emphasis, list or autolink can start; line breaks become spaces; control characters, bidirectional overrides and
/// other invisible format characters are removed (<see cref="DisplayText.IsInvisible"/>); and the text is cut to a length
/// the place can hold. The one markdown escaper of the packages.
/// </summary>
internal static class MarkdownText
{
    /// <summary>The most characters a card keeps of one text (before escaping), an ellipsis after.</summary>
    public const int MaximumLength = 500;

    /// <summary>Escapes a text for a card, cut to <see cref="MaximumLength"/> characters.</summary>
    public static string Escape(string? text) => Escape(text, MaximumLength);

    /// <summary>Escapes a text, cut to <paramref name="maximumLength"/> characters (runes) with an ellipsis after.</summary>
    public static string Escape(string? text, int maximumLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var escaped = new StringBuilder(Math.Min(text.Length, maximumLength) + 16);
        var kept = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (kept == maximumLength)
            {
                escaped.Append('…');
                break;
            }

            if (DisplayText.IsLineBreak(rune))
            {
                escaped.Append(' ');
            }
            else if (DisplayText.IsInvisible(rune))
            {
                continue;
            }
            else if (rune.IsAscii && !char.IsAsciiLetterOrDigit((char)rune.Value) && rune.Value > ' ' && rune.Value < 0x7F)
            {
                escaped.Append('\\').Append((char)rune.Value);
            }
            else
            {
                escaped.Append(rune.ToString());
            }

            kept++;
        }

        return escaped.ToString();
    }
}
