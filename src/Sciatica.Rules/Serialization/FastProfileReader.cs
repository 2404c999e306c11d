using System.Runtime.CompilerServices;
using System.Text;

namespace Sciatica.Rules;

/// <summary>
/// Reads a profile document straight from UTF-8, for the common case of a plainly valid document: no document tree,
/// no problem list. It gives up (returns <see langword="null"/>) at the first thing that is not plainly valid (an
/// unknown, repeated or escaped name, any byte outside ASCII, a number that is not a short integer, a value out of
/// range or of the wrong type, a clinician override, anything JSON does not allow), and the strict reader then
/// reads the document and reports every problem. So a document it accepts is one the strict reader accepts with an
/// equal profile (a property test checks this on valid and on thousands of mutated documents), and every error
/// still comes from the strict reader (System.Text.Json).
/// </summary>
/// <remarks>
/// It scans the bytes itself rather than through <c>Utf8JsonReader</c>: the subset it accepts (one object of
/// known names; arrays of plain strings; short integers; true, false and null) is small, and the reader's first
/// property name costs about 12 ms of start-up in every process (docs/benchmarks.md, cold start), which the
/// first decision of a command-line call would otherwise pay.
/// </remarks>
internal static class FastProfileReader
{
    private static readonly byte[][] Names = [.. ProfileReader.Properties.Select(Encoding.UTF8.GetBytes)];

    // The indexes of ProfileReader.Properties.
    private const int Causes = 0, AffectedRoots = 1, AffectedSide = 2, LegPain = 3, BackPain = 4, RedFlags = 5, MedicalClearance = 6, SymptomsTolerateExercise = 7,
        LandWalkingPainful = 8, PoolAccess = 9, Age = 10, WeeksSinceSpineSurgery = 11, SymptomWeeks = 12, PregnancyWeeks = 13, DirectionalPreference = 14;

    public static PatientProfile? TryRead(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        var json = new Scanner(utf8);
        return Read(ref json);
    }

    private static PatientProfile? Read(ref Scanner json)
    {
        if (!json.Take((byte)'{'))
        {
            return null;
        }

        var seen = 0;
        IReadOnlyList<Cause>? causes = null;
        IReadOnlyList<NerveRoot>? roots = null;
        IReadOnlyList<RedFlag>? flags = null;
        int legPain = 0, backPain = 0;
        bool clearance = false, tolerate = false, landPainful = false, pool = false;
        int? age = null, surgery = null, symptoms = null, pregnancy = null;
        DirectionalPreference? preference = null;
        AffectedSide? side = null;
        var more = !json.Take((byte)'}');
        while (more)
        {
            if (!json.String(out var name) || !json.Take((byte)':'))
            {
                return null;
            }

            var property = Property(name);
            if (property < 0 || (seen & (1 << property)) != 0)
            {
                return null;
            }

            seen |= 1 << property;
            var ok = property switch
            {
                Causes => EnumList(ref json, out causes) && causes!.Count > 0,
                AffectedRoots => EnumList(ref json, out roots),
                AffectedSide => NullableEnum(ref json, out side),
                RedFlags => EnumList(ref json, out flags),
                LegPain => Integer(ref json, 0, 10, out legPain),
                BackPain => Integer(ref json, 0, 10, out backPain),
                MedicalClearance => json.Boolean(out clearance),
                SymptomsTolerateExercise => json.Boolean(out tolerate),
                LandWalkingPainful => json.Boolean(out landPainful),
                PoolAccess => json.Boolean(out pool),
                Age => NullableInteger(ref json, 16, 120, out age),
                WeeksSinceSpineSurgery => NullableInteger(ref json, 0, int.MaxValue, out surgery),
                SymptomWeeks => NullableInteger(ref json, 0, 520, out symptoms),
                PregnancyWeeks => NullableInteger(ref json, 0, 42, out pregnancy),
                DirectionalPreference => NullableEnum(ref json, out preference),
                // Clinician overrides: an empty list is plain; any override goes to the strict reader, which checks its free text.
                _ => json.Take((byte)'[') && json.Take((byte)']'),
            };
            if (!ok)
            {
                return null;
            }

            if (json.Take((byte)'}'))
            {
                more = false;
            }
            else if (!json.Take((byte)','))
            {
                return null;
            }
        }

        // The screening answers are required too: unasked is not "none" (the strict reader names the question to ask).
        const int Required = (1 << Causes) | (1 << LegPain) | (1 << BackPain) | (1 << MedicalClearance) | (1 << RedFlags) | (1 << SymptomsTolerateExercise);
        if ((seen & Required) != Required || !json.AtEnd())
        {
            return null;
        }

        return new PatientProfile
        {
            Causes = causes!,
            AffectedRoots = roots ?? [],
            AffectedSide = side,
            LegPain = legPain,
            BackPain = backPain,
            RedFlags = flags!,
            MedicalClearance = clearance,
            SymptomsTolerateExercise = tolerate,
            LandWalkingPainful = landPainful,
            PoolAccess = pool,
            Age = age,
            WeeksSinceSpineSurgery = surgery,
            SymptomWeeks = symptoms,
            PregnancyWeeks = pregnancy,
            DirectionalPreference = preference,
        };
    }

    private static int Property(ReadOnlySpan<byte> name)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if (name.SequenceEqual(Names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Reads a list of enum names as a bit set (every contract enum has fewer than 64 values), which the profile sorts
    /// and de-duplicates the same way: no framework collection over the enum type is made (docs/benchmarks.md, cold start).
    /// </summary>
    private static bool EnumList<TEnum>(ref Scanner json, out IReadOnlyList<TEnum>? values)
        where TEnum : struct, Enum
    {
        values = null;
        if (!json.Take((byte)'['))
        {
            return false;
        }

        var mask = 0UL;
        var count = 0;
        var more = !json.Take((byte)']');
        while (more)
        {
            var value = count++ < JsonElementReader.MaximumArrayItems && json.String(out var name) ? EnumValue<TEnum>(name) : -1;
            if (value is < 0 or >= 64)
            {
                return false;
            }

            mask |= 1UL << value;
            if (json.Take((byte)']'))
            {
                more = false;
            }
            else if (!json.Take((byte)','))
            {
                return false;
            }
        }

        values = EquatableArray.FromEnumBits<TEnum>(mask);
        return true;
    }

    private static bool NullableEnum<TEnum>(ref Scanner json, out TEnum? value)
        where TEnum : struct, Enum
    {
        value = null;
        if (json.Null())
        {
            return true;
        }

        var parsed = json.String(out var name) ? EnumValue<TEnum>(name) : -1;
        if (parsed < 0)
        {
            return false;
        }

        value = Unsafe.As<int, TEnum>(ref parsed);
        return true;
    }

    /// <summary>Finds an enum's contract name; gives its underlying value, or -1 when it is not one.</summary>
    private static int EnumValue<TEnum>(ReadOnlySpan<byte> name)
        where TEnum : struct, Enum
    {
        var names = EnumBytes<TEnum>.Names;
        for (var i = 0; i < names.Length; i++)
        {
            if (name.SequenceEqual(names[i]))
            {
                return EnumBytes<TEnum>.Values[i];
            }
        }

        return -1;
    }

    private static bool Integer(ref Scanner json, int minimum, int maximum, out int value) =>
        json.Integer(out value) && value >= minimum && value <= maximum;

    private static bool NullableInteger(ref Scanner json, int minimum, int maximum, out int? value)
    {
        value = null;
        if (json.Null())
        {
            return true;
        }

        var ok = Integer(ref json, minimum, maximum, out var number);
        value = number;
        return ok;
    }

    /// <summary>
    /// The JSON the fast reader accepts, scanned byte by byte: whitespace, structural characters, strings of plain
    /// ASCII (no escape, no control character), integers of at most nine digits, and true, false and null. Anything
    /// else fails the scan, and the document goes to the strict reader.
    /// </summary>
    private ref struct Scanner(ReadOnlySpan<byte> json)
    {
        private readonly ReadOnlySpan<byte> json = json;
        private int at;

        /// <summary>Takes <paramref name="expected"/> after any whitespace; false (taking nothing) when the next byte is another.</summary>
        public bool Take(byte expected)
        {
            SkipWhitespace();
            if (at < json.Length && json[at] == expected)
            {
                at++;
                return true;
            }

            return false;
        }

        /// <summary>Gets whether only whitespace is left.</summary>
        public bool AtEnd()
        {
            SkipWhitespace();
            return at == json.Length;
        }

        /// <summary>Reads a string of printable ASCII without escapes; gives the bytes between the quotes.</summary>
        public bool String(out ReadOnlySpan<byte> value)
        {
            value = default;
            if (!Take((byte)'"'))
            {
                return false;
            }

            for (var end = at; end < json.Length; end++)
            {
                var b = json[end];
                if (b == '"')
                {
                    value = json[at..end];
                    at = end + 1;
                    return true;
                }

                if (b < 0x20 || b == '\\' || b >= 0x7F)
                {
                    return false;
                }
            }

            return false;
        }

        /// <summary>Reads an integer as JSON writes it (<c>-?(0|[1-9][0-9]*)</c>) of at most nine digits, followed by a delimiter.</summary>
        public bool Integer(out int value)
        {
            value = 0;
            SkipWhitespace();
            var negative = at < json.Length && json[at] == '-';
            var start = negative ? at + 1 : at;
            var end = start;
            while (end < json.Length && json[end] is >= (byte)'0' and <= (byte)'9')
            {
                if (end - start == 9)
                {
                    return false;
                }

                value = (value * 10) + (json[end] - '0');
                end++;
            }

            if (end == start || (json[start] == '0' && end - start > 1) || !IsDelimiter(end))
            {
                return false;
            }

            value = negative ? -value : value;
            at = end;
            return true;
        }

        /// <summary>Reads <c>true</c> or <c>false</c>.</summary>
        public bool Boolean(out bool value)
        {
            value = Literal("true"u8);
            return value || Literal("false"u8);
        }

        /// <summary>Reads <c>null</c>; false (taking nothing) when the next value is another.</summary>
        public bool Null() => Literal("null"u8);

        private bool Literal(ReadOnlySpan<byte> word)
        {
            SkipWhitespace();
            if (json[at..].StartsWith(word) && IsDelimiter(at + word.Length))
            {
                at += word.Length;
                return true;
            }

            return false;
        }

        /// <summary>A value ends at the end of the document, at whitespace, or before a comma or a closing bracket.</summary>
        private readonly bool IsDelimiter(int index) =>
            index == json.Length || json[index] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)',' or (byte)'}' or (byte)']';

        private void SkipWhitespace()
        {
            while (at < json.Length && json[at] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
            {
                at++;
            }
        }
    }

    private static class EnumBytes<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly byte[][] Names = [.. ContractNames.All<TEnum>().Select(Encoding.UTF8.GetBytes)];

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
}
