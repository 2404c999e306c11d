namespace Sciatica.Rules;

/// <summary>
/// The red flags named in a document that cannot be read as JSON: each contract name written as a JSON string anywhere
/// in its bytes. A refusal for broken JSON uses them so that "go to emergency care now" is never hidden by the break.
/// </summary>
internal static class QuotedRedFlags
{
    private static readonly byte[][] Quoted = [.. EnumBytes<RedFlag>.Names.Select(name => (byte[])[(byte)'"', .. name, (byte)'"'])];

    /// <summary>The red flags whose contract name stands in the bytes as a JSON string (<c>"bladderDysfunction"</c>); linear in the length.</summary>
    public static ulong In(ReadOnlySpan<byte> utf8)
    {
        var bits = 0UL;
        for (var i = 0; i < Quoted.Length; i++)
        {
            if (EnumBytes<RedFlag>.Values[i] is >= 0 and < 64 and var flag && utf8.IndexOf(Quoted[i]) >= 0)
            {
                bits |= 1UL << flag;
            }
        }

        return bits;
    }
}
