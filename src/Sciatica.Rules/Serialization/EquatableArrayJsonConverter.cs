using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Sciatica.Rules;

/// <summary>Writes and reads an <see cref="EquatableArray{T}"/> as a JSON array, using the context's metadata for the items.</summary>
internal sealed class EquatableArrayJsonConverter<T> : JsonConverter<EquatableArray<T>>
{
    public override EquatableArray<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected a JSON array.");
        }

        var info = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        var items = ImmutableArray.CreateBuilder<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(JsonSerializer.Deserialize(ref reader, info) ?? throw new JsonException("Array items must not be null."));
        }

        return items.ToImmutable();
    }

    public override void Write(Utf8JsonWriter writer, EquatableArray<T> value, JsonSerializerOptions options)
    {
        var info = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        writer.WriteStartArray();
        foreach (var item in value)
        {
            JsonSerializer.Serialize(writer, item, info);
        }

        writer.WriteEndArray();
    }
}
