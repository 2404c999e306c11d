using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sciatica.Rules;

/// <summary>Enums as their camelCase contract names; numbers, unknown names and <c>Unspecified</c> are rejected.</summary>
internal sealed class CamelCaseEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && ContractNames.TryParse<TEnum>(reader.GetString(), out var value))
        {
            return value;
        }

        throw new JsonException($"Allowed values: {string.Join(", ", ContractNames.All<TEnum>())}.");
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WriteStringValue(ContractNames.Of(value));
}
