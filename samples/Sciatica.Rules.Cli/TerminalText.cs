using System.Globalization;
using System.Text;

namespace Sciatica.Rules.Cli;

/// <summary>
/// Text made safe for a terminal: a catalog, an override or an input may carry ESC sequences (window title, clear screen),
/// BEL, other C0 and C1 controls, and bidirectional overrides (U+202A-U+202E, U+2066-U+2069) that reorder what is shown.
/// Each such character is shown visibly as <c>&lt;U+001B&gt;</c>, so that a reader sees something was there and a terminal
/// acts on none of it.
/// </summary>
internal static class TerminalText
{
    /// <summary>One piece of text inside a line: every control, line break included, is shown visibly.</summary>
    public static string Inline(string? text) => Visible(text, keepLineBreaks: false);

    /// <summary>A whole report or message: its own line feeds stay; every other control is shown visibly.</summary>
    public static string Lines(string? text) => Visible(text, keepLineBreaks: true);

    private static string Visible(string? text, bool keepLineBreaks)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (IsPlain(text, keepLineBreaks))
        {
            return text;
        }

        var visible = new StringBuilder(text.Length + 16);
        foreach (var rune in text.EnumerateRunes())
        {
            if (keepLineBreaks && rune.Value == '\n')
            {
                visible.Append('\n');
            }
            else if (rune.Value == '\t')
            {
                visible.Append(' ');
            }
            else if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
            {
                visible.Append(CultureInfo.InvariantCulture, $"<U+{rune.Value:X4}>");
            }
            else
            {
                visible.Append(rune.ToString());
            }
        }

        return visible.ToString();
    }

    private static bool IsPlain(string text, bool keepLineBreaks)
    {
        foreach (var c in text)
        {
            if ((c < ' ' && !(keepLineBreaks && c == '\n')) || c >= 0x7F)
            {
                return false;
            }
        }

        return true;
    }
}
