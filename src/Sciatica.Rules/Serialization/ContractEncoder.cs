using System.Text.Encodings.Web;

namespace Sciatica.Rules;

/// <summary>
/// The contract's JSON escaping: exactly <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>, which leaves
/// non-ASCII text readable, but without building that encoder for text it would leave alone anyway.
/// </summary>
/// <remarks>
/// The relaxed encoder builds its tables of allowed code points when first used, which cost a fresh process about
/// 15 ms before the first JSON string (docs/benchmarks.md, cold start). Decisions on the default catalog are plain
/// ASCII. This encoder answers "nothing to escape" itself for printable ASCII other than <c>"</c> and <c>\</c> (the
/// characters the relaxed encoder leaves as they are, checked over all of ASCII by a test) and hands everything
/// else, from the first other character on, to the relaxed encoder, which does all the escaping. A test compares
/// the two encoders' output over every UTF-16 code unit and on random text.
/// </remarks>
internal sealed class ContractEncoder : JavaScriptEncoder
{
    private ContractEncoder()
    {
    }

    /// <summary>The one instance.</summary>
    public static ContractEncoder Instance { get; } = new();

    /// <inheritdoc/>
    /// <remarks>Six, as for the relaxed encoder (<c>\uXXXX</c>); a test checks that the two agree.</remarks>
    public override int MaxOutputCharactersPerInputCharacter => 6;

    private static JavaScriptEncoder Relaxed => UnsafeRelaxedJsonEscaping;

    /// <inheritdoc/>
    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        var span = new ReadOnlySpan<char>(text, textLength);
        var plain = 0;
        while (plain < span.Length && IsPlain(span[plain]))
        {
            plain++;
        }

        if (plain == span.Length)
        {
            return -1;
        }

        fixed (char* rest = span[plain..])
        {
            var found = Relaxed.FindFirstCharacterToEncode(rest, span.Length - plain);
            return found < 0 ? -1 : plain + found;
        }
    }

    /// <inheritdoc/>
    public override int FindFirstCharacterToEncodeUtf8(ReadOnlySpan<byte> utf8Text)
    {
        var plain = 0;
        while (plain < utf8Text.Length && IsPlain((char)utf8Text[plain]))
        {
            plain++;
        }

        if (plain == utf8Text.Length)
        {
            return -1;
        }

        var found = Relaxed.FindFirstCharacterToEncodeUtf8(utf8Text[plain..]);
        return found < 0 ? -1 : plain + found;
    }

    /// <inheritdoc/>
    public override bool WillEncode(int unicodeScalar) => !(unicodeScalar < 0x80 && IsPlain((char)unicodeScalar)) && Relaxed.WillEncode(unicodeScalar);

    /// <inheritdoc/>
    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten) =>
        Relaxed.TryEncodeUnicodeScalar(unicodeScalar, buffer, bufferLength, out numberOfCharactersWritten);

    /// <inheritdoc/>
    public override System.Buffers.OperationStatus EncodeUtf8(ReadOnlySpan<byte> utf8Source, Span<byte> utf8Destination, out int bytesConsumed, out int bytesWritten, bool isFinalBlock = true) =>
        Relaxed.EncodeUtf8(utf8Source, utf8Destination, out bytesConsumed, out bytesWritten, isFinalBlock);

    /// <inheritdoc/>
    public override System.Buffers.OperationStatus Encode(ReadOnlySpan<char> source, Span<char> destination, out int charsConsumed, out int charsWritten, bool isFinalBlock = true) =>
        Relaxed.Encode(source, destination, out charsConsumed, out charsWritten, isFinalBlock);

    /// <inheritdoc/>
    public override string Encode(string value) => Relaxed.Encode(value);

    /// <inheritdoc/>
    public override void Encode(TextWriter output, string value, int startIndex, int characterCount) => Relaxed.Encode(output, value, startIndex, characterCount);

    /// <inheritdoc/>
    public override void Encode(TextWriter output, char[] value, int startIndex, int characterCount) => Relaxed.Encode(output, value, startIndex, characterCount);

    /// <summary>Printable ASCII that the relaxed encoder leaves as it is: everything from space to tilde but the quote and the backslash.</summary>
    private static bool IsPlain(char c) => c is >= ' ' and <= '~' and not '"' and not '\\';
}
