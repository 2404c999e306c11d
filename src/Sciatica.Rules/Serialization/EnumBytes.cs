using System.Runtime.CompilerServices;
using System.Text;

namespace Sciatica.Rules;

/// <summary>
/// The contract names of an enum as UTF-8, with the value of each, for the readers to match names without decoding
/// them; no framework collection over the enum type is made (docs/benchmarks.md, cold start).
/// </summary>
/// <typeparam name="TEnum">The contract enum.</typeparam>
internal static class EnumBytes<TEnum>
    where TEnum : struct, Enum
{
    public static readonly byte[][] Names = Utf8Names.Of(ContractNames.All<TEnum>());

    /// <summary>The underlying value of each name, in the same order.</summary>
    public static readonly int[] Values = ValuesOf(ContractNames.All<TEnum>());

    private static int[] ValuesOf(IReadOnlyList<string> names)
    {
        var values = new int[names.Count];
        for (var i = 0; i < values.Length; i++)
        {
            if (!ContractNames.TryParse<TEnum>(names[i], out var value))
            {
                throw new InvalidOperationException(names[i]);
            }

            values[i] = Unsafe.As<TEnum, int>(ref value);
        }

        return values;
    }
}

/// <summary>Names as UTF-8, and finding one among them, for the readers to match names without decoding them.</summary>
internal static class Utf8Names
{
    /// <summary>The UTF-8 bytes of each name, in the same order.</summary>
    public static byte[][] Of(IEnumerable<string> names) => [.. names.Select(Encoding.UTF8.GetBytes)];

    /// <summary>Gets the index of <paramref name="text"/> among <paramref name="names"/>, or -1; <paramref name="expected"/> is tried first.</summary>
    public static int Find(ReadOnlySpan<byte> text, byte[][] names, int expected)
    {
        if ((uint)expected < (uint)names.Length && text.SequenceEqual(names[expected]))
        {
            return expected;
        }

        for (var i = 0; i < names.Length; i++)
        {
            if (text.SequenceEqual(names[i]))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>The words of an enum in messages, apart from <see cref="EnumBytes{TEnum}"/> so that a valid document never makes them.</summary>
/// <typeparam name="TEnum">The contract enum.</typeparam>
internal static class EnumWords<TEnum>
    where TEnum : struct, Enum
{
    /// <summary>The names for a message: <c>a, b, c</c>.</summary>
    public static readonly string Allowed = string.Join(", ", ContractNames.All<TEnum>());

    /// <summary>What one value is called in a message, from the type's name (<c>nerve root</c>).</summary>
    public static readonly string Noun = System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(typeof(TEnum).Name).Replace('-', ' ');

    /// <summary>The article before <see cref="Noun"/>: <c>an</c> before a vowel, else <c>a</c>.</summary>
    public static readonly string Article = "aeiou".Contains(Noun[0], StringComparison.Ordinal) ? "an" : "a";
}
