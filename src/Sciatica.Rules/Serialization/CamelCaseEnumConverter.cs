using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sciatica.Rules;

/// <summary>Enums as camelCase strings; numbers are rejected.</summary>
internal sealed class CamelCaseEnumConverter<TEnum> : JsonStringEnumConverter<TEnum>
    where TEnum : struct, Enum
{
    public CamelCaseEnumConverter()
        : base(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    {
    }
}
