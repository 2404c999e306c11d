using System.Text.Json;

namespace Sciatica.Rules;

/// <summary>Reads the session review document of the JSON contract strictly.</summary>
internal static class ReviewReader
{
    internal static readonly string[] RequestProperties = ["profile", "feedback", "history"];
    internal static readonly string[] FeedbackProperties = ["exercises", "nextMorning", "newNumbness", "newWeakness", "newRedFlags"];
    internal static readonly string[] HistoryProperties = ["profile", "exercises", "nextMorning", "newNumbness", "newWeakness", "newRedFlags"];
    internal static readonly string[] ExerciseProperties = ["id", "painDuring", "symptomChange", "dosage"];

    public static ReviewRequest? Read(JsonElement element, ProblemList problems)
    {
        var request = new JsonElementReader(element, "$", problems, RequestProperties);
        PatientProfile? profile = null;
        SessionFeedback? feedback = null;
        if (request.TryGet("profile", required: true, "a profile object", out var p))
        {
            profile = ReadProfile(p, "$.profile", problems);
        }

        if (request.TryGet("feedback", required: true, "a feedback object", out var f))
        {
            feedback = ReadFeedback(f, "$.feedback", problems, FeedbackProperties);
        }

        var history = request.Array("history", required: false, "feedback objects of earlier sessions, oldest first", (item, path) =>
            ReadFeedback(item, path, problems, HistoryProperties) is { } earlier ? (true, earlier) : (false, null!));
        return profile is null || feedback is null || problems.Count > 0 ? null : new ReviewRequest(profile, feedback) { History = history };
    }

    /// <summary>Reads an embedded profile with the profile reader, from the element's UTF-8.</summary>
    private static PatientProfile? ReadProfile(JsonElement element, string path, ProblemList problems)
    {
        var json = new JsonPass(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element));
        ProblemBuffer? buffer = null;
        json.Read();
        var profile = ProfileReader.Read(ref json, path, ref buffer, 0);
        if (json.UndecodableAt is not null)
        {
            // The review's guard reports text that cannot be decoded where it is.
            throw new InvalidOperationException("The profile holds text that cannot be decoded.");
        }

        buffer?.AddTo(problems);
        return profile;
    }

    /// <summary>
    /// Reports a screening answer that is missing or null, naming the question to ask; returns whether an answer was
    /// given (which is then read and checked as usual).
    /// </summary>
    private static bool Asked(in JsonElementReader reader, string name, string question)
    {
        if (!reader.IsObject)
        {
            return false;
        }

        if (reader.TryGet(name, required: false, string.Empty, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        reader.Problems.Add(JsonElementReader.Child(reader.Path, name), ProfileReader.Unasked(value.ValueKind == JsonValueKind.Null, name, question));
        return false;
    }

    private static SessionFeedback? ReadFeedback(JsonElement element, string path, ProblemList problems, string[] properties)
    {
        var before = problems.Count;
        var reader = new JsonElementReader(element, path, problems, properties);
        if (!reader.IsObject)
        {
            return null;
        }

        PatientProfile? profile = null;
        if (properties == HistoryProperties && reader.TryGet("profile", required: false, "a profile object", out var p))
        {
            profile = ReadProfile(p, JsonElementReader.Child(path, "profile"), problems);
        }

        var exercises = reader.Array("exercises", required: false, "objects with id, painDuring and symptomChange", (item, itemPath) =>
        {
            var e = new JsonElementReader(item, itemPath, problems, ExerciseProperties);
            var id = e.Text("id", required: true);
            var pain = e.Integer("painDuring", required: true, 0, 10);
            var change = e.Enum<SymptomChange>("symptomChange", required: true);
            Dosage? dosage = null;
            if (e.TryGet("dosage", required: false, "a dosage object", out var d) && d.ValueKind != JsonValueKind.Null)
            {
                dosage = DosageReader.Read(d, JsonElementReader.Child(itemPath, "dosage"), problems);
            }

            return id is null || pain is null || change is null
                ? (false, null!)
                : (true, new ExerciseFeedback { Id = id, PainDuring = pain.Value, SymptomChange = change.Value, Dosage = dosage });
        });
        var nextMorning = reader.Enum<NextMorningChange>("nextMorning", required: true);
        var numbness = Asked(reader, "newNumbness", "ask whether numbness is new or worse since the last session") ? reader.Boolean("newNumbness", required: true) : null;
        var weakness = Asked(reader, "newWeakness", "ask whether leg weakness is new or worse since the last session") ? reader.Boolean("newWeakness", required: true) : null;
        var redFlags = Asked(reader, "newRedFlags", "the red-flag questions were not asked at this session: ask each one and send [] when none is new")
            ? reader.EnumArray<RedFlag>("newRedFlags", required: true)
            : [];
        if (problems.Count > before)
        {
            return null;
        }

        return new SessionFeedback
        {
            Exercises = exercises,
            NextMorning = nextMorning!.Value,
            NewNumbness = numbness!.Value,
            NewWeakness = weakness!.Value,
            NewRedFlags = redFlags,
            Profile = profile,
        };
    }
}
