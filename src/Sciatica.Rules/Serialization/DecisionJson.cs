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
        if (decision.Timeframe is { } timeframe)
        {
            writer.WriteString("timeframe"u8, ContractNames.Of(timeframe));
        }
        else
        {
            writer.WriteNull("timeframe"u8);
        }

        writer.WritePropertyName("reasons"u8);
        Part(writer, decision.Reasons, WriteReasons);
        writer.WritePropertyName("exercises"u8);
        Part(writer, decision.Exercises, WriteExercises);
        writer.WritePropertyName("excluded"u8);
        if (!TryWriteShared(writer, decision.Excluded, WriteExcludedList))
        {
            writer.WriteStartArray();
            foreach (var excluded in decision.Excluded)
            {
                Part(writer, excluded, WriteExcluded);
            }

            writer.WriteEndArray();
        }

        writer.WritePropertyName("safetyAdvice"u8);
        Part(writer, decision.SafetyAdvice, WriteStrings);
        writer.WriteString("ruleSetVersion"u8, decision.RuleSetVersion);
        if (decision.WhatWouldChange is { } changes)
        {
            writer.WritePropertyName("whatWouldChange"u8);
            writer.WriteStartArray();
            foreach (var change in changes)
            {
                writer.WriteStartObject();
                writer.WriteString("target"u8, change.Target);
                writer.WriteString("gives"u8, change.Gives);
                writer.WritePropertyName("patch"u8);
                ProfilePatchConverter.WritePatch(writer, change.Patch);
                writer.WriteString("explanation"u8, change.Explanation);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

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

    private static void WriteReasons(Utf8JsonWriter writer, IReadOnlyList<DecisionReason> reasons)
    {
        writer.WriteStartArray();
        foreach (var reason in reasons)
        {
            writer.WriteStartObject();
            writer.WriteString("ruleId"u8, reason.RuleId);
            writer.WriteString("message"u8, reason.Message);
            writer.WriteString("source"u8, reason.Source);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteExercises(Utf8JsonWriter writer, IReadOnlyList<PrescribedExercise> exercises)
    {
        writer.WriteStartArray();
        foreach (var exercise in exercises)
        {
            writer.WriteStartObject();
            writer.WriteString("id"u8, exercise.Id);
            writer.WriteString("name"u8, exercise.Name);
            writer.WriteString("kind"u8, ContractNames.Of(exercise.Kind));
            writer.WritePropertyName("movements"u8);
            writer.WriteStartArray();
            foreach (var movement in exercise.Movements)
            {
                writer.WriteStringValue(ContractNames.Of(movement));
            }

            writer.WriteEndArray();
            writer.WritePropertyName("dosage"u8);
            writer.WriteStartObject();
            Number(writer, "holdSeconds"u8, exercise.Dosage.HoldSeconds);
            Number(writer, "repetitions"u8, exercise.Dosage.Repetitions);
            Number(writer, "sets"u8, exercise.Dosage.Sets);
            Number(writer, "minutes"u8, exercise.Dosage.Minutes);
            Number(writer, "timesPerDay"u8, exercise.Dosage.TimesPerDay);
            writer.WriteEndObject();
            writer.WritePropertyName("instructions"u8);
            WriteStrings(writer, exercise.Instructions);
            writer.WriteString("rationale"u8, exercise.Rationale);
            writer.WriteString("source"u8, exercise.Source);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteExcludedList(Utf8JsonWriter writer, IReadOnlyList<ExcludedExercise> excluded)
    {
        writer.WriteStartArray();
        foreach (var item in excluded)
        {
            WriteExcluded(writer, item);
        }

        writer.WriteEndArray();
    }

    private static void WriteExcluded(Utf8JsonWriter writer, ExcludedExercise excluded)
    {
        writer.WriteStartObject();
        writer.WriteString("id"u8, excluded.Id);
        writer.WritePropertyName("reasons"u8);
        WriteReasons(writer, excluded.Reasons);
        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, IReadOnlyList<string> values)
    {
        writer.WriteStartArray();
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter writer, ReadOnlySpan<byte> name, int? value)
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
