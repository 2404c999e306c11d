using System.Globalization;
using System.Text;

namespace Sciatica.Rules;

/// <summary>
/// Which characters of catalog, override and input text may not reach a reader as they are: control characters (C0, DEL,
/// C1: a terminal reads ESC and BEL as commands), format characters (the bidirectional overrides and isolates U+202A-U+202E
/// and U+2066-U+2069, which reorder what is shown, and other invisible marks), lone surrogates, private-use and unassigned
/// code points. Each output removes them or shows them visibly; <see cref="MarkdownText"/> and HTML remove them.
/// </summary>
internal static class DisplayText
{
    /// <summary>Gets whether a character is a line or paragraph break (LF, CR, tab, U+2028, U+2029): shown as a space inline.</summary>
    public static bool IsLineBreak(Rune rune) =>
        rune.Value is '\n' or '\r' or '\t' || Rune.GetUnicodeCategory(rune) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary>Gets whether a character is invisible or a command: control, format (bidi), surrogate, private use or unassigned.</summary>
    public static bool IsInvisible(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;

    /// <summary>
    /// The text without invisible characters (<see cref="IsInvisible"/>); line breaks are kept when <paramref name="keepLineBreaks"/>,
    /// spaces otherwise. A lone surrogate is removed (it is read as U+FFFD, which is then kept).
    /// </summary>
    public static string WithoutInvisible(string? text, bool keepLineBreaks = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (IsClean(text))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used) != System.Buffers.OperationStatus.Done)
            {
                i += Math.Max(used, 1);
                continue;
            }

            i += used;
            if (IsLineBreak(rune))
            {
                clean.Append(keepLineBreaks && rune.Value == '\n' ? "\n" : " ");
            }
            else if (!IsInvisible(rune))
            {
                clean.Append(rune.ToString());
            }
        }

        return clean.ToString();
    }

    private static bool IsClean(string text)
    {
        foreach (var c in text)
        {
            if (c < ' ' || c >= 0x7F)
            {
                return false;
            }
        }

        return true;
    }
}
