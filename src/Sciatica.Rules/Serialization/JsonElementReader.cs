using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Sciatica.Rules;

/// <summary>
/// Reads one JSON object strictly, collecting every problem with its JSON path: unknown properties,
/// wrong types, unknown enum values, out-of-range numbers and missing required fields.
/// </summary>
internal readonly struct JsonElementReader
{
    private readonly JsonElement element;

    public JsonElementReader(JsonElement element, string path, ProblemList problems, params string[] allowedProperties)
    {
        this.element = element;
        Path = path;
        Problems = problems;
        IsObject = element.ValueKind == JsonValueKind.Object;
        if (!IsObject)
        {
            problems.Add(path, $"is {Describe(element)}; allowed values: a JSON object.");
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!IsAllowed(property, allowedProperties))
            {
                if (problems.IsFull)
                {
                    problems.CountOmitted();
                    continue;
                }

                problems.Add(Child(path, property.Name), $"is not a known property; allowed properties: {string.Join(", ", allowedProperties)}.");
            }
        }
    }

    private static bool IsAllowed(JsonProperty property, string[] allowed)
    {
        foreach (var name in allowed)
        {
            if (property.NameEquals(name))
            {
                return true;
            }
        }

        return false;
    }

    public string Path { get; }

    public ProblemList Problems { get; }

    public bool IsObject { get; }

    /// <summary>The most items an array of a profile or review document may hold; longer arrays are refused whole, unread.</summary>
    public const int MaximumArrayItems = 256;

    public static string Child(string path, string name) => path + "." + Shortened(name);

    /// <summary>Cuts a value or name shown in a path or message to 80 characters (an ellipsis included), so that a report stays small.</summary>
    public static string Shortened(string text) => ProblemList.Echo(text);

    public static string Index(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

    public static string Describe(JsonElement value, int echo = ProblemList.MaximumEchoLength) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "the text \"" + ProblemList.Bounded(value.GetString()!, echo) + "\"",
        JsonValueKind.Number => "the number " + ProblemList.Bounded(value.GetRawText(), echo),
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    /// <summary>Gets a property; a missing property is reported when required. Null counts as present.</summary>
    public bool TryGet(string name, bool required, string allowed, out JsonElement value)
    {
        value = default;
        if (!IsObject)
        {
            return false;
        }

        if (element.TryGetProperty(name, out value))
        {
            return true;
        }

        if (required)
        {
            Problems.Add(Child(Path, name), $"is required; allowed values: {allowed}.");
        }

        return false;
    }

    public int? Integer(string name, bool required, int minimum, int maximum, bool nullable = false)
    {
        var allowed = maximum == int.MaxValue
            ? string.Create(CultureInfo.InvariantCulture, $"an integer >= {minimum}")
            : string.Create(CultureInfo.InvariantCulture, $"an integer {minimum}..{maximum}");
        if (nullable)
        {
            allowed += " or null";
        }

        if (!TryGet(name, required, allowed, out var value))
        {
            return null;
        }

        return ReadInteger(value, Child(Path, name), minimum, maximum, nullable, allowed, Problems);
    }

    public static int? ReadInteger(JsonElement value, string path, int minimum, int maximum, bool nullable, string allowed, ProblemList problems)
    {
        if (value.ValueKind == JsonValueKind.Null && nullable)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < minimum || number > maximum)
        {
            problems.Add(path, $"is {Describe(value)}; allowed values: {allowed}.");
            return null;
        }

        return number;
    }

    public bool? Boolean(string name, bool required)
    {
        if (!TryGet(name, required, "true or false", out var value))
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Problems.Add(Child(Path, name), $"is {Describe(value)}; allowed values: true or false.");
        return null;
    }

    public string? Text(string name, bool required)
    {
        if (!TryGet(name, required, "a non-empty text", out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
        {
            return value.GetString();
        }

        Problems.Add(Child(Path, name), $"is {Describe(value)}; allowed values: a non-empty text.");
        return null;
    }

    public TEnum? Enum<TEnum>(string name, bool required, bool nullable = false)
        where TEnum : struct, Enum
    {
        var allowed = EnumNames<TEnum>.Allowed + (nullable ? ", or null" : string.Empty);
        if (!TryGet(name, required, allowed, out var value) || (nullable && value.ValueKind == JsonValueKind.Null))
        {
            return null;
        }

        return ReadEnum<TEnum>(value, Child(Path, name), Problems);
    }

    public static TEnum? ReadEnum<TEnum>(JsonElement value, string path, ProblemList problems)
        where TEnum : struct, Enum
    {
        if (value.ValueKind == JsonValueKind.String && ContractNames.TryParse<TEnum>(value.GetString(), out var parsed))
        {
            return parsed;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var hint = ContractNames.Nearest<TEnum>(text) is { } near
            ? string.Equals(near, text, StringComparison.OrdinalIgnoreCase) ? $" (values are case-sensitive: did you mean \"{near}\"?)" : $" (did you mean \"{near}\"?)"
            : string.Empty;
        // The hint and the allowed values come first in the budget of a message; a list too long for it ends with how many
        // more there are and where all are listed, and the quoted input gets what is left (at least 12 characters).
        var head = $", which is not {EnumNames<TEnum>.Article} {EnumNames<TEnum>.Noun}{hint}; allowed values: ";
        var allowed = head.Length + EnumNames<TEnum>.Allowed.Length + 40 <= ProblemList.MaximumMessageLength
            ? EnumNames<TEnum>.Allowed
            : ProblemList.Listed(ContractNames.All<TEnum>(), ProblemList.MaximumMessageLength - head.Length - 60) + " (all in docs/contract.md)";
        var rest = head + allowed + ".";
        var echo = Math.Clamp(ProblemList.MaximumMessageLength - rest.Length - 20, 12, ProblemList.MaximumEchoLength);
        problems.Add(path, $"is {Describe(value, echo)}{rest}");
        return null;
    }

    /// <summary>Reads an array property, calling <paramref name="read"/> for each item; a missing optional array is empty.</summary>
    public ImmutableArray<T> Array<T>(string name, bool required, string allowed, Func<JsonElement, string, (bool Ok, T Value)> read)
    {
        if (!TryGet(name, required, "an array of " + allowed, out var value))
        {
            return [];
        }

        return ReadArray(value, Child(Path, name), allowed, read, Problems);
    }

    public static ImmutableArray<T> ReadArray<T>(JsonElement value, string path, string allowed, Func<JsonElement, string, (bool Ok, T Value)> read, ProblemList problems)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            problems.Add(path, $"is {Describe(value)}; allowed values: an array of {allowed}.");
            return [];
        }

        if (value.GetArrayLength() > MaximumArrayItems)
        {
            problems.Add(path, string.Create(CultureInfo.InvariantCulture, $"has {value.GetArrayLength()} items; at most {MaximumArrayItems} are accepted."));
            return [];
        }

        var items = ImmutableArray.CreateBuilder<T>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var (ok, parsed) = read(item, Index(path, index++));
            if (ok)
            {
                items.Add(parsed);
            }
        }

        return items.ToImmutable();
    }

    public ImmutableArray<TEnum> EnumArray<TEnum>(string name, bool required)
        where TEnum : struct, Enum
    {
        var problems = Problems;
        return Array<TEnum>(name, required, EnumNames<TEnum>.Allowed, (item, path) => ReadEnum<TEnum>(item, path, problems) is { } v ? (true, v) : (false, default));
    }

    private static class EnumNames<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly string Allowed = string.Join(", ", ContractNames.All<TEnum>());

        public static readonly string Noun = JsonNamingPolicy.KebabCaseLower.ConvertName(typeof(TEnum).Name).Replace('-', ' ');

        public static readonly string Article = "aeiou".Contains(Noun[0], StringComparison.Ordinal) ? "an" : "a";
    }
}
