using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Sciatica.Rules;

/// <summary>
/// The contract spelling of enum values: camelCase, as the JSON contract writes them. An <c>Unspecified</c>
/// value (the safe zero of a safety enum) has no contract name: it is never written and never accepted.
/// </summary>
internal static class ContractNames
{
    /// <summary>Gets the contract name of an enum value (for example <c>herniatedDisc</c>).</summary>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var index = Unsafe.As<TEnum, int>(ref value);
        return (uint)index < (uint)Names<TEnum>.ByValue.Length && Names<TEnum>.ByValue[index] is { } name
            ? name
            : JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
    }

    /// <summary>Gets the contract names of every value of an enum, in declaration order, without <c>Unspecified</c>.</summary>
    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum => Names<TEnum>.All;

    /// <summary>Gets whether a value is one the enum declares (<c>Unspecified</c> included), as <see cref="Enum.IsDefined{TEnum}(TEnum)"/> says.</summary>
    public static bool IsDefined<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var index = Unsafe.As<TEnum, int>(ref value);
        return Names<TEnum>.FromTables ? (uint)index < 64 && (Names<TEnum>.Declared & (1UL << index)) != 0 : Enum.IsDefined(value);
    }

    /// <summary>Finds the value with a contract name (case-sensitive); <c>Unspecified</c> is never found.</summary>
    public static bool TryParse<TEnum>(string? name, out TEnum value)
        where TEnum : struct, Enum
    {
        var found = Names<TEnum>.ByName.TryGetValue(name ?? string.Empty, out var index);
        value = Unsafe.As<int, TEnum>(ref index);
        return found;
    }

    /// <summary>
    /// Gets the contract name a mistyped <paramref name="text"/> most likely meant, or <see langword="null"/> when none is
    /// close: the same name in other case, a name that starts with the text or contains it (at least four characters, as
    /// "bladder" for <c>bladderDysfunction</c>), or a name within a few single-character edits. Ties go to the name
    /// declared first, so the answer is deterministic. Only a hint in an error message: a near name is never accepted.
    /// </summary>
    public static string? Nearest<TEnum>(string? text)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(text) || text.Length > 64)
        {
            return null;
        }

        string? best = null;
        var bestScore = int.MaxValue;
        foreach (var name in Names<TEnum>.All)
        {
            var score = string.Equals(name, text, StringComparison.OrdinalIgnoreCase) ? 0
                : text.Length >= 4 && name.Contains(text, StringComparison.OrdinalIgnoreCase) ? 1
                : Distance(name, text) is var edits && edits <= Math.Max(2, Math.Min(name.Length, text.Length) / 4) ? 1 + edits
                : int.MaxValue;
            if (score < bestScore)
            {
                (best, bestScore) = (name, score);
            }
        }

        return best;
    }

    /// <summary>The number of single-character insertions, deletions or substitutions (case ignored) from one text to another.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var same = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]);
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (same ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>
    /// The names of one enum, kept by the value's underlying <see cref="int"/> rather than in collections of the enum
    /// type itself: every collection here is one the runtime already has compiled, so that a process does not compile
    /// dictionaries and LINQ over each enum of the contract before its first decision. The contract's own enums come
    /// from <see cref="ContractNameTables"/> (generated, and checked against reflection by a test), so that no process
    /// pays for reading enum metadata by reflection before its first decision; any other enum is read by reflection.
    /// </summary>
    private static class Names<TEnum>
        where TEnum : struct, Enum
    {
        /// <summary>The contract name by underlying value; <see langword="null"/> for <c>Unspecified</c> and unused values.</summary>
        public static readonly string?[] ByValue;

        public static readonly Dictionary<string, int> ByName = new(StringComparer.Ordinal);

        /// <summary>The names in value order, without <c>Unspecified</c>.</summary>
        public static readonly string[] All;

        /// <summary>Whether the enum comes from the generated tables.</summary>
        public static readonly bool FromTables;

        /// <summary>The declared values as bits (bit n: value n), when the enum comes from the tables.</summary>
        public static readonly ulong Declared;

        static Names()
        {
            if (ContractNameTables.TryGet(typeof(TEnum).FullName, out var byValue, out var declared))
            {
                ByValue = byValue;
                Declared = declared;
                FromTables = true;
            }
            else
            {
                ByValue = ByReflection();
            }

            var all = new List<string>(ByValue.Length);
            for (var value = 0; value < ByValue.Length; value++)
            {
                if (ByValue[value] is { } name)
                {
                    ByName.Add(name, value);
                    all.Add(name);
                }
            }

            All = [.. all];
        }

        private static string?[] ByReflection()
        {
            if (Enum.GetUnderlyingType(typeof(TEnum)) != typeof(int))
            {
                throw new InvalidOperationException($"{typeof(TEnum).Name}: contract enums are int-based.");
            }

            var names = Enum.GetNames<TEnum>();
            var values = (int[])Enum.GetValuesAsUnderlyingType<TEnum>();
            var byValue = new string?[values.Length == 0 ? 0 : values.Max() + 1];
            for (var i = 0; i < names.Length; i++)
            {
                if (names[i] != "Unspecified")
                {
                    byValue[values[i]] = JsonNamingPolicy.CamelCase.ConvertName(names[i]);
                }
            }

            return byValue;
        }
    }
}
