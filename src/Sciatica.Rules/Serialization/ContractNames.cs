using System.Text.Json;

namespace Sciatica.Rules;

/// <summary>The contract spelling of enum values: camelCase, as the JSON contract writes them.</summary>
internal static class ContractNames
{
    /// <summary>Gets the contract name of an enum value (for example <c>herniatedDisc</c>).</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The camelCase name.</returns>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>Gets the contract names of every value of an enum, in declaration order.</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <returns>The camelCase names.</returns>
    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(Of).ToArray();
}
