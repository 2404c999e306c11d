using System.Text.Json;
using System.Text.Json.Serialization;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules;

/// <summary>The source-generated serializer metadata of the JSON contract (no reflection, trim and AOT safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowDuplicateProperties = false,
    Converters =
    [
        typeof(CamelCaseEnumConverter<Cause>), typeof(CamelCaseEnumConverter<NerveRoot>), typeof(CamelCaseEnumConverter<RedFlag>),
        typeof(CamelCaseEnumConverter<MovementPattern>), typeof(CamelCaseEnumConverter<ExerciseKind>), typeof(CamelCaseEnumConverter<BodyPosition>),
        typeof(CamelCaseEnumConverter<DirectionalPreference>), typeof(CamelCaseEnumConverter<DecisionKind>),
        typeof(CamelCaseEnumConverter<ReviewDecision>), typeof(CamelCaseEnumConverter<ReviewAction>), typeof(CamelCaseEnumConverter<SymptomChange>),
        typeof(CamelCaseEnumConverter<NextMorningChange>), typeof(CamelCaseEnumConverter<ContraindicationStrength>),
        typeof(CamelCaseEnumConverter<RuleCategory>), typeof(CamelCaseEnumConverter<Timeframe>), typeof(CamelCaseEnumConverter<AffectedSide>),
    ])]
[JsonSerializable(typeof(ProgramDecision))]
[JsonSerializable(typeof(PatientProfile))]
[JsonSerializable(typeof(DecisionReason))]
[JsonSerializable(typeof(ScreeningNotice))]
[JsonSerializable(typeof(PrescribedExercise))]
[JsonSerializable(typeof(ExcludedExercise))]
[JsonSerializable(typeof(IReadOnlyList<DecisionReason>))]
[JsonSerializable(typeof(IReadOnlyList<PrescribedExercise>))]
[JsonSerializable(typeof(IReadOnlyList<ExcludedExercise>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(ClinicianOverride))]
[JsonSerializable(typeof(IReadOnlyList<ClinicianOverride>))]
[JsonSerializable(typeof(SuggestedChange))]
[JsonSerializable(typeof(ProfilePatch))]
[JsonSerializable(typeof(Dosage))]
[JsonSerializable(typeof(Cause))]
[JsonSerializable(typeof(NerveRoot))]
[JsonSerializable(typeof(RedFlag))]
[JsonSerializable(typeof(MovementPattern))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(CatalogDocument))]
[JsonSerializable(typeof(ScreeningGate))]
[JsonSerializable(typeof(Exercise))]
[JsonSerializable(typeof(Contraindication))]
[JsonSerializable(typeof(RuleThresholds))]
[JsonSerializable(typeof(RuleDescription))]
[JsonSerializable(typeof(IReadOnlyList<RuleDescription>))]
[JsonSerializable(typeof(SessionReview))]
[JsonSerializable(typeof(ExerciseReview))]
[JsonSerializable(typeof(ReviewRequest))]
[JsonSerializable(typeof(SessionFeedback))]
[JsonSerializable(typeof(ExerciseFeedback))]
internal sealed partial class ContractJsonContext : JsonSerializerContext
{
}

/// <summary>
/// The configured contexts: compact (one document per line) and indented (for people). Kept apart from
/// the generated context because static initialisers of partial classes run in no fixed order.
/// </summary>
internal static class ContractJson
{
    public static ContractJsonContext Compact { get; } = Create(indented: false);

    public static ContractJsonContext Indented { get; } = Create(indented: true);

    private static ContractJsonContext Create(bool indented) =>
        new(new JsonSerializerOptions(ContractJsonContext.Default.Options) { Encoder = ContractEncoder.Instance, WriteIndented = indented, IndentSize = 2 });
}
