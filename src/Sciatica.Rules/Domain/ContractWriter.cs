using System.Text.Json;

namespace Sciatica.Rules;

/// <summary>
/// The small shapes the contract's hand-written JSON writers share: a list as an array (left out when unset, for an
/// optional list), and a value that is written as <c>null</c> when absent. Here at the bottom so that both the decision writer (Serialization) and the patch converter
/// (Suggestions, below it) use them.
/// </summary>
internal static class ContractWriter
{
    /// <summary>Writes <paramref name="items"/> as a JSON array, each with <paramref name="writeItem"/>.</summary>
    public static void WriteArray<T>(Utf8JsonWriter writer, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> writeItem)
    {
        writer.WriteStartArray();
        for (var i = 0; i < items.Count; i++)
        {
            writeItem(writer, items[i]);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a list property only when the list is set: an unset (null) list leaves the property out.</summary>
    public static void WriteOptionalArray<T>(Utf8JsonWriter writer, ReadOnlySpan<byte> name, IReadOnlyList<T>? items, Action<Utf8JsonWriter, T> writeItem)
    {
        if (items is not null)
        {
            writer.WritePropertyName(name);
            WriteArray(writer, items, writeItem);
        }
    }

    /// <summary>Writes a string property, or <c>null</c> when there is no value.</summary>
    public static void WriteStringOrNull(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Writes a number property, or <c>null</c> when there is no value.</summary>
    public static void WriteNumberOrNull(Utf8JsonWriter writer, ReadOnlySpan<byte> name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
