using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Sciatica.Rules.Tests.Serialization;

/// <summary>
/// Pins what <see cref="ContractEncoder"/>'s two scans answer, called directly (a writer hides a wrong answer that
/// only starts escaping early): the index of the first character to escape, or -1, for texts of every length from 0
/// to 80 with a character to escape at every place or nowhere, with and without a non-ASCII character the encoder
/// leaves alone before it, each text in the middle of a longer buffer of plain characters so that reading before its
/// start or past its end shows. The reference is the rule written out naively: printable ASCII but <c>"</c> and
/// <c>\</c> is plain, the test's other characters are escaped or not as the relaxed encoder says (checked first).
/// Written from the mutants the Serialization mutation run (part BC) left alive in ContractEncoder.cs.
/// </summary>
public sealed class ContractEncoderScanTests
{
    /// <summary>Characters the encoder escapes: ASCII ones and two non-ASCII ones the relaxed encoder escapes.</summary>
    private static readonly char[] Escaped = ['"', '\\', '\n', '\0', '\u001F', '\u007F', '\u0085', '\u2028'];

    /// <summary>Non-ASCII characters the encoder leaves as they are (handed to the relaxed encoder, which does).</summary>
    private static readonly char[] LeftAlone = ['é', '中'];

    /// <summary>Plain characters, among them the neighbours of space, tilde, quote and backslash.</summary>
    private const string Plain = " !#[]~aZ0";

    /// <summary>Plain characters before the text (the scan must not read them) and after it, then a quote, which a scan past the end would find.</summary>
    private const int Before = 96;

    private const int After = 24;

    private static readonly MethodInfo FindUtf16 = typeof(ContractEncoder).GetMethod(
        nameof(JavaScriptEncoder.FindFirstCharacterToEncode),
        [typeof(char).MakePointerType(), typeof(int)])!;

    [Fact]
    public void TheCharactersOfTheseTests_AreEscapedOrLeftAloneByTheRelaxedEncoder()
    {
        Assert.All(Escaped, c => Assert.True(JavaScriptEncoder.UnsafeRelaxedJsonEscaping.WillEncode(c), $"U+{(int)c:X4}"));
        Assert.All(LeftAlone, c => Assert.False(JavaScriptEncoder.UnsafeRelaxedJsonEscaping.WillEncode(c), $"U+{(int)c:X4}"));
        Assert.All(Plain, c => Assert.False(JavaScriptEncoder.UnsafeRelaxedJsonEscaping.WillEncode(c), $"U+{(int)c:X4}"));
    }

    [Fact]
    public void FindFirstCharacterToEncode_EveryLengthAndPlace_IsTheFirstEscapedCharacter()
    {
        foreach (var text in Texts())
        {
            var expected = Reference(text);
            Assert.True(expected == Utf16(text), $"UTF-16 '{Shown(text)}': expected {expected}, got {Utf16(text)}");
        }
    }

    [Fact]
    public void FindFirstCharacterToEncodeUtf8_EveryLengthAndPlace_IsTheFirstEscapedByte()
    {
        foreach (var text in Texts())
        {
            var reference = Reference(text);
            var expected = reference < 0 ? -1 : Encoding.UTF8.GetByteCount(text.AsSpan(0, reference));
            Assert.True(expected == Utf8(text), $"UTF-8 '{Shown(text)}': expected {expected}, got {Utf8(text)}");
        }
    }

    [Theory]
    [InlineData("", -1)]
    [InlineData("a", -1)]
    [InlineData("é", -1)]
    [InlineData("aé", -1)]
    [InlineData("abcdefghé", -1)]
    [InlineData("abcdefghijklmnopqé", -1)]
    [InlineData("aé\"", 2)]
    public void FindFirstCharacterToEncode_TextEndingInNonAscii_IsMinusOneOrTheEscapedIndex(string text, int expected)
    {
        Assert.Equal(expected, Utf16(text));
        Assert.Equal(expected < 0 ? -1 : Encoding.UTF8.GetByteCount(text.AsSpan(0, expected)), Utf8(text));
    }

    [Property(MaxTest = 300, QuietOnSuccess = true)]
    public Property AnyTextOfPlainEscapedAndNonAsciiCharacters_ScansAsTheReferenceSays() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.Frequency(
                    (12, Gen.Elements(Plain.ToCharArray())),
                    (1, Gen.Elements(Escaped)),
                    (1, Gen.Elements(LeftAlone))))
                .Select(chars => new string(chars))
                .ToArbitrary(),
            text =>
            {
                var expected = Reference(text);
                Assert.Equal(expected, Utf16(text));
                Assert.Equal(expected < 0 ? -1 : Encoding.UTF8.GetByteCount(text.AsSpan(0, expected)), Utf8(text));
            });

    /// <summary>Texts of 0 to 80 characters: no character to escape, or one at each place (a quote, and one of the others); and a character left alone at each place, with one to escape nowhere, right after it, or last.</summary>
    private static IEnumerable<string> Texts()
    {
        for (var length = 0; length <= 80; length++)
        {
            var plain = Enumerable.Range(0, length).Select(i => Plain[(i + length) % Plain.Length]).ToArray();
            yield return new string(plain);
            for (var at = 0; at < length; at++)
            {
                // A quote at every place, and each other character to escape in turn.
                yield return With(plain, (at, '"'));
                yield return With(plain, (at, Escaped[1 + ((at + length) % (Escaped.Length - 1))]));

                yield return With(plain, (at, LeftAlone[at % LeftAlone.Length]));
                if (at + 1 < length)
                {
                    yield return With(plain, (at, 'é'), (at + 1, '\\'), (length - 1, '"'));
                    yield return With(plain, (at, '中'), (length - 1, '\n'));
                }
            }
        }
    }

    private static string With(char[] plain, params (int At, char C)[] changes)
    {
        var text = (char[])plain.Clone();
        foreach (var (at, c) in changes)
        {
            text[at] = c;
        }

        return new string(text);
    }

    /// <summary>The rule, one character at a time: the index of the first character that is not plain ASCII and not one the relaxed encoder leaves alone.</summary>
    private static int Reference(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var plain = c is >= ' ' and <= '~' and not '"' and not '\\';
            if (!plain && !LeftAlone.Contains(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Calls the UTF-16 scan on the text placed inside a longer pinned buffer (through reflection: the tests compile without unsafe code).</summary>
    private static int Utf16(string text)
    {
        var buffer = (new string('a', Before) + text + new string('b', After) + "\"").ToCharArray();
        var pinned = GCHandle.Alloc(buffer, GCHandleType.Pinned);
        try
        {
            var start = pinned.AddrOfPinnedObject() + (Before * sizeof(char));
            return (int)FindUtf16.Invoke(ContractEncoder.Instance, [start, text.Length])!;
        }
        finally
        {
            pinned.Free();
        }
    }

    /// <summary>Calls the UTF-8 scan on the text as a slice of a longer buffer.</summary>
    private static int Utf8(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(new string('a', Before) + text + new string('b', After) + "\"");
        return ContractEncoder.Instance.FindFirstCharacterToEncodeUtf8(bytes.AsSpan(Before, Encoding.UTF8.GetByteCount(text)));
    }

    private static string Shown(string text) => string.Concat(text.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}"));
}
