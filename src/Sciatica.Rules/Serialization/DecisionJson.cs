using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Sciatica.Rules;

/// <summary>
/// Writes a decision as compact UTF-8 JSON, byte for byte as the source-generated serializer writes it (a test
/// compares the two), but reusing the JSON of the parts decisions share: the engine remembers the JSON of each
/// shared reason list, exercise list and excluded exercise once, and a decision made of shared parts is written
/// by copying them. A part's JSON is made the first time a decision holding it is written (not when the engine is
/// built), and lives exactly as long as its part (a weak table keyed by the part).
/// </summary>
internal static class DecisionJson
{
    private static readonly ConditionalWeakTable<object, byte[]> Fragments = new();

    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = true,
    };

    /// <summary>Marks a part whose JSON is written once and then reused; nothing is serialized until a decision holding it is first written.</summary>
    private static readonly byte[] NotYetWritten = [];

    /// <summary>Marks a shared part: its compact JSON is remembered the first time a decision holding it is written.</summary>
    public static void Remember(object part) => Fragments.TryAdd(part, NotYetWritten);

    /// <summary>Writes the decision as one line of compact JSON (no newline).</summary>
    public static void Write(ProgramDecision decision, IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output, Options);
        writer.WriteStartObject();
        writer.WriteString("decision"u8, ContractNames.Of(decision.Decision));
        if (decision.Timeframe is { } timeframe)
        {
            writer.WriteString("timeframe"u8, ContractNames.Of(timeframe));
        }
        else
        {
            writer.WriteNull("timeframe"u8);
        }

        writer.WritePropertyName("reasons"u8);
        Part(writer, decision.Reasons, Info.Reasons);
        writer.WritePropertyName("exercises"u8);
        Part(writer, decision.Exercises, Info.Exercises);
        writer.WritePropertyName("excluded"u8);
        if (!TryWriteShared(writer, decision.Excluded, Info.ExcludedList))
        {
            writer.WriteStartArray();
            foreach (var excluded in decision.Excluded)
            {
                Part(writer, excluded, Info.Excluded);
            }

            writer.WriteEndArray();
        }

        writer.WritePropertyName("safetyAdvice"u8);
        Part(writer, decision.SafetyAdvice, Info.Advice);
        writer.WriteString("ruleSetVersion"u8, decision.RuleSetVersion);
        writer.WriteEndObject();
    }

    private static void Part<T>(Utf8JsonWriter writer, T part, JsonTypeInfo<T> info)
        where T : class
    {
        if (!TryWriteShared(writer, part, info))
        {
            JsonSerializer.Serialize(writer, part, info);
        }
    }

    /// <summary>Writes a shared part from its remembered JSON (made on its first write); false when the part is not shared.</summary>
    private static bool TryWriteShared<T>(Utf8JsonWriter writer, T part, JsonTypeInfo<T> info)
        where T : class
    {
        if (!Fragments.TryGetValue(part, out var json))
        {
            return false;
        }

        if (ReferenceEquals(json, NotYetWritten))
        {
            // First write of a shared part: serialize it once and keep the bytes for every later decision that holds it.
            json = JsonSerializer.SerializeToUtf8Bytes(part, info);
            Fragments.AddOrUpdate(part, json);
        }

        writer.WriteRawValue(json, skipInputValidation: true);
        return true;
    }

    private static class Info
    {
        public static readonly JsonTypeInfo<IReadOnlyList<DecisionReason>> Reasons = ContractJson.Compact.IReadOnlyListDecisionReason;
        public static readonly JsonTypeInfo<IReadOnlyList<PrescribedExercise>> Exercises = ContractJson.Compact.IReadOnlyListPrescribedExercise;
        public static readonly JsonTypeInfo<IReadOnlyList<ExcludedExercise>> ExcludedList = ContractJson.Compact.IReadOnlyListExcludedExercise;
        public static readonly JsonTypeInfo<ExcludedExercise> Excluded = ContractJson.Compact.ExcludedExercise;
        public static readonly JsonTypeInfo<IReadOnlyList<string>> Advice = ContractJson.Compact.IReadOnlyListString;
    }
}
