using System.Globalization;
using System.Text;

namespace Sciatica.Rules.CdsHooks;

/// <summary>
/// Text from catalogs, rule sets and records made safe inside card markdown: every ASCII punctuation character is
/// backslash-escaped (CommonMark lets any of them be), so no link, image, HTML tag, entity, emphasis or list can start;
/// line breaks become spaces; control characters, bidirectional overrides and other invisible format characters are
/// removed; and the text is cut to a length a card can hold.
/// </summary>
internal static class MarkdownText
{
    public const int MaximumLength = 500;

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var escaped = new StringBuilder(Math.Min(text.Length, MaximumLength) + 16);
        var kept = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (kept == MaximumLength)
            {
                escaped.Append('…');
                break;
            }

            var category = Rune.GetUnicodeCategory(rune);
            if (rune.Value is '\n' or '\r' or '\t' || category is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                escaped.Append(' ');
            }
            else if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
            {
                continue;
            }
            else if (rune.IsAscii && char.IsAsciiLetterOrDigit((char)rune.Value) is false && rune.Value > ' ' && rune.Value < 0x7F)
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
