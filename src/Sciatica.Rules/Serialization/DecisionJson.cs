using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Sciatica.Rules;

/// <summary>
/// Writes a decision as compact UTF-8 JSON, byte for byte as the source-generated serializer writes it (a test
/// compares the two), but reusing the JSON of the parts decisions share: the engine remembers the JSON of each
/// shared reason list, exercise list and excluded exercise once, and a decision made of shared parts is written
/// by copying them. Remembered JSON lives exactly as long as its part (a weak table keyed by the part).
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

    /// <summary>Remembers the compact JSON of a shared part.</summary>
    public static void Remember(IReadOnlyList<DecisionReason> reasons) => Fragments.TryAdd(reasons, JsonSerializer.SerializeToUtf8Bytes(reasons, Info.Reasons));

    /// <inheritdoc cref="Remember(IReadOnlyList{DecisionReason})"/>
    public static void Remember(IReadOnlyList<PrescribedExercise> exercises) => Fragments.TryAdd(exercises, JsonSerializer.SerializeToUtf8Bytes(exercises, Info.Exercises));

    /// <inheritdoc cref="Remember(IReadOnlyList{DecisionReason})"/>
    public static void Remember(IReadOnlyList<ExcludedExercise> excluded) => Fragments.TryAdd(excluded, JsonSerializer.SerializeToUtf8Bytes(excluded, Info.ExcludedList));

    /// <inheritdoc cref="Remember(IReadOnlyList{DecisionReason})"/>
    public static void Remember(ExcludedExercise excluded) => Fragments.TryAdd(excluded, JsonSerializer.SerializeToUtf8Bytes(excluded, Info.Excluded));

    /// <inheritdoc cref="Remember(IReadOnlyList{DecisionReason})"/>
    public static void Remember(IReadOnlyList<string> advice) => Fragments.TryAdd(advice, JsonSerializer.SerializeToUtf8Bytes(advice, Info.Advice));

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
        if (Fragments.TryGetValue(decision.Excluded, out var whole))
        {
            writer.WriteRawValue(whole, skipInputValidation: true);
        }
        else
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
        if (Fragments.TryGetValue(part, out var json))
        {
            writer.WriteRawValue(json, skipInputValidation: true);
        }
        else
        {
            JsonSerializer.Serialize(writer, part, info);
        }
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
