using System.Text;
using System.Text.Json;

namespace Sciatica.Rules;

/// <summary>
/// Reads the profile document of the JSON contract in one forward pass over its UTF-8 (<see cref="JsonPass"/>):
/// each value is checked as it is read and the profile built from what was read, so a valid document costs no
/// document tree and no list of problems, and an invalid one gets every problem with its path. Problems are listed
/// in the order they always were: unknown properties as they come, then the fields in the order of
/// <see cref="Properties"/>. Every entry point (text, bytes, streams, parsed elements, NDJSON lines, the FHIR
/// intake and the profiles inside review requests) reads a profile here.
/// </summary>
internal static class ProfileReader
{
    public static readonly string[] Properties =
    [
        "causes", "affectedRoots", "affectedSide", "legPain", "backPain", "redFlags", "medicalClearance", "symptomsTolerateExercise",
        "landWalkingPainful", "poolAccess", "age", "weeksSinceSpineSurgery", "symptomWeeks", "pregnancyWeeks", "directionalPreference", "clinicianOverrides",
    ];

    internal static readonly string[] OverrideProperties = ["exerciseId", "ruleId", "reason"];

    /// <summary>What to ask when the red-flag answers are missing (unasked is not "none").</summary>
    internal const string RedFlagsQuestion = "the red-flag screening questions were not answered: ask each one and send [] when none is present";

    /// <summary>What to ask when the tolerance answer is missing (unasked is not "yes").</summary>
    internal const string TolerateQuestion = "ask whether symptoms are controlled enough (for example with medication) to tolerate exercise";

    private static readonly byte[][] Names = Utf8Names.Of(Properties);
    private static readonly byte[][] OverrideNames = Utf8Names.Of(OverrideProperties);

    // The indexes of Properties; a field's problems are listed in slot index + 1 (slot 0 holds unknown properties).
    private const int Causes = 0, AffectedRoots = 1, AffectedSide = 2, LegPain = 3, BackPain = 4, RedFlags = 5, MedicalClearance = 6, SymptomsTolerateExercise = 7,
        LandWalkingPainful = 8, PoolAccess = 9, Age = 10, WeeksSinceSpineSurgery = 11, SymptomWeeks = 12, PregnancyWeeks = 13, DirectionalPreference = 14, ClinicianOverrides = 15;

    /// <summary>Reads a profile document; one byte order mark may open it.</summary>
    /// <exception cref="SciaticaValidationException">The document is not valid JSON or breaks the contract.</exception>
    public static PatientProfile Read(ReadOnlySpan<byte> utf8)
    {
        var json = new JsonPass(utf8);
        ProblemBuffer? problems = null;
        PatientProfile? profile = null;
        JsonException? syntax = null;
        try
        {
            json.Read();
            profile = Read(ref json, "$", ref problems, 0);
            json.End();
        }
        catch (JsonException ex)
        {
            syntax = ex;
        }

        return json.Refusal("profile", syntax, problems) is { } refusal ? throw refusal : profile!;
    }

    /// <summary>
    /// The problem of a screening answer that is missing or null, naming the question to ask and what the answer may be:
    /// a list of red flags (<paramref name="flagList"/>) or true or false. A red-flag list names as many flags as fit the
    /// bound of a message, and still ends with what to send when none is present (a message cut at the bound would lose
    /// that end).
    /// </summary>
    internal static string Unasked(bool isNull, bool flagList, string question)
    {
        var head = (isNull ? "is null" : "is required") + $": {question}; allowed values: ";
        return flagList
            ? ProblemList.ListedWithin(head + "an array of ", ContractNames.All<RedFlag>(), ", or [] when none is present.")
            : head + "true or false.";
    }

    /// <summary>Reads the profile object at the current token; its problems go to <paramref name="slot"/> of <paramref name="parent"/>, and then it is null.</summary>
    public static PatientProfile? Read(ref JsonPass json, string path, ref ProblemBuffer? parent, int slot)
    {
        ProblemBuffer? problems = null;
        var profile = ReadObject(ref json, path, ref problems);
        if (problems is null)
        {
            return profile;
        }

        (parent ??= new()).AddAll(slot, problems);
        return null;
    }

    private static PatientProfile? ReadObject(ref JsonPass json, string path, ref ProblemBuffer? problems)
    {
        if (json.Token != JsonTokenType.StartObject)
        {
            JsonValues.Wrong(ref json, ref problems, 0, new FieldPath(path, null), "a JSON object");
            return null;
        }

        ulong causes = 0, roots = 0, flags = 0;
        int side = -1, preference = -1;
        int? legPain = null, backPain = null, age = null, surgery = null, symptoms = null, pregnancy = null;
        bool clearance = false, tolerate = false, land = false, pool = false;
        List<ClinicianOverride>? overrides = null;
        var fields = new ObjectFields(path, Names, Properties, Allowed.Properties, RedFlags);
        while (fields.Next(ref json, ref problems))
        {
            var field = fields.Field;
            var at = new FieldPath(path, Properties[field]);
            var s = field + 1;
            switch (field)
            {
                case Causes when json.EmptyArray():
                    JsonValues.Add(ref problems, s, at.ToString(), ProblemList.ListedWithin("must list at least one cause (use \"unknown\" when the cause is not diagnosed); allowed values: ", ContractNames.All<Cause>(), "."));
                    break;
                case Causes: JsonValues.EnumArray<Cause>(ref json, ref problems, s, at, out causes); break;
                case AffectedRoots: JsonValues.EnumArray<NerveRoot>(ref json, ref problems, s, at, out roots); break;
                case AffectedSide: side = JsonValues.NullableEnum<AffectedSide>(ref json, ref problems, s, at); break;
                case LegPain: JsonValues.Integer(ref json, ref problems, s, at, 0, 10, nullable: false, out legPain); break;
                case BackPain: JsonValues.Integer(ref json, ref problems, s, at, 0, 10, nullable: false, out backPain); break;
                case RedFlags when json.Token == JsonTokenType.Null: JsonValues.Add(ref problems, s, at.ToString(), Unasked(isNull: true, flagList: true, RedFlagsQuestion)); break;
                case RedFlags: JsonValues.EnumArray<RedFlag>(ref json, ref problems, s, at, out flags); break;
                case MedicalClearance: JsonValues.Boolean(ref json, ref problems, s, at, out clearance); break;
                case SymptomsTolerateExercise when json.Token == JsonTokenType.Null:
                    JsonValues.Add(ref problems, s, at.ToString(), Unasked(isNull: true, flagList: false, TolerateQuestion));
                    break;
                case SymptomsTolerateExercise: JsonValues.Boolean(ref json, ref problems, s, at, out tolerate); break;
                case LandWalkingPainful: JsonValues.Boolean(ref json, ref problems, s, at, out land); break;
                case PoolAccess: JsonValues.Boolean(ref json, ref problems, s, at, out pool); break;
                case Age: JsonValues.Integer(ref json, ref problems, s, at, 16, 120, nullable: true, out age); break;
                case WeeksSinceSpineSurgery: JsonValues.Integer(ref json, ref problems, s, at, 0, int.MaxValue, nullable: true, out surgery); break;
                case SymptomWeeks: JsonValues.Integer(ref json, ref problems, s, at, 0, 520, nullable: true, out symptoms); break;
                case PregnancyWeeks: JsonValues.Integer(ref json, ref problems, s, at, 0, 42, nullable: true, out pregnancy); break;
                case DirectionalPreference: preference = JsonValues.NullableEnum<DirectionalPreference>(ref json, ref problems, s, at); break;
                default: Overrides(ref json, ref problems, s, at, out overrides); break;
            }
        }

        // The screening answers are required too: unasked is not "none" (the problem names the question to ask).
        const int Required = (1 << Causes) | (1 << LegPain) | (1 << BackPain) | (1 << MedicalClearance) | (1 << RedFlags) | (1 << SymptomsTolerateExercise);
        if ((fields.Seen & Required) != Required)
        {
            Missing(ref problems, path, fields.Seen);
        }

        if (problems is not null)
        {
            return null;
        }

        var profile = new PatientProfile
        {
            Causes = EquatableArray.FromEnumBits<Cause>(causes),
            AffectedRoots = EquatableArray.FromEnumBits<NerveRoot>(roots),
            AffectedSide = side >= 0 ? (AffectedSide)side : null,
            LegPain = legPain!.Value,
            BackPain = backPain!.Value,
            RedFlags = EquatableArray.FromEnumBits<RedFlag>(flags),
            MedicalClearance = clearance,
            SymptomsTolerateExercise = tolerate,
            LandWalkingPainful = land,
            PoolAccess = pool,
            Age = age,
            WeeksSinceSpineSurgery = surgery,
            SymptomWeeks = symptoms,
            PregnancyWeeks = pregnancy,
            DirectionalPreference = preference >= 0 ? (DirectionalPreference)preference : null,
        };

        // Set only when given: the property sorts what it is set to, which an empty list need not cost.
        return overrides is null ? profile : profile with { ClinicianOverrides = overrides };
    }

    private static void Missing(ref ProblemBuffer? problems, string path, int seen)
    {
        void Require(ref ProblemBuffer? problems, int field, string message)
        {
            if ((seen & (1 << field)) == 0)
            {
                JsonValues.Add(ref problems, field + 1, JsonPaths.Child(path, Properties[field]), message);
            }
        }

        Require(ref problems, Causes, "is required; allowed values: an array of " + EnumWords<Cause>.Allowed + ".");
        Require(ref problems, LegPain, "is required; allowed values: an integer 0..10.");
        Require(ref problems, BackPain, "is required; allowed values: an integer 0..10.");
        Require(ref problems, RedFlags, Unasked(isNull: false, flagList: true, RedFlagsQuestion));
        Require(ref problems, MedicalClearance, "is required; allowed values: true or false.");
        Require(ref problems, SymptomsTolerateExercise, Unasked(isNull: false, flagList: false, TolerateQuestion));
    }

    private static void Overrides(ref JsonPass json, ref ProblemBuffer? problems, int slot, FieldPath at, out List<ClinicianOverride>? overrides)
    {
        // An empty list, the common case, is read without the state of a list of overrides, and left unset as when
        // the field is left out.
        overrides = null;
        if (!json.EmptyArray())
        {
            OverrideList(ref json, ref problems, slot, at, out overrides);
        }
    }

    private static void OverrideList(ref JsonPass json, ref ProblemBuffer? problems, int slot, FieldPath at, out List<ClinicianOverride>? overrides)
    {
        var pairs = new HashSet<(string, string)>();
        JsonValues.ItemArray(ref json, ref problems, slot, at, "objects with exerciseId, ruleId and reason", out overrides, (ref JsonPass json, ref ProblemBuffer? items, string path) =>
            Override(ref json, ref items, path, pairs));
    }

    private static ClinicianOverride? Override(ref JsonPass json, ref ProblemBuffer? items, string path, HashSet<(string, string)> pairs)
    {
        ProblemBuffer? problems = null;
        var texts = new string?[OverrideNames.Length];
        var fields = new ObjectFields(path, OverrideNames, OverrideProperties, Allowed.Overrides);
        while (fields.Next(ref json, ref problems))
        {
            texts[fields.Field] = JsonValues.Text(ref json, ref problems, fields.Slot, fields.At);
        }

        fields.Required(ref problems, OverrideRequired);
        if (texts is [{ } exerciseId, { } ruleId, _] && !pairs.Add((exerciseId, ruleId)))
        {
            JsonValues.Add(ref problems, 3, path, $"is a second override of '{ProblemList.Echo(ruleId)}' for '{ProblemList.Echo(exerciseId)}'; allowed: one override per exercise and rule.");
        }

        return JsonValues.ItemRead(ref items, problems, () => new ClinicianOverride { ExerciseId = texts[0]!, RuleId = texts[1]!, Reason = texts[2]! });
    }

    /// <summary>The required fields of an override: each a non-empty text.</summary>
    private static readonly (int Field, string Allowed)[] OverrideRequired = [(0, "a non-empty text"), (1, "a non-empty text"), (2, "a non-empty text")];

    /// <summary>The allowed properties, for messages: made only when a document names a property that is not one.</summary>
    private static class Allowed
    {
        public static readonly string Properties = string.Join(", ", ProfileReader.Properties);

        public static readonly string Overrides = string.Join(", ", OverrideProperties);
    }
}
