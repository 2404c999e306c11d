using System.Numerics;
using System.Runtime.Intrinsics;
using System.Text.Encodings.Web;

namespace Sciatica.Rules;

/// <summary>
/// The contract's JSON escaping: exactly <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>, which leaves
/// non-ASCII text readable, but without building that encoder for text it would leave alone anyway.
/// </summary>
/// <remarks>
/// The relaxed encoder builds its tables of allowed code points when first used, which cost a fresh process about
/// 13 ms before the first JSON string (docs/benchmarks.md, cold start). Decisions on the default catalog are plain
/// ASCII. This encoder answers "nothing to escape" itself for printable ASCII other than <c>"</c> and <c>\</c> (the
/// characters the relaxed encoder leaves as they are, checked over all of ASCII by a test), a 128-bit vector at a
/// time where the hardware has them, and hands everything else, from the first other character on, to the relaxed
/// encoder, which does all the escaping. Tests compare the two encoders' output for every UTF-16 code unit at
/// places in and after a vector block, and on random text.
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
        var plain = PlainPrefix(text, textLength);
        if (plain == textLength)
        {
            return -1;
        }

        var found = Relaxed.FindFirstCharacterToEncode(text + plain, textLength - plain);
        return found < 0 ? -1 : plain + found;
    }

    /// <inheritdoc/>
    public override unsafe int FindFirstCharacterToEncodeUtf8(ReadOnlySpan<byte> utf8Text)
    {
        fixed (byte* text = utf8Text)
        {
            var plain = PlainPrefix(text, utf8Text.Length);
            if (plain == utf8Text.Length)
            {
                return -1;
            }

            var found = Relaxed.FindFirstCharacterToEncodeUtf8(utf8Text[plain..]);
            return found < 0 ? -1 : plain + found;
        }
    }

    /// <summary>How many characters from the start are plain, sixteen bytes at a time where the hardware allows.</summary>
    private static unsafe int PlainPrefix(byte* text, int length)
    {
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var space = Vector128.Create((byte)' ');
            var tilde = Vector128.Create((byte)'~');
            var quote = Vector128.Create((byte)'"');
            var backslash = Vector128.Create((byte)'\\');
            for (; i <= length - Vector128<byte>.Count; i += Vector128<byte>.Count)
            {
                var chunk = Vector128.Load(text + i);
                var other = Vector128.LessThan(chunk, space) | Vector128.GreaterThan(chunk, tilde) | Vector128.Equals(chunk, quote) | Vector128.Equals(chunk, backslash);
                if (other != Vector128<byte>.Zero)
                {
                    return i + BitOperations.TrailingZeroCount(other.ExtractMostSignificantBits());
                }
            }
        }

        while (i < length && IsPlain((char)text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>The same for UTF-16, eight characters at a time.</summary>
    private static unsafe int PlainPrefix(char* text, int length)
    {
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var space = Vector128.Create((ushort)' ');
            var tilde = Vector128.Create((ushort)'~');
            var quote = Vector128.Create((ushort)'"');
            var backslash = Vector128.Create((ushort)'\\');
            for (; i <= length - Vector128<ushort>.Count; i += Vector128<ushort>.Count)
            {
                var chunk = Vector128.Load((ushort*)text + i);
                var other = Vector128.LessThan(chunk, space) | Vector128.GreaterThan(chunk, tilde) | Vector128.Equals(chunk, quote) | Vector128.Equals(chunk, backslash);
                if (other != Vector128<ushort>.Zero)
                {
                    return i + BitOperations.TrailingZeroCount(other.ExtractMostSignificantBits());
                }
            }
        }

        while (i < length && IsPlain(text[i]))
        {
            i++;
        }

        return i;
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
