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

    private static readonly byte[][] Names = [.. Properties.Select(Encoding.UTF8.GetBytes)];
    private static readonly byte[][] OverrideNames = [.. OverrideProperties.Select(Encoding.UTF8.GetBytes)];

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

    /// <summary>What a screening answer may be, for the message that asks for it.</summary>
    internal static string AskedAllowed(string name) => name is "redFlags" or "newRedFlags"
        ? "an array of " + EnumWords<RedFlag>.Allowed + " ([] when none is present)"
        : "true or false";

    /// <summary>The problem of a screening answer that is missing or null, naming the question to ask.</summary>
    internal static string Unasked(bool isNull, string name, string question) =>
        (isNull ? "is null" : "is required") + $": {question}; allowed values: {AskedAllowed(name)}.";

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

        var id = json.NewObject();
        Span<int> first = stackalloc int[Properties.Length];
        int seen = 0, valid = 0, causeCount = 0;
        ulong causes = 0, roots = 0, flags = 0;
        int side = -1, preference = -1;
        int? legPain = null, backPain = null, age = null, surgery = null, symptoms = null, pregnancy = null;
        bool clearance = false, tolerate = false, land = false, pool = false;
        List<ClinicianOverride>? overrides = null;
        var field = -1;
        while (NextField(ref json, ref problems, Names, Allowed.Properties, id, path, first, ref seen, RedFlags, ref field))
        {
            var at = new FieldPath(path, Properties[field]);
            var s = field + 1;
            var ok = field switch
            {
                Causes => JsonValues.EnumArray<Cause>(ref json, ref problems, s, at, out causes, out causeCount),
                AffectedRoots => JsonValues.EnumArray<NerveRoot>(ref json, ref problems, s, at, out roots, out _),
                AffectedSide => json.Token == JsonTokenType.Null || (side = JsonValues.Enum<AffectedSide>(ref json, ref problems, s, at)) >= 0,
                LegPain => JsonValues.Integer(ref json, ref problems, s, at, 0, 10, nullable: false, out legPain),
                BackPain => JsonValues.Integer(ref json, ref problems, s, at, 0, 10, nullable: false, out backPain),
                RedFlags => json.Token == JsonTokenType.Null
                    ? Null(ref problems, s, at, Unasked(isNull: true, "redFlags", RedFlagsQuestion))
                    : JsonValues.EnumArray<RedFlag>(ref json, ref problems, s, at, out flags, out _),
                MedicalClearance => JsonValues.Boolean(ref json, ref problems, s, at, out clearance),
                SymptomsTolerateExercise => json.Token == JsonTokenType.Null
                    ? Null(ref problems, s, at, Unasked(isNull: true, "symptomsTolerateExercise", TolerateQuestion))
                    : JsonValues.Boolean(ref json, ref problems, s, at, out tolerate),
                LandWalkingPainful => JsonValues.Boolean(ref json, ref problems, s, at, out land),
                PoolAccess => JsonValues.Boolean(ref json, ref problems, s, at, out pool),
                Age => JsonValues.Integer(ref json, ref problems, s, at, 16, 120, nullable: true, out age),
                WeeksSinceSpineSurgery => JsonValues.Integer(ref json, ref problems, s, at, 0, int.MaxValue, nullable: true, out surgery),
                SymptomWeeks => JsonValues.Integer(ref json, ref problems, s, at, 0, 520, nullable: true, out symptoms),
                PregnancyWeeks => JsonValues.Integer(ref json, ref problems, s, at, 0, 42, nullable: true, out pregnancy),
                DirectionalPreference => json.Token == JsonTokenType.Null || (preference = JsonValues.Enum<DirectionalPreference>(ref json, ref problems, s, at)) >= 0,
                _ => Overrides(ref json, ref problems, s, at, out overrides),
            };
            valid |= ok ? 1 << field : 0;
        }

        if ((valid & (1 << Causes)) != 0 && causeCount == 0)
        {
            JsonValues.Add(ref problems, Causes + 1, JsonPaths.Child(path, "causes"), "must list at least one cause (use \"unknown\" when the cause is not diagnosed); allowed values: " + EnumWords<Cause>.Allowed + ".");
        }

        // The screening answers are required too: unasked is not "none" (the problem names the question to ask).
        const int Required = (1 << Causes) | (1 << LegPain) | (1 << BackPain) | (1 << MedicalClearance) | (1 << RedFlags) | (1 << SymptomsTolerateExercise);
        if ((seen & Required) != Required)
        {
            Missing(ref problems, path, seen);
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

    private static bool Null(ref ProblemBuffer? problems, int slot, FieldPath at, string message)
    {
        JsonValues.Add(ref problems, slot, at.ToString(), message);
        return false;
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
        Require(ref problems, RedFlags, Unasked(isNull: false, "redFlags", RedFlagsQuestion));
        Require(ref problems, MedicalClearance, "is required; allowed values: true or false.");
        Require(ref problems, SymptomsTolerateExercise, Unasked(isNull: false, "symptomsTolerateExercise", TolerateQuestion));
    }

    private static bool Overrides(ref JsonPass json, ref ProblemBuffer? problems, int slot, FieldPath at, out List<ClinicianOverride>? overrides)
    {
        overrides = null;
        if (json.Token != JsonTokenType.StartArray)
        {
            return JsonValues.Wrong(ref json, ref problems, slot, at, "an array of objects with exerciseId, ruleId and reason");
        }

        ProblemBuffer? items = null;
        HashSet<(string, string)>? pairs = null;
        var undecodable = json.UndecodableAt;
        var count = 0;
        while (true)
        {
            json.Read();
            if (json.Token == JsonTokenType.EndArray)
            {
                break;
            }

            if (count++ >= JsonValues.MaximumArrayItems)
            {
                json.Skip(at.Item(count - 1), redFlags: false);
                continue;
            }

            if (Override(ref json, ref items, at.Item(count - 1).ToString(), ref pairs) is { } read)
            {
                (overrides ??= []).Add(read);
            }
        }

        return JsonValues.Items(ref json, ref problems, slot, at, count, items, undecodable);
    }

    private static ClinicianOverride? Override(ref JsonPass json, ref ProblemBuffer? items, string path, ref HashSet<(string, string)>? pairs)
    {
        ProblemBuffer? problems = null;
        if (json.Token != JsonTokenType.StartObject)
        {
            JsonValues.Wrong(ref json, ref problems, 0, new FieldPath(path, null), "a JSON object");
            (items ??= new()).AddAll(0, problems);
            return null;
        }

        var id = json.NewObject();
        Span<int> first = stackalloc int[OverrideNames.Length];
        var seen = 0;
        var texts = new string?[OverrideNames.Length];
        var field = -1;
        while (NextField(ref json, ref problems, OverrideNames, Allowed.Overrides, id, path, first, ref seen, redFlagsField: -1, ref field))
        {
            texts[field] = JsonValues.Text(ref json, ref problems, field + 1, new FieldPath(path, OverrideProperties[field]));
        }

        for (var f = 0; f < OverrideNames.Length; f++)
        {
            if ((seen & (1 << f)) == 0)
            {
                JsonValues.Add(ref problems, f + 1, JsonPaths.Child(path, OverrideProperties[f]), "is required; allowed values: a non-empty text.");
            }
        }

        var (exerciseId, ruleId, reason) = (texts[0], texts[1], texts[2]);
        if (exerciseId is not null && ruleId is not null && !(pairs ??= []).Add((exerciseId, ruleId)))
        {
            JsonValues.Add(ref problems, 3, path, $"is a second override of '{ProblemList.Echo(ruleId)}' for '{ProblemList.Echo(exerciseId)}'; allowed: one override per exercise and rule.");
        }

        items ??= problems is null ? items : new();
        items?.AddAll(0, problems);
        return exerciseId is null || ruleId is null || reason is null
            ? null
            : new ClinicianOverride { ExerciseId = exerciseId, RuleId = ruleId, Reason = reason };
    }

    /// <summary>The allowed properties, for messages: made only when a document names a property that is not one.</summary>
    /// <summary>
    /// Moves to the next property of the object being read and onto its value; false at the object's end. A property
    /// not among <paramref name="names"/>, or one given again, is reported and skipped; any other is marked in
    /// <paramref name="seen"/> (its name's start kept in <paramref name="first"/>) and returned as <paramref name="field"/>.
    /// </summary>
    private static bool NextField(ref JsonPass json, ref ProblemBuffer? problems, byte[][] names, string allowed, int id, string path, scoped Span<int> first, ref int seen, int redFlagsField, ref int field)
    {
        // The field read last comes in: the one after it is tried first.
        var expected = field + 1;
        while (true)
        {
            json.Read();
            if (json.Token == JsonTokenType.EndObject)
            {
                field = -1;
                return false;
            }

            field = json.Match(names, expected);
            if (field < 0)
            {
                JsonValues.Unknown(ref json, ref problems, id, path, allowed);
            }
            else if ((seen & (1 << field)) != 0)
            {
                JsonValues.Repeated(ref json, path, first[field], field == redFlagsField);
            }
            else
            {
                seen |= 1 << field;
                first[field] = json.TokenStart;
                json.Read();
                return true;
            }
        }
    }

    private static class Allowed
    {
        public static readonly string Properties = string.Join(", ", ProfileReader.Properties);

        public static readonly string Overrides = string.Join(", ", OverrideProperties);
    }
}
