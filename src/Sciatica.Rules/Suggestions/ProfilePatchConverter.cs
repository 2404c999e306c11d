using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Sciatica.Rules;

/// <summary>
/// A <see cref="ProfilePatch"/> as the JSON Merge Patch it is: only the members it sets, in the contract's order, a
/// directional preference set to none written as <c>null</c>. Reading is strict: an unknown member, a repeated one or
/// a value a patch may not set is an error.
/// </summary>
internal sealed class ProfilePatchConverter : JsonConverter<ProfilePatch>
{
    public override ProfilePatch Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A patch is a JSON object.");
        }

        var patch = new ProfilePatch();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString() ?? string.Empty;
            if (!seen.Add(name))
            {
                throw new JsonException($"'{name}' is given twice.");
            }

            reader.Read();
            patch = name switch
            {
                "medicalClearance" => patch with { MedicalClearance = True(ref reader, name) },
                "symptomsTolerateExercise" => patch with { SymptomsTolerateExercise = True(ref reader, name) },
                "directionalPreference" => patch with
                {
                    SetsDirectionalPreference = true,
                    DirectionalPreference = reader.TokenType == JsonTokenType.Null ? null : Preference(ref reader),
                },
                "clinicianOverrides" => patch with { ClinicianOverrides = JsonSerializer.Deserialize(ref reader, Overrides(options)) ?? throw new JsonException("'clinicianOverrides' must be a list.") },
                "poolAccess" => patch with { PoolAccess = True(ref reader, name) },
                "legPain" => patch with { LegPain = Pain(ref reader, name) },
                "backPain" => patch with { BackPain = Pain(ref reader, name) },
                _ => throw new JsonException($"'{name}' is not a member a patch may set; allowed: medicalClearance, symptomsTolerateExercise, directionalPreference, clinicianOverrides, poolAccess, legPain, backPain."),
            };
        }

        return patch;
    }

    public override void Write(Utf8JsonWriter writer, ProfilePatch value, JsonSerializerOptions options) => WritePatch(writer, value);

    /// <summary>A directional preference by its contract name; numbers, unknown names and <c>unspecified</c> are refused.</summary>
    private static DirectionalPreference Preference(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String && ContractNames.TryParse<DirectionalPreference>(reader.GetString(), out var value)
            ? value
            : throw new JsonException($"Allowed values: {string.Join(", ", ContractNames.All<DirectionalPreference>())}.");

    /// <summary>
    /// The list of overrides as the options being read with resolve it: the contract's source-generated (strict)
    /// metadata when the patch is read through the library's JSON context.
    /// </summary>
    private static JsonTypeInfo<IReadOnlyList<ClinicianOverride>> Overrides(JsonSerializerOptions options) =>
        (JsonTypeInfo<IReadOnlyList<ClinicianOverride>>)options.GetTypeInfo(typeof(IReadOnlyList<ClinicianOverride>));

    /// <summary>The patch as one line of compact JSON text, escaped by <paramref name="encoder"/>.</summary>
    public static string Text(ProfilePatch patch, JavaScriptEncoder encoder)
    {
        var output = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = encoder }))
        {
            WritePatch(writer, patch);
        }

        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    /// <summary>Writes the patch: the members it sets, in the contract's order.</summary>
    public static void WritePatch(Utf8JsonWriter writer, ProfilePatch patch)
    {
        writer.WriteStartObject();
        if (patch.MedicalClearance is { } clearance)
        {
            writer.WriteBoolean("medicalClearance"u8, clearance);
        }

        if (patch.SymptomsTolerateExercise is { } tolerate)
        {
            writer.WriteBoolean("symptomsTolerateExercise"u8, tolerate);
        }

        if (patch.SetsDirectionalPreference)
        {
            ContractWriter.WriteStringOrNull(writer, "directionalPreference"u8, patch.DirectionalPreference is { } preference ? ContractNames.Of(preference) : null);
        }

        ContractWriter.WriteOptionalArray(writer, "clinicianOverrides"u8, patch.ClinicianOverrides, static (w, o) =>
        {
            w.WriteStartObject();
            w.WriteString("exerciseId"u8, o.ExerciseId);
            w.WriteString("ruleId"u8, o.RuleId);
            w.WriteString("reason"u8, o.Reason);
            w.WriteEndObject();
        });

        if (patch.PoolAccess is { } pool)
        {
            writer.WriteBoolean("poolAccess"u8, pool);
        }

        if (patch.LegPain is { } leg)
        {
            writer.WriteNumber("legPain"u8, leg);
        }

        if (patch.BackPain is { } back)
        {
            writer.WriteNumber("backPain"u8, back);
        }

        writer.WriteEndObject();
    }

    private static bool True(ref Utf8JsonReader reader, string name) =>
        reader.TokenType == JsonTokenType.True ? true : throw new JsonException($"'{name}' can only be set to true by a patch.");

    private static int Pain(ref Utf8JsonReader reader, string name) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var pain) && pain is >= 0 and <= 10
            ? pain
            : throw new JsonException($"'{name}' must be an integer 0..10.");
}
