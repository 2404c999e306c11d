using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Sciatica.Rules;

/// <summary>
/// Writes a decision as compact UTF-8 JSON, byte for byte as the source-generated serializer writes it (a test
/// compares the two), but reusing the JSON of the parts decisions share: the engine marks each shared reason list,
/// exercise list and excluded exercise (<see cref="SharedParts"/>), the JSON of each is kept beside it once, and a decision made of shared parts is written
/// by copying them. A part's JSON is made the first time a decision holding it is written (not when the engine is
/// built), and lives exactly as long as its part (a weak table keyed by the part). The parts are written straight
/// on <see cref="Utf8JsonWriter"/> rather than through the serializer's metadata, which a process would otherwise
/// build (and compile, for every enum and nullable of the contract) before its first decision.
/// </summary>
internal static class DecisionJson
{
    /// <summary>Writes the decision as one line of compact JSON (no newline), or indented by two spaces for people.</summary>
    public static void Write(ProgramDecision decision, IBufferWriter<byte> output, bool indented = false)
    {
        using var writer = new Utf8JsonWriter(output, indented ? WriterOptions.Indented : WriterOptions.Compact);
        writer.WriteStartObject();
        writer.WriteString("decision"u8, ContractNames.Of(decision.Decision));
        ContractWriter.WriteStringOrNull(writer, "timeframe"u8, decision.Timeframe is { } timeframe ? ContractNames.Of(timeframe) : null);
        writer.WritePropertyName("reasons"u8);
        Part(writer, decision.Reasons, WriteReasons);
        writer.WritePropertyName("exercises"u8);
        Part(writer, decision.Exercises, WriteExercises);
        writer.WritePropertyName("excluded"u8);
        if (!TryWriteShared(writer, decision.Excluded, WriteExcludedList))
        {
            // Not shared as a list: each excluded exercise may still be.
            ContractWriter.WriteArray(writer, decision.Excluded, static (w, excluded) => Part(w, excluded, WriteExcluded));
        }

        writer.WritePropertyName("safetyAdvice"u8);
        Part(writer, decision.SafetyAdvice, WriteStrings);
        writer.WriteString("ruleSetVersion"u8, decision.RuleSetVersion);
        ContractWriter.WriteOptionalArray(writer, "whatWouldChange"u8, decision.WhatWouldChange, static (w, change) =>
        {
            w.WriteStartObject();
            w.WriteString("target"u8, change.Target);
            w.WriteString("gives"u8, change.Gives);
            w.WritePropertyName("patch"u8);
            ProfilePatchConverter.WritePatch(w, change.Patch);
            w.WriteString("explanation"u8, change.Explanation);
            w.WriteEndObject();
        });

        writer.WriteEndObject();
    }

    private static void Part<T>(Utf8JsonWriter writer, T part, Action<Utf8JsonWriter, T> write)
        where T : class
    {
        if (!TryWriteShared(writer, part, write))
        {
            write(writer, part);
        }
    }

    /// <summary>Writes a shared part from its remembered JSON (made on its first write); false when the part is not shared.</summary>
    private static bool TryWriteShared<T>(Utf8JsonWriter writer, T part, Action<Utf8JsonWriter, T> write)
        where T : class
    {
        if (writer.Options.Indented || !SharedParts.TryGet(part, out var json))
        {
            return false;
        }

        if (ReferenceEquals(json, SharedParts.NothingKept))
        {
            // First write of a shared part: write it once and keep the bytes for every later decision that holds it.
            var buffer = new ArrayBufferWriter<byte>();
            using (var fragment = new Utf8JsonWriter(buffer, WriterOptions.Compact))
            {
                write(fragment, part);
            }

            json = buffer.WrittenSpan.ToArray();
            SharedParts.Keep(part, json);
        }

        writer.WriteRawValue(json, skipInputValidation: true);
        return true;
    }

    private static void WriteReasons(Utf8JsonWriter writer, IReadOnlyList<DecisionReason> reasons) =>
        ContractWriter.WriteArray(writer, reasons, static (w, reason) =>
        {
            w.WriteStartObject();
            w.WriteString("ruleId"u8, reason.RuleId);
            w.WriteString("message"u8, reason.Message);
            w.WriteString("source"u8, reason.Source);
            w.WriteEndObject();
        });

    private static void WriteExercises(Utf8JsonWriter writer, IReadOnlyList<PrescribedExercise> exercises) =>
        ContractWriter.WriteArray(writer, exercises, WriteExercise);

    private static void WriteExercise(Utf8JsonWriter writer, PrescribedExercise exercise)
    {
        writer.WriteStartObject();
        writer.WriteString("id"u8, exercise.Id);
        writer.WriteString("name"u8, exercise.Name);
        writer.WriteString("kind"u8, ContractNames.Of(exercise.Kind));
        writer.WritePropertyName("movements"u8);
        ContractWriter.WriteArray(writer, exercise.Movements, static (w, movement) => w.WriteStringValue(ContractNames.Of(movement)));
        writer.WritePropertyName("dosage"u8);
        writer.WriteStartObject();
        ContractWriter.WriteNumberOrNull(writer, "holdSeconds"u8, exercise.Dosage.HoldSeconds);
        ContractWriter.WriteNumberOrNull(writer, "repetitions"u8, exercise.Dosage.Repetitions);
        ContractWriter.WriteNumberOrNull(writer, "sets"u8, exercise.Dosage.Sets);
        ContractWriter.WriteNumberOrNull(writer, "minutes"u8, exercise.Dosage.Minutes);
        ContractWriter.WriteNumberOrNull(writer, "timesPerDay"u8, exercise.Dosage.TimesPerDay);
        writer.WriteEndObject();
        writer.WritePropertyName("instructions"u8);
        WriteStrings(writer, exercise.Instructions);
        writer.WriteString("rationale"u8, exercise.Rationale);
        writer.WriteString("source"u8, exercise.Source);
        writer.WriteEndObject();
    }

    private static void WriteExcludedList(Utf8JsonWriter writer, IReadOnlyList<ExcludedExercise> excluded) =>
        ContractWriter.WriteArray(writer, excluded, WriteExcluded);

    private static void WriteExcluded(Utf8JsonWriter writer, ExcludedExercise excluded)
    {
        writer.WriteStartObject();
        writer.WriteString("id"u8, excluded.Id);
        writer.WritePropertyName("reasons"u8);
        WriteReasons(writer, excluded.Reasons);
        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, IReadOnlyList<string> values) =>
        ContractWriter.WriteArray(writer, values, static (w, value) => w.WriteStringValue(value));

    /// <summary>The writer options, apart from the table of parts: remembering a part does not load the encoder, which a text-only process never needs.</summary>
    private static class WriterOptions
    {
        public static readonly JsonWriterOptions Compact = new()
        {
            Encoder = ContractEncoder.Instance,
            Indented = false,
            SkipValidation = true,
        };

        public static readonly JsonWriterOptions Indented = Compact with { Indented = true, IndentSize = 2 };
    }
}
