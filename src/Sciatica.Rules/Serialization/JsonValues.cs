using System.Globalization;
using System.Text.Json;

namespace Sciatica.Rules;

/// <summary>
/// The path of a value a reader is at, built only when a problem is reported there: the parent's path, and the
/// property name (and item index) under it.
/// </summary>
internal readonly record struct FieldPath(string Parent, string? Name, int Index = -1)
{
    public FieldPath Item(int index) => this with { Index = index };

    public override string ToString()
    {
        var path = Name is null ? Parent : JsonPaths.Child(Parent, Name);
        return Index < 0 ? path : JsonPaths.Index(path, Index);
    }
}

/// <summary>Reads an item of an array at the current token; its problems go to slot 0 of <paramref name="items"/>, and then it is null.</summary>
internal delegate T? JsonItemReader<T>(ref JsonPass json, ref ProblemBuffer? items, string path);

/// <summary>
/// The values of the contract's documents read from a <see cref="JsonPass"/> at the current token, each checked as it is
/// read: a problem names the value's path and the values allowed, in the words every reader has used. A value of the
/// wrong kind is walked to its end, so the reader goes on at the next property.
/// </summary>
internal static partial class JsonValues
{
    /// <summary>The most items an array of a profile or review document may hold; a longer array is refused whole, its items unread.</summary>
    public const int MaximumArrayItems = 256;

    public static void Add(ref ProblemBuffer? problems, int slot, string path, string message) => (problems ??= new()).Add(slot, path, message);

    public static string IntegerAllowed(int minimum, int maximum, bool nullable) =>
        (maximum == int.MaxValue
            ? string.Create(CultureInfo.InvariantCulture, $"an integer >= {minimum}")
            : string.Create(CultureInfo.InvariantCulture, $"an integer {minimum}..{maximum}")) + (nullable ? " or null" : string.Empty);

    /// <summary>Reads an integer in a range (or null when <paramref name="nullable"/>); anything else is a problem, and null.</summary>
    public static void Integer(ref JsonPass json, ref ProblemBuffer? problems, int slot, FieldPath path, int minimum, int maximum, bool nullable, out int? value)
    {
        value = null;
        if (json.Token == JsonTokenType.Null && nullable)
        {
            return;
        }

        if (json.Token == JsonTokenType.Number && json.TryGetInt32(out var number) && number >= minimum && number <= maximum)
        {
            value = number;
            return;
        }

        Wrong(ref json, ref problems, slot, path, IntegerAllowed(minimum, maximum, nullable));
    }

    /// <summary>Reads true or false; anything else is a problem (and reads as false).</summary>
    public static void Boolean(ref JsonPass json, ref ProblemBuffer? problems, int slot, FieldPath path, out bool value)
    {
        value = json.Token == JsonTokenType.True;
        if (json.Token is not (JsonTokenType.True or JsonTokenType.False))
        {
            Wrong(ref json, ref problems, slot, path, "true or false");
        }
    }

    /// <summary>Reads a text that is not empty or white space.</summary>
    public static string? Text(ref JsonPass json, ref ProblemBuffer? problems, int slot, FieldPath path)
    {
        if (json.Token == JsonTokenType.String && json.Text(path.ToString()) is { } text && !string.IsNullOrWhiteSpace(text))
        {
            return text;
        }

        Wrong(ref json, ref problems, slot, path, "a non-empty text");
        return null;
    }

    /// <summary>Reads one of an enum's contract names; -1 (with a problem) when the value is not one.</summary>
    public static int Enum<TEnum>(ref JsonPass json, ref ProblemBuffer? problems, int slot, FieldPath path)
        where TEnum : struct, Enum
    {
        if (json.Token == JsonTokenType.String && json.EnumValue<TEnum>() is var value and >= 0)
        {
            return value;
        }

        var pathText = path.ToString();
        var text = json.Token == JsonTokenType.String ? json.Text(pathText) : null;
        var hint = ContractNames.Nearest<TEnum>(text) is { } near
            ? string.Equals(near, text, StringComparison.OrdinalIgnoreCase) ? $" (values are case-sensitive: did you mean \"{near}\"?)" : $" (did you mean \"{near}\"?)"
            : string.Empty;
        // The hint and the allowed values come first in the budget of a message; a list too long for it ends with how many
        // more there are and where all are listed, and the quoted input gets what is left (at least 12 characters).
        var head = $", which is not {EnumWords<TEnum>.Article} {EnumWords<TEnum>.Noun}{hint}; allowed values: ";
        var allowed = head.Length + EnumWords<TEnum>.Allowed.Length + 40 <= ProblemList.MaximumMessageLength
            ? EnumWords<TEnum>.Allowed
            : ProblemList.Listed(ContractNames.All<TEnum>(), ProblemList.MaximumMessageLength - head.Length - 60) + " (all in docs/contract.md)";
        var rest = head + allowed + ".";
        var echo = Math.Clamp(ProblemList.MaximumMessageLength - rest.Length - 20, 12, ProblemList.MaximumEchoLength);
        Add(ref problems, slot, pathText, $"is {json.Describe(pathText, echo)}{rest}");
        json.Skip(path, redFlags: false);
        return -1;
    }

    /// <summary>
    /// Reads an array of an enum's names as a bit set (every contract enum has fewer than 64 values, which
    /// <c>ContractNameTablesTests</c> checks); a value that is no array, is too long, or holds anything else is a
    /// problem (each item with its own). Red flags read count for screening even in a refused array.
    /// </summary>
    public static void EnumArray<TEnum>(ref JsonPass json, ref ProblemBuffer? problems, int slot, FieldPath path, out ulong bits, List<TEnum>? inOrder = null)
        where TEnum : struct, Enum
    {
        bits = 0;
        if (json.Token != JsonTokenType.StartArray)
        {
            Wrong(ref json, ref problems, slot, path, "an array of " + EnumWords<TEnum>.Allowed);
            return;
        }

        var count = 0;
        var flags = typeof(TEnum) == typeof(RedFlag);
        ProblemBuffer? items = null;
        var undecodable = json.UndecodableAt;
        while (true)
        {
            json.Read();
            if (json.Token == JsonTokenType.EndArray)
            {
                break;
            }

            if (count++ >= MaximumArrayItems)
            {
                // Refused whole: the rest is only counted (and screened).
                if (flags && json.Token == JsonTokenType.String)
                {
                    json.RedFlag();
                }

                json.Skip(path.Item(count - 1), redFlags: false);
                continue;
            }

            var value = Enum<TEnum>(ref json, ref items, 0, path.Item(count - 1));
            if (value >= 0)
            {
                inOrder?.Add(System.Runtime.CompilerServices.Unsafe.As<int, TEnum>(ref value));
                bits |= 1UL << value;
                if (flags)
                {
                    // Noted at once: should the JSON break further on, the flags read before still screen the refusal.
                    json.NoteRedFlags(bits);
                }
            }
        }

        Items(ref json, ref problems, slot, path, count, items, undecodable);
    }

    /// <summary>
    /// Ends an array read item by item: one longer than <see cref="MaximumArrayItems"/> is refused whole, what its items
    /// said forgotten; otherwise the items' problems join the field's.
    /// </summary>
    public static void Items(ref JsonPass json, ref ProblemBuffer? problems, int slot, FieldPath path, int count, ProblemBuffer? items, string? undecodableBefore)
    {
        if (count > MaximumArrayItems)
        {
            json.ForgetUndecodable(undecodableBefore);
            Add(ref problems, slot, path.ToString(), string.Create(CultureInfo.InvariantCulture, $"has {count} items; at most {MaximumArrayItems} are accepted."));
            return;
        }

        if (items is not null)
        {
            (problems ??= new()).AddAll(slot, items);
        }
    }

    /// <summary>Reads one of an enum's names or null: the name's value, or -1 for null or (with a problem) anything else.</summary>
    public static int NullableEnum<TEnum>(ref JsonPass json, ref ProblemBuffer? problems, int slot, FieldPath path)
        where TEnum : struct, Enum =>
        json.Token == JsonTokenType.Null ? -1 : Enum<TEnum>(ref json, ref problems, slot, path);

    /// <summary>Reads a non-empty text or null: the text, or null for null or (with a problem) anything else.</summary>
    public static string? NullableText(ref JsonPass json, ref ProblemBuffer? problems, int slot, FieldPath path) =>
        json.Token == JsonTokenType.Null ? null : Text(ref json, ref problems, slot, path);

    /// <summary>Reports a value of the wrong kind (<c>is the text "5"; allowed values: ...</c>) and walks past it; false.</summary>
    public static bool Wrong(ref JsonPass json, ref ProblemBuffer? problems, int slot, FieldPath path, string allowed)
    {
        var pathText = path.ToString();
        Add(ref problems, slot, pathText, $"is {json.Describe(pathText)}; allowed values: {allowed}.");
        json.Skip(path, redFlags: false);
        return false;
    }
}
