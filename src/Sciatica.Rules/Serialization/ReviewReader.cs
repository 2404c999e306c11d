using System.Text;
using System.Text.Json;

namespace Sciatica.Rules;

/// <summary>
/// Reads the session review document of the JSON contract in one forward pass over its UTF-8 (<see cref="JsonPass"/>),
/// as <see cref="ProfileReader"/> reads a profile: each value checked as it is read, every problem with its path, listed
/// unknown properties first and then the fields in the order of each object's property table. The profiles inside (the
/// request's and a history entry's) are read by <see cref="ProfileReader"/> in the same pass.
/// </summary>
internal static class ReviewReader
{
    internal static readonly string[] RequestProperties = ["profile", "feedback", "history"];
    internal static readonly string[] FeedbackProperties = ["exercises", "nextMorning", "newNumbness", "newWeakness", "newRedFlags"];
    internal static readonly string[] HistoryProperties = ["profile", "exercises", "nextMorning", "newNumbness", "newWeakness", "newRedFlags"];
    internal static readonly string[] ExerciseProperties = ["id", "painDuring", "symptomChange", "dosage"];

    private static readonly byte[][] RequestNames = Utf8Names.Of(RequestProperties);
    private static readonly byte[][] HistoryNames = Utf8Names.Of(HistoryProperties);
    private static readonly byte[][] ExerciseNames = Utf8Names.Of(ExerciseProperties);

    // The indexes of RequestProperties, of HistoryProperties (a session's feedback: the feedback has all but the profile) and of ExerciseProperties.
    private const int Profile = 0, Feedback = 1;
    private const int SessionProfile = 0, Exercises = 1, NextMorning = 2, NewNumbness = 3, NewWeakness = 4, NewRedFlags = 5;
    private const int Id = 0, PainDuring = 1, SymptomChangeField = 2;

    /// <summary>Reads a review request document; one byte order mark may open it.</summary>
    /// <exception cref="SciaticaValidationException">The document is not valid JSON or breaks the contract.</exception>
    public static ReviewRequest Read(ReadOnlySpan<byte> utf8)
    {
        var json = new JsonPass(utf8);
        ProblemBuffer? problems = null;
        ReviewRequest? request = null;
        JsonException? syntax = null;
        try
        {
            json.Read();
            request = ReadRequest(ref json, ref problems);
            json.End();
        }
        catch (JsonException ex)
        {
            syntax = ex;
        }

        return json.Refusal("review request", syntax, problems) is { } refusal ? throw refusal : request!;
    }

    private static ReviewRequest? ReadRequest(ref JsonPass json, ref ProblemBuffer? problems)
    {
        if (json.Token != JsonTokenType.StartObject)
        {
            JsonValues.Wrong(ref json, ref problems, 0, new FieldPath("$", null), "a JSON object");
            return null;
        }

        PatientProfile? profile = null;
        SessionFeedback? feedback = null;
        List<SessionFeedback>? history = null;
        var fields = new ObjectFields("$", RequestNames, RequestProperties, Allowed.Request);
        while (fields.Next(ref json, ref problems))
        {
            var field = fields.Field;
            var at = new FieldPath("$", RequestProperties[field]);
            switch (field)
            {
                case Profile: profile = ProfileReader.Read(ref json, "$.profile", ref problems, field + 1); break;
                case Feedback: feedback = ReadFeedback(ref json, ref problems, field + 1, "$.feedback", history: false); break;
                default: JsonValues.ItemArray(ref json, ref problems, field + 1, at, "feedback objects of earlier sessions, oldest first", out history, ReadEarlier); break;
            }
        }

        JsonValues.Required(ref problems, fields.Seen, Profile, "$", RequestProperties, "a profile object");
        JsonValues.Required(ref problems, fields.Seen, Feedback, "$", RequestProperties, "a feedback object");
        return problems is null ? new ReviewRequest(profile!, feedback!) { History = history ?? [] } : null;
    }

    private static SessionFeedback? ReadEarlier(ref JsonPass json, ref ProblemBuffer? items, string path) => ReadFeedback(ref json, ref items, 0, path, history: true);

    /// <summary>Reads a session's feedback (with a profile when it is one of the history); its problems go to <paramref name="slot"/> of <paramref name="parent"/>, and then it is null.</summary>
    private static SessionFeedback? ReadFeedback(ref JsonPass json, ref ProblemBuffer? parent, int slot, string path, bool history)
    {
        ProblemBuffer? problems = null;
        var feedback = ReadFeedbackObject(ref json, ref problems, path, history);
        if (problems is null)
        {
            return feedback;
        }

        (parent ??= new()).AddAll(slot, problems);
        return null;
    }

    private static SessionFeedback? ReadFeedbackObject(ref JsonPass json, ref ProblemBuffer? problems, string path, bool history)
    {
        if (json.Token != JsonTokenType.StartObject)
        {
            JsonValues.Wrong(ref json, ref problems, 0, new FieldPath(path, null), "a JSON object");
            return null;
        }

        var id = json.NewObject();
        Span<int> first = stackalloc int[HistoryNames.Length];
        var seen = 0;
        PatientProfile? profile = null;
        List<ExerciseFeedback>? exercises = null;
        var morning = -1;
        bool numbness = false, weakness = false;
        List<RedFlag>? flags = null;
        while (true)
        {
            json.Read();
            if (json.Token == JsonTokenType.EndObject)
            {
                break;
            }

            var field = json.Match(HistoryNames);
            field = field == SessionProfile && !history ? -1 : field;
            if (!JsonValues.Property(ref json, ref problems, id, path, field, ref seen, first, history ? Allowed.History : Allowed.Feedback, redFlags: field == NewRedFlags))
            {
                continue;
            }

            var s = field + 1;
            var at = new FieldPath(path, HistoryProperties[field]);
            if (json.Token == JsonTokenType.Null && field >= NewNumbness)
            {
                // A screening answer given as null was not asked: the problem names the question.
                Unasked(ref problems, s, at, field, isNull: true);
                continue;
            }

            switch (field)
            {
                case SessionProfile: profile = ProfileReader.Read(ref json, at.ToString(), ref problems, s); break;
                case Exercises: JsonValues.ItemArray(ref json, ref problems, s, at, "objects with id, painDuring and symptomChange", out exercises, ReadExercise); break;
                case NextMorning: morning = JsonValues.Enum<NextMorningChange>(ref json, ref problems, s, at); break;
                case NewNumbness: JsonValues.Boolean(ref json, ref problems, s, at, out numbness); break;
                case NewWeakness: JsonValues.Boolean(ref json, ref problems, s, at, out weakness); break;
                default: JsonValues.EnumArray<RedFlag>(ref json, ref problems, s, at, out _, flags = []); break;
            }
        }

        JsonValues.Required(ref problems, seen, NextMorning, path, HistoryProperties, EnumWords<NextMorningChange>.Allowed);
        for (var field = NewNumbness; field <= NewRedFlags; field++)
        {
            if ((seen & (1 << field)) == 0)
            {
                Unasked(ref problems, field + 1, new FieldPath(path, HistoryProperties[field]), field, isNull: false);
            }
        }

        return problems is not null ? null : new SessionFeedback
        {
            Exercises = exercises ?? [],
            NextMorning = (NextMorningChange)morning,
            NewNumbness = numbness,
            NewWeakness = weakness,
            NewRedFlags = flags!,
            Profile = profile,
        };
    }

    private static ExerciseFeedback? ReadExercise(ref JsonPass json, ref ProblemBuffer? items, string path)
    {
        ProblemBuffer? problems = null;
        string? exercise = null;
        int? pain = null;
        var change = -1;
        Dosage? dosage = null;
        var fields = new ObjectFields(path, ExerciseNames, ExerciseProperties, Allowed.Exercise);
        while (fields.Next(ref json, ref problems))
        {
            var (s, at) = (fields.Slot, fields.At);
            switch (fields.Field)
            {
                case Id: exercise = JsonValues.Text(ref json, ref problems, s, at); break;
                case PainDuring: JsonValues.Integer(ref json, ref problems, s, at, 0, 10, nullable: false, out pain); break;
                case SymptomChangeField: change = JsonValues.Enum<SymptomChange>(ref json, ref problems, s, at); break;
                default: dosage = json.Token == JsonTokenType.Null ? null : DosageReader.Read(ref json, at.ToString(), ref problems, s); break;
            }
        }

        fields.Required(ref problems, ExerciseRequired);

        return JsonValues.ItemRead(ref items, problems, () => new ExerciseFeedback { Id = exercise!, PainDuring = pain!.Value, SymptomChange = (SymptomChange)change, Dosage = dosage });
    }

    /// <summary>The required fields of an exercise's feedback, with what each allows.</summary>
    private static readonly (int Field, string Allowed)[] ExerciseRequired =
        [(Id, "a non-empty text"), (PainDuring, "an integer 0..10"), (SymptomChangeField, EnumWords<SymptomChange>.Allowed)];

    /// <summary>Reports a screening answer of a session that is missing or null, naming the question to ask.</summary>
    private static void Unasked(ref ProblemBuffer? problems, int slot, FieldPath at, int field, bool isNull) =>
        JsonValues.Add(ref problems, slot, at.ToString(), ProfileReader.Unasked(isNull, flagList: field == NewRedFlags, field switch
        {
            NewNumbness => "ask whether numbness is new or worse since the last session",
            NewWeakness => "ask whether leg weakness is new or worse since the last session",
            _ => "the red-flag questions were not asked at this session: ask each one and send [] when none is new",
        }));

    /// <summary>The allowed properties, for messages: made only when a document names a property that is not one.</summary>
    private static class Allowed
    {
        public static readonly string Request = string.Join(", ", RequestProperties);

        public static readonly string Feedback = string.Join(", ", FeedbackProperties);

        public static readonly string History = string.Join(", ", HistoryProperties);

        public static readonly string Exercise = string.Join(", ", ExerciseProperties);
    }
}
