using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Sciatica.Rules;

/// <summary>
/// Reads a profile document straight from UTF-8 with <see cref="Utf8JsonReader"/>, for the common case of a valid
/// document: no document tree, no problem list. It gives up (returns <see langword="null"/>) at the first thing
/// that is not plainly valid (an unknown, repeated or escaped name, a value out of range or of the wrong type, a
/// clinician override, malformed JSON or bytes), and the strict reader then reads the document and reports every
/// problem. So a document it accepts is one the strict reader accepts with an equal profile (a property test
/// checks this on valid and mutated documents), and every error still comes from the strict reader.
/// </summary>
internal static class FastProfileReader
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 32, CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false };

    private static readonly byte[][] Names = [.. ProfileReader.Properties.Select(Encoding.UTF8.GetBytes)];

    private const int Causes = 0, AffectedRoots = 1, LegPain = 2, BackPain = 3, RedFlags = 4, MedicalClearance = 5, SymptomsTolerateExercise = 6,
        LandWalkingPainful = 7, PoolAccess = 8, Age = 9, WeeksSinceSpineSurgery = 10, SymptomWeeks = 11, PregnancyWeeks = 12, DirectionalPreference = 13;

    public static PatientProfile? TryRead(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        var reader = new Utf8JsonReader(utf8, Options);
        try
        {
            return Read(ref reader);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static PatientProfile? Read(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var seen = 0;
        IReadOnlyList<Cause>? causes = null;
        IReadOnlyList<NerveRoot>? roots = null;
        IReadOnlyList<RedFlag>? flags = null;
        int legPain = 0, backPain = 0;
        bool clearance = false, tolerate = true, landPainful = false, pool = false;
        int? age = null, surgery = null, symptoms = null, pregnancy = null;
        DirectionalPreference? preference = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.ValueIsEscaped || reader.HasValueSequence)
            {
                return null;
            }

            var property = Property(reader.ValueSpan);
            if (property < 0 || (seen & (1 << property)) != 0 || !reader.Read())
            {
                return null;
            }

            seen |= 1 << property;
            var ok = property switch
            {
                Causes => EnumList(ref reader, out causes) && causes!.Count > 0,
                AffectedRoots => EnumList(ref reader, out roots),
                RedFlags => EnumList(ref reader, out flags),
                LegPain => Integer(ref reader, 0, 10, out legPain),
                BackPain => Integer(ref reader, 0, 10, out backPain),
                MedicalClearance => Boolean(ref reader, out clearance),
                SymptomsTolerateExercise => Boolean(ref reader, out tolerate),
                LandWalkingPainful => Boolean(ref reader, out landPainful),
                PoolAccess => Boolean(ref reader, out pool),
                Age => NullableInteger(ref reader, 16, 120, out age),
                WeeksSinceSpineSurgery => NullableInteger(ref reader, 0, int.MaxValue, out surgery),
                SymptomWeeks => NullableInteger(ref reader, 0, 520, out symptoms),
                PregnancyWeeks => NullableInteger(ref reader, 0, 42, out pregnancy),
                DirectionalPreference => NullableEnum(ref reader, out preference),
                // Clinician overrides: an empty list is plain; any override goes to the strict reader, which checks its free text.
                _ => reader.TokenType == JsonTokenType.StartArray && reader.Read() && reader.TokenType == JsonTokenType.EndArray,
            };
            if (!ok)
            {
                return null;
            }
        }

        const int Required = (1 << Causes) | (1 << LegPain) | (1 << BackPain) | (1 << MedicalClearance);
        if ((seen & Required) != Required || reader.Read())
        {
            return null;
        }

        return new PatientProfile
        {
            Causes = causes!,
            AffectedRoots = roots ?? [],
            LegPain = legPain,
            BackPain = backPain,
            RedFlags = flags ?? [],
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
    private static bool EnumList<TEnum>(ref Utf8JsonReader reader, out IReadOnlyList<TEnum>? values)
        where TEnum : struct, Enum
    {
        values = null;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var mask = 0UL;
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var value = count++ < JsonElementReader.MaximumArrayItems ? EnumValue<TEnum>(ref reader) : -1;
            if (value is < 0 or >= 64)
            {
                return false;
            }

            mask |= 1UL << value;
        }

        var sorted = new TEnum[System.Numerics.BitOperations.PopCount(mask)];
        for (var i = 0; mask != 0; mask &= mask - 1, i++)
        {
            var bit = System.Numerics.BitOperations.TrailingZeroCount(mask);
            sorted[i] = Unsafe.As<int, TEnum>(ref bit);
        }

        values = EquatableArray<TEnum>.FromOwned(sorted);
        return true;
    }

    private static bool NullableEnum<TEnum>(ref Utf8JsonReader reader, out TEnum? value)
        where TEnum : struct, Enum
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        var parsed = EnumValue<TEnum>(ref reader);
        if (parsed < 0)
        {
            return false;
        }

        value = Unsafe.As<int, TEnum>(ref parsed);
        return true;
    }

    /// <summary>Reads an enum's contract name; gives its underlying value, or -1 when it is not one.</summary>
    private static int EnumValue<TEnum>(ref Utf8JsonReader reader)
        where TEnum : struct, Enum
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return -1;
        }

        var names = EnumBytes<TEnum>.Names;
        for (var i = 0; i < names.Length; i++)
        {
            if (reader.ValueSpan.SequenceEqual(names[i]))
            {
                return EnumBytes<TEnum>.Values[i];
            }
        }

        return -1;
    }

    private static bool Integer(ref Utf8JsonReader reader, int minimum, int maximum, out int value)
    {
        value = 0;
        return reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out value) && value >= minimum && value <= maximum;
    }

    private static bool NullableInteger(ref Utf8JsonReader reader, int minimum, int maximum, out int? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        var ok = Integer(ref reader, minimum, maximum, out var number);
        value = number;
        return ok;
    }

    private static bool Boolean(ref Utf8JsonReader reader, out bool value)
    {
        value = reader.TokenType == JsonTokenType.True;
        return reader.TokenType is JsonTokenType.True or JsonTokenType.False;
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
