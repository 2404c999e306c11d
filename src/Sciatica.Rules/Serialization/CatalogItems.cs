using System.Collections.Immutable;
using System.Text.Json;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules;

/// <content>The items of a catalog's lists: screening gates, exercises and contraindications.</content>
internal static partial class CatalogReader
{
    internal static readonly string[] GateProperties = ["id", "redFlag", "cause", "decision", "timeframe", "rationale", "source"];
    internal static readonly string[] ExerciseProperties =
        ["id", "name", "kind", "position", "movements", "dosage", "minimumDosage", "maximumDosage", "progressionStep", "alternative", "instructions", "rationale", "source", "clinicianEnabledOnly"];
    internal static readonly string[] ContraindicationProperties =
        ["id", "causes", "whenDirectionalPreference", "afterSpineSurgery", "minimumLegPain", "minimumPregnancyWeeks", "movements", "positions", "strength", "liftedByDirectionalPreference", "guardsCustomCatalogsOnly", "rationale", "source"];

    private const string NonEmptyText = "a non-empty text";

    private static readonly byte[][] GateNames = Utf8Names.Of(GateProperties);
    private static readonly byte[][] ExerciseNames = Utf8Names.Of(ExerciseProperties);
    private static readonly byte[][] ContraindicationNames = Utf8Names.Of(ContraindicationProperties);

    private static ScreeningGate? ReadGate(ref JsonPass json, ref ProblemBuffer? items, string path)
    {
        ProblemBuffer? problems = null;
        var texts = new string?[GateNames.Length];
        int flag = -1, cause = -1, decision = -1, timeframe = -1;
        var fields = new ObjectFields(path, GateNames, GateProperties, Allowed.Gates);
        while (fields.Next(ref json, ref problems))
        {
            var (s, at) = (fields.Slot, fields.At);
            switch (fields.Field)
            {
                case 1: flag = JsonValues.NullableEnum<RedFlag>(ref json, ref problems, s, at); break;
                case 2: cause = JsonValues.NullableEnum<Cause>(ref json, ref problems, s, at); break;
                case 3: decision = JsonValues.Enum<DecisionKind>(ref json, ref problems, s, at); break;
                case 4: timeframe = JsonValues.NullableEnum<Timeframe>(ref json, ref problems, s, at); break;
                default: texts[fields.Field] = JsonValues.Text(ref json, ref problems, s, at); break;
            }
        }

        fields.Required(ref problems, GateRequired);

        return JsonValues.ItemRead(ref items, problems, () => new ScreeningGate
        {
            Id = texts[0]!, RedFlag = Optional<RedFlag>(flag), Cause = Optional<Cause>(cause), Decision = (DecisionKind)decision,
            Timeframe = Optional<Timeframe>(timeframe), Rationale = texts[5]!, Source = texts[6]!,
        });
    }

    private static Exercise? ReadExercise(ref JsonPass json, ref ProblemBuffer? items, string path)
    {
        ProblemBuffer? problems = null;
        var texts = new string?[ExerciseNames.Length];
        var doses = new Dosage?[ExerciseNames.Length];
        int kind = -1, position = -1;
        var movements = new List<MovementPattern>();
        List<string>? instructions = null;
        var clinicianOnly = false;
        var fields = new ObjectFields(path, ExerciseNames, ExerciseProperties, Allowed.Exercises);
        while (fields.Next(ref json, ref problems))
        {
            var (s, at) = (fields.Slot, fields.At);
            switch (fields.Field)
            {
                case 5 or 6 or 7 or 8: doses[fields.Field] = DosageReader.Read(ref json, at.ToString(), ref problems, s); break;
                case 2: kind = JsonValues.Enum<ExerciseKind>(ref json, ref problems, s, at); break;
                case 3: position = JsonValues.Enum<BodyPosition>(ref json, ref problems, s, at); break;
                case 4: JsonValues.EnumArray(ref json, ref problems, s, at, out _, movements); break;
                case 9: texts[fields.Field] = JsonValues.NullableText(ref json, ref problems, s, at); break;
                case 10: Instructions(ref json, ref problems, s, at, out instructions); break;
                case 13: JsonValues.Boolean(ref json, ref problems, s, at, out clinicianOnly); break;
                default: texts[fields.Field] = JsonValues.Text(ref json, ref problems, s, at); break;
            }
        }

        fields.Required(ref problems, ExerciseRequired);

        return JsonValues.ItemRead(ref items, problems, () => new Exercise
        {
            Id = texts[0]!, Name = texts[1]!, Kind = (ExerciseKind)kind, Position = (BodyPosition)position, Movements = [.. movements],
            Dosage = doses[5]!, MinimumDosage = doses[6]!, MaximumDosage = doses[7]!, ProgressionStep = doses[8]!, Alternative = texts[9],
            Instructions = [.. instructions!], Rationale = texts[11]!, Source = texts[12]!, ClinicianEnabledOnly = clinicianOnly,
        });
    }

    /// <summary>The required fields of a screening gate, with what each allows, in the order of <see cref="GateProperties"/>.</summary>
    private static readonly (int Field, string Allowed)[] GateRequired =
        [(0, NonEmptyText), (3, EnumWords<DecisionKind>.Allowed), (5, NonEmptyText), (6, NonEmptyText)];

    /// <summary>The required fields of a contraindication, with what each allows, in the order of <see cref="ContraindicationProperties"/>.</summary>
    private static readonly (int Field, string Allowed)[] ContraindicationRequired =
        [(0, NonEmptyText), (8, EnumWords<ContraindicationStrength>.Allowed), (11, NonEmptyText), (12, NonEmptyText)];

    /// <summary>The required fields of an exercise, with what each allows, in the order of <see cref="ExerciseProperties"/>.</summary>
    private static readonly (int Field, string Allowed)[] ExerciseRequired =
    [
        (0, NonEmptyText), (1, NonEmptyText), (2, EnumWords<ExerciseKind>.Allowed), (3, EnumWords<BodyPosition>.Allowed), (4, "an array of " + EnumWords<MovementPattern>.Allowed),
        (5, "a dosage object"), (6, "a dosage object"), (7, "a dosage object"), (8, "a dosage object"), (10, "an array of non-empty texts"), (11, NonEmptyText), (12, NonEmptyText),
    ];

    private static void Instructions(ref JsonPass json, ref ProblemBuffer? problems, int slot, FieldPath at, out List<string>? instructions) =>
        JsonValues.ItemArray(ref json, ref problems, slot, at, "non-empty texts", out instructions, static (ref JsonPass json, ref ProblemBuffer? items, string path) =>
            JsonValues.Text(ref json, ref items, 0, new FieldPath(path, null)));

    private static Contraindication? ReadContraindication(ref JsonPass json, ref ProblemBuffer? items, string path)
    {
        ProblemBuffer? problems = null;
        var texts = new string?[ContraindicationNames.Length];
        int when = -1, strength = -1, lifted = -1;
        int? legPain = null, pregnancy = null;
        bool afterSurgery = false, customOnly = false;
        List<Cause> causes = [];
        List<MovementPattern> movements = [];
        List<BodyPosition> positions = [];
        var fields = new ObjectFields(path, ContraindicationNames, ContraindicationProperties, Allowed.Contraindications);
        while (fields.Next(ref json, ref problems))
        {
            var (s, at) = (fields.Slot, fields.At);
            switch (fields.Field)
            {
                case 1: JsonValues.EnumArray(ref json, ref problems, s, at, out _, causes); break;
                case 2: when = JsonValues.NullableEnum<DirectionalPreference>(ref json, ref problems, s, at); break;
                case 3: JsonValues.Boolean(ref json, ref problems, s, at, out afterSurgery); break;
                case 4: JsonValues.Integer(ref json, ref problems, s, at, 0, 10, nullable: true, out legPain); break;
                case 5: JsonValues.Integer(ref json, ref problems, s, at, 0, 42, nullable: true, out pregnancy); break;
                case 6: JsonValues.EnumArray(ref json, ref problems, s, at, out _, movements); break;
                case 7: JsonValues.EnumArray(ref json, ref problems, s, at, out _, positions); break;
                case 8: strength = JsonValues.Enum<ContraindicationStrength>(ref json, ref problems, s, at); break;
                case 9: lifted = JsonValues.NullableEnum<DirectionalPreference>(ref json, ref problems, s, at); break;
                case 10: JsonValues.Boolean(ref json, ref problems, s, at, out customOnly); break;
                default: texts[fields.Field] = JsonValues.Text(ref json, ref problems, s, at); break;
            }
        }

        fields.Required(ref problems, ContraindicationRequired);

        return JsonValues.ItemRead(ref items, problems, () => new Contraindication
        {
            Id = texts[0]!, Causes = [.. causes], WhenDirectionalPreference = Optional<DirectionalPreference>(when), AfterSpineSurgery = afterSurgery,
            MinimumLegPain = legPain, MinimumPregnancyWeeks = pregnancy, Movements = [.. movements], Positions = [.. positions],
            Strength = (ContraindicationStrength)strength, LiftedByDirectionalPreference = Optional<DirectionalPreference>(lifted), GuardsCustomCatalogsOnly = customOnly,
            Rationale = texts[11]!, Source = texts[12]!,
        });
    }

    private static TEnum? Optional<TEnum>(int value)
        where TEnum : struct, Enum =>
        value < 0 ? null : System.Runtime.CompilerServices.Unsafe.As<int, TEnum>(ref value);
}
