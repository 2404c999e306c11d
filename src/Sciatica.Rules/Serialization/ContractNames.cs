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
        where TEnum : struct, Enum => Names<TEnum>.ByValue.TryGetValue(value, out var name) ? name : JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>Gets the contract names of every value of an enum, in declaration order, without <c>Unspecified</c>.</summary>
    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum => Names<TEnum>.All;

    /// <summary>Finds the value with a contract name (case-sensitive); <c>Unspecified</c> is never found.</summary>
    public static bool TryParse<TEnum>(string? name, out TEnum value)
        where TEnum : struct, Enum => Names<TEnum>.ByName.TryGetValue(name ?? string.Empty, out value);

    private static class Names<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly TEnum[] Values = [.. Enum.GetValues<TEnum>().Where(v => v.ToString() != "Unspecified")];

        public static readonly Dictionary<TEnum, string> ByValue = Values.ToDictionary(v => v, v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()));

        public static readonly Dictionary<string, TEnum> ByName = Values.ToDictionary(v => ByValue[v], v => v, StringComparer.Ordinal);

        public static readonly IReadOnlyList<string> All = [.. Values.Select(v => ByValue[v])];
    }
}
