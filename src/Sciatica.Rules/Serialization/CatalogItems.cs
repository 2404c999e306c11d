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

    private static readonly byte[][] GateNames = Utf8(GateProperties);
    private static readonly byte[][] ExerciseNames = Utf8(ExerciseProperties);
    private static readonly byte[][] ContraindicationNames = Utf8(ContraindicationProperties);

    private static ScreeningGate? ReadGate(ref JsonPass json, ref ProblemBuffer? items, string path)
    {
        ProblemBuffer? problems = null;
        var texts = new string?[GateNames.Length];
        int flag = -1, cause = -1, decision = -1, timeframe = -1;
        if (Begin(ref json, ref problems, path) is var id and >= 0)
        {
            Span<int> first = stackalloc int[GateNames.Length];
            var seen = 0;
            while (Next(ref json))
            {
                var field = json.Match(GateNames);
                if (JsonValues.Property(ref json, ref problems, id, path, field, ref seen, first, Allowed.Gates))
                {
                    var (s, at) = (field + 1, new FieldPath(path, GateProperties[field]));
                    _ = field switch
                    {
                        1 => JsonValues.NullableEnum<RedFlag>(ref json, ref problems, s, at, out flag),
                        2 => JsonValues.NullableEnum<Cause>(ref json, ref problems, s, at, out cause),
                        3 => (decision = JsonValues.Enum<DecisionKind>(ref json, ref problems, s, at)) >= 0,
                        4 => JsonValues.NullableEnum<Timeframe>(ref json, ref problems, s, at, out timeframe),
                        _ => (texts[field] = JsonValues.Text(ref json, ref problems, s, at)) is not null,
                    };
                }
            }

            JsonValues.Required(ref problems, seen, 0, path, GateProperties, NonEmptyText);
            JsonValues.Required(ref problems, seen, 3, path, GateProperties, EnumWords<DecisionKind>.Allowed);
            JsonValues.Required(ref problems, seen, 5, path, GateProperties, NonEmptyText);
            JsonValues.Required(ref problems, seen, 6, path, GateProperties, NonEmptyText);
        }

        return Item(ref items, problems, () => new ScreeningGate
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
        if (Begin(ref json, ref problems, path) is var id and >= 0)
        {
            Span<int> first = stackalloc int[ExerciseNames.Length];
            var seen = 0;
            while (Next(ref json))
            {
                var field = json.Match(ExerciseNames);
                if (JsonValues.Property(ref json, ref problems, id, path, field, ref seen, first, Allowed.Exercises))
                {
                    var (s, at) = (field + 1, new FieldPath(path, ExerciseProperties[field]));
                    _ = field switch
                    {
                        2 => (kind = JsonValues.Enum<ExerciseKind>(ref json, ref problems, s, at)) >= 0,
                        3 => (position = JsonValues.Enum<BodyPosition>(ref json, ref problems, s, at)) >= 0,
                        4 => JsonValues.EnumArray(ref json, ref problems, s, at, out _, out _, movements),
                        5 or 6 or 7 or 8 => (doses[field] = DosageReader.Read(ref json, at.ToString(), ref problems, s)) is not null,
                        9 => JsonValues.NullableText(ref json, ref problems, s, at, out texts[field]),
                        10 => Instructions(ref json, ref problems, s, at, out instructions),
                        13 => JsonValues.Boolean(ref json, ref problems, s, at, out clinicianOnly),
                        _ => (texts[field] = JsonValues.Text(ref json, ref problems, s, at)) is not null,
                    };
                }
            }

            foreach (var (field, allowed) in ExerciseRequired)
            {
                JsonValues.Required(ref problems, seen, field, path, ExerciseProperties, allowed);
            }
        }

        return Item(ref items, problems, () => new Exercise
        {
            Id = texts[0]!, Name = texts[1]!, Kind = (ExerciseKind)kind, Position = (BodyPosition)position, Movements = [.. movements],
            Dosage = doses[5]!, MinimumDosage = doses[6]!, MaximumDosage = doses[7]!, ProgressionStep = doses[8]!, Alternative = texts[9],
            Instructions = [.. instructions!], Rationale = texts[11]!, Source = texts[12]!, ClinicianEnabledOnly = clinicianOnly,
        });
    }

    /// <summary>The required fields of an exercise, with what each allows, in the order of <see cref="ExerciseProperties"/>.</summary>
    private static readonly (int Field, string Allowed)[] ExerciseRequired =
    [
        (0, NonEmptyText), (1, NonEmptyText), (2, EnumWords<ExerciseKind>.Allowed), (3, EnumWords<BodyPosition>.Allowed), (4, "an array of " + EnumWords<MovementPattern>.Allowed),
        (5, "a dosage object"), (6, "a dosage object"), (7, "a dosage object"), (8, "a dosage object"), (10, "an array of non-empty texts"), (11, NonEmptyText), (12, NonEmptyText),
    ];

    private static bool Instructions(ref JsonPass json, ref ProblemBuffer? problems, int slot, FieldPath at, out List<string>? instructions) =>
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
        if (Begin(ref json, ref problems, path) is var id and >= 0)
        {
            Span<int> first = stackalloc int[ContraindicationNames.Length];
            var seen = 0;
            while (Next(ref json))
            {
                var field = json.Match(ContraindicationNames);
                if (JsonValues.Property(ref json, ref problems, id, path, field, ref seen, first, Allowed.Contraindications))
                {
                    var (s, at) = (field + 1, new FieldPath(path, ContraindicationProperties[field]));
                    _ = field switch
                    {
                        1 => JsonValues.EnumArray(ref json, ref problems, s, at, out _, out _, causes),
                        2 => JsonValues.NullableEnum<DirectionalPreference>(ref json, ref problems, s, at, out when),
                        3 => JsonValues.Boolean(ref json, ref problems, s, at, out afterSurgery),
                        4 => JsonValues.Integer(ref json, ref problems, s, at, 0, 10, nullable: true, out legPain),
                        5 => JsonValues.Integer(ref json, ref problems, s, at, 0, 42, nullable: true, out pregnancy),
                        6 => JsonValues.EnumArray(ref json, ref problems, s, at, out _, out _, movements),
                        7 => JsonValues.EnumArray(ref json, ref problems, s, at, out _, out _, positions),
                        8 => (strength = JsonValues.Enum<ContraindicationStrength>(ref json, ref problems, s, at)) >= 0,
                        9 => JsonValues.NullableEnum<DirectionalPreference>(ref json, ref problems, s, at, out lifted),
                        10 => JsonValues.Boolean(ref json, ref problems, s, at, out customOnly),
                        _ => (texts[field] = JsonValues.Text(ref json, ref problems, s, at)) is not null,
                    };
                }
            }

            JsonValues.Required(ref problems, seen, 0, path, ContraindicationProperties, NonEmptyText);
            JsonValues.Required(ref problems, seen, 8, path, ContraindicationProperties, EnumWords<ContraindicationStrength>.Allowed);
            JsonValues.Required(ref problems, seen, 11, path, ContraindicationProperties, NonEmptyText);
            JsonValues.Required(ref problems, seen, 12, path, ContraindicationProperties, NonEmptyText);
        }

        return Item(ref items, problems, () => new Contraindication
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
