using System.Text.Json;

namespace Sciatica.Rules;

/// <summary>Reads the profile document of the JSON contract strictly.</summary>
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

    /// <summary>
    /// Reports a screening answer that is missing or null, naming the question to ask; returns whether an answer was
    /// given (which is then read and checked as usual).
    /// </summary>
    internal static bool Asked(in JsonElementReader reader, string name, string question)
    {
        if (!reader.IsObject)
        {
            return false;
        }

        if (reader.TryGet(name, required: false, string.Empty, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        var allowed = name switch
        {
            "redFlags" or "newRedFlags" => "an array of " + string.Join(", ", ContractNames.All<RedFlag>()) + " ([] when none is present)",
            _ => "true or false",
        };
        reader.Problems.Add(JsonElementReader.Child(reader.Path, name), (value.ValueKind == JsonValueKind.Null ? "is null" : "is required") + $": {question}; allowed values: {allowed}.");
        return false;
    }

    /// <summary>Reads a profile at <paramref name="path"/>, adding problems; returns null when any problem was found in it.</summary>
    public static PatientProfile? Read(JsonElement element, string path, ProblemList problems)
    {
        var before = problems.Count;
        var reader = new JsonElementReader(element, path, problems, Properties);
        if (!reader.IsObject)
        {
            return null;
        }

        var causes = reader.EnumArray<Cause>("causes", required: true);
        if (causes.IsEmpty && element.TryGetProperty("causes", out var c) && c.ValueKind == JsonValueKind.Array && c.GetArrayLength() == 0)
        {
            problems.Add(JsonElementReader.Child(path, "causes"), "must list at least one cause (use \"unknown\" when the cause is not diagnosed); allowed values: " + string.Join(", ", ContractNames.All<Cause>()) + ".");
        }

        var roots = reader.EnumArray<NerveRoot>("affectedRoots", required: false);
        var side = reader.Enum<AffectedSide>("affectedSide", required: false, nullable: true);
        var legPain = reader.Integer("legPain", required: true, 0, 10);
        var backPain = reader.Integer("backPain", required: true, 0, 10);
        var redFlags = Asked(reader, "redFlags", RedFlagsQuestion) ? reader.EnumArray<RedFlag>("redFlags", required: true) : [];
        var clearance = reader.Boolean("medicalClearance", required: true);
        var tolerate = Asked(reader, "symptomsTolerateExercise", TolerateQuestion) ? reader.Boolean("symptomsTolerateExercise", required: true) : null;
        var landPainful = reader.Boolean("landWalkingPainful", required: false);
        var pool = reader.Boolean("poolAccess", required: false);
        var age = reader.Integer("age", required: false, 16, 120, nullable: true);
        var weeks = reader.Integer("weeksSinceSpineSurgery", required: false, 0, int.MaxValue, nullable: true);
        var symptomWeeks = reader.Integer("symptomWeeks", required: false, 0, 520, nullable: true);
        var pregnancyWeeks = reader.Integer("pregnancyWeeks", required: false, 0, 42, nullable: true);
        var preference = reader.Enum<DirectionalPreference>("directionalPreference", required: false, nullable: true);
        var seenOverrides = new HashSet<(string, string)>();
        var overrides = reader.Array("clinicianOverrides", required: false, "objects with exerciseId, ruleId and reason", (item, itemPath) =>
        {
            var o = new JsonElementReader(item, itemPath, problems, OverrideProperties);
            var exerciseId = o.Text("exerciseId", required: true);
            var ruleId = o.Text("ruleId", required: true);
            var reason = o.Text("reason", required: true);
            if (exerciseId is not null && ruleId is not null && !seenOverrides.Add((exerciseId, ruleId)))
            {
                problems.Add(itemPath, $"is a second override of '{ProblemList.Echo(ruleId)}' for '{ProblemList.Echo(exerciseId)}'; allowed: one override per exercise and rule.");
            }

            return exerciseId is null || ruleId is null || reason is null
                ? (false, null!)
                : (true, new ClinicianOverride { ExerciseId = exerciseId, RuleId = ruleId, Reason = reason });
        });

        if (problems.Count > before)
        {
            return null;
        }

        return new PatientProfile
        {
            Causes = causes,
            AffectedRoots = roots,
            AffectedSide = side,
            LegPain = legPain!.Value,
            BackPain = backPain!.Value,
            RedFlags = redFlags,
            MedicalClearance = clearance!.Value,
            SymptomsTolerateExercise = tolerate!.Value,
            LandWalkingPainful = landPainful ?? false,
            PoolAccess = pool ?? false,
            Age = age,
            WeeksSinceSpineSurgery = weeks,
            SymptomWeeks = symptomWeeks,
            PregnancyWeeks = pregnancyWeeks,
            DirectionalPreference = preference,
            ClinicianOverrides = overrides,
        };
    }
}
