using System.Buffers;
using System.Text.Json;
using Hl7.Fhir.Model;

namespace Sciatica.Rules.Fhir;

public static partial class SciaticaFhir
{
    /// <summary>The canonical URL of the intake questionnaire.</summary>
    public const string IntakeQuestionnaireUrl = CanonicalBase + "/Questionnaire/sciatica-intake";

    /// <summary>The version of the intake questionnaire; its items change only with a new version.</summary>
    public const string IntakeQuestionnaireVersion = "2.0.0";

    private const string Subject = "questionnaire response";

    private static readonly Item[] Items =
    [
        new("causes", "What causes the sciatica (every cause a clinician has found; \"unknown\" when not diagnosed)?", Questionnaire.QuestionnaireItemType.Choice, true, true, "cause", Options<Cause>()),
        new("affectedRoots", "Which nerve roots are affected?", Questionnaire.QuestionnaireItemType.Choice, false, true, "nerve-root", Options<NerveRoot>()),
        new("legPain", "Leg pain now, 0 (none) to 10 (worst imaginable)", Questionnaire.QuestionnaireItemType.Integer, true, false, null, []),
        new("backPain", "Back pain now, 0 (none) to 10 (worst imaginable)", Questionnaire.QuestionnaireItemType.Integer, true, false, null, []),
        new("redFlags", "Which warning signs are present?", Questionnaire.QuestionnaireItemType.Choice, false, true, "red-flag", Options<RedFlag>()),
        new("medicalClearance", "Has a clinician cleared the person to exercise?", Questionnaire.QuestionnaireItemType.Boolean, true, false, null, []),
        new("symptomsTolerateExercise", "Are the symptoms controlled enough to tolerate exercise (yes when not answered)?", Questionnaire.QuestionnaireItemType.Boolean, false, false, null, []),
        new("landWalkingPainful", "Is walking on land too painful for now?", Questionnaire.QuestionnaireItemType.Boolean, false, false, null, []),
        new("poolAccess", "Is a pool available?", Questionnaire.QuestionnaireItemType.Boolean, false, false, null, []),
        new("age", "Age in years (16 to 120)", Questionnaire.QuestionnaireItemType.Integer, false, false, null, []),
        new("weeksSinceSpineSurgery", "Weeks since spine surgery (leave out when there was none)", Questionnaire.QuestionnaireItemType.Integer, false, false, null, []),
        new("symptomWeeks", "How many weeks this episode of sciatica has lasted", Questionnaire.QuestionnaireItemType.Integer, false, false, null, []),
        new("pregnancyWeeks", "Weeks of pregnancy (leave out when not pregnant)", Questionnaire.QuestionnaireItemType.Integer, false, false, null, []),
        new("directionalPreference", "Directional preference found by a clinician", Questionnaire.QuestionnaireItemType.Choice, false, false, "directional-preference", Options<DirectionalPreference>()),
    ];

    /// <summary>
    /// The intake as a questionnaire: one item per profile field, with the profile's JSON name as its stable linkId and
    /// the contract's values as answer options (codings in this project's code systems). Clinician overrides are not
    /// part of the intake: a clinician adds them to the profile afterwards.
    /// </summary>
    /// <returns>The questionnaire.</returns>
    public static Questionnaire IntakeQuestionnaire()
    {
        var questionnaire = new Questionnaire
        {
            Id = "sciatica-intake",
            Url = IntakeQuestionnaireUrl,
            Version = IntakeQuestionnaireVersion,
            Name = "SciaticaIntake",
            Title = "Sciatica exercise intake",
            Status = PublicationStatus.Active,
            Experimental = false,
            SubjectType = [ResourceType.Patient],
            Description = "The intake the Sciatica.Rules engine decides from; each linkId is the profile field of the same name.",
        };
        foreach (var item in Items)
        {
            var question = new Questionnaire.ItemComponent
            {
                LinkId = item.LinkId,
                Text = item.Text,
                Type = item.Type,
                Required = item.Required,
                Repeats = item.Repeats,
            };
            foreach (var (code, display) in item.Options)
            {
                question.AnswerOption.Add(new Questionnaire.AnswerOptionComponent { Value = new Coding(CodeSystemBase + item.CodeSystem, code, display) });
            }

            questionnaire.Item.Add(question);
        }

        return questionnaire;
    }

    /// <summary>
    /// Reads a completed intake as a profile, as strictly as the JSON contract: every problem at once, each naming the
    /// linkId (<c>item[linkId='legPain']</c>); unknown linkIds, repeated items, answers of the wrong type and codes
    /// outside the options are errors. An item without an answer counts as not given.
    /// </summary>
    /// <param name="response">The questionnaire response.</param>
    /// <returns>The validated profile.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="response"/> is null.</exception>
    /// <exception cref="SciaticaValidationException">The response breaks the intake's rules or the profile contract.</exception>
    public static PatientProfile ReadIntake(QuestionnaireResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var problems = new List<ValidationProblem>();
        if (response.Questionnaire is { } canonical && canonical != IntakeQuestionnaireUrl && canonical != IntakeQuestionnaireUrl + "|" + IntakeQuestionnaireVersion)
        {
            problems.Add(new("QuestionnaireResponse.questionnaire", Invariant($"is '{canonical}'; allowed values: '{IntakeQuestionnaireUrl}' or '{IntakeQuestionnaireUrl}|{IntakeQuestionnaireVersion}'.")));
        }

        var bad = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var json = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            for (var i = 0; i < response.Item.Count; i++)
            {
                var given = response.Item[i];
                var path = Invariant($"QuestionnaireResponse.item[{i}]");
                var item = Items.FirstOrDefault(x => x.LinkId == given.LinkId);
                if (item is null)
                {
                    problems.Add(new(path + ".linkId", Invariant($"is '{given.LinkId}', which is not an item of the intake; allowed values: {string.Join(", ", Items.Select(x => x.LinkId))}.")));
                    continue;
                }

                path = Invariant($"QuestionnaireResponse.item[linkId='{item.LinkId}']");
                if (!seen.Add(item.LinkId))
                {
                    problems.Add(new(path, "is given twice; give each item once, with all its answers."));
                    bad.Add(item.LinkId);
                    continue;
                }

                if (given.Item.Count > 0)
                {
                    problems.Add(new(path + ".item", "has nested items; the intake has none."));
                    bad.Add(item.LinkId);
                    continue;
                }

                if (given.Answer.Count == 0)
                {
                    continue;
                }

                if (!item.Repeats && given.Answer.Count > 1)
                {
                    problems.Add(new(path + ".answer", Invariant($"has {given.Answer.Count} answers; this item takes one.")));
                    bad.Add(item.LinkId);
                    continue;
                }

                var answers = new List<Action<Utf8JsonWriter>>();
                for (var a = 0; a < given.Answer.Count; a++)
                {
                    if (Answer(item, given.Answer[a], Invariant($"{path}.answer[{a}]"), problems) is { } write)
                    {
                        answers.Add(write);
                    }
                }

                if (answers.Count < given.Answer.Count)
                {
                    bad.Add(item.LinkId);
                    continue;
                }

                writer.WritePropertyName(item.LinkId);
                if (item.Repeats)
                {
                    writer.WriteStartArray();
                }

                answers.ForEach(write => write(writer));
                if (item.Repeats)
                {
                    writer.WriteEndArray();
                }
            }

            writer.WriteEndObject();
        }

        try
        {
            var profile = SciaticaJson.ReadProfile(json.WrittenMemory);
            if (problems.Count == 0)
            {
                return profile;
            }
        }
        catch (SciaticaValidationException ex)
        {
            // The contract's own checks (ranges, required items, at least one cause), named by linkId; not repeated for items already reported.
            foreach (var problem in ex.Problems)
            {
                var (linkId, remainder) = LinkIdOf(problem.Path);
                if (linkId is null || !bad.Contains(linkId))
                {
                    problems.Add(new(linkId is null ? "QuestionnaireResponse" : Invariant($"QuestionnaireResponse.item[linkId='{linkId}']{remainder}"), problem.Message));
                }
            }
        }

        throw new SciaticaValidationException(Subject, problems);
    }

    /// <summary>
    /// The completed intake that a profile answers: the inverse of <see cref="ReadIntake"/>, for a host that holds a
    /// profile and keeps its intake in the record. Every field is an item (optional ones only when given), enums as
    /// codings of this project's code systems.
    /// </summary>
    /// <param name="profile">The profile.</param>
    /// <param name="subject">The patient the response is about; none by default.</param>
    /// <param name="authored">
    /// When the intake was completed, written as <c>authored</c> (the library has no clock: the host supplies it). A CDS Hooks
    /// service decides only from a recent intake, so an intake meant for one should carry it. None by default.
    /// </param>
    /// <returns>The questionnaire response, status completed, for this version of the intake.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The profile holds clinician overrides: they are not part of the intake (a clinician adds them afterwards), and a
    /// response that left them out would not read back to the same profile.
    /// </exception>
    public static QuestionnaireResponse IntakeResponse(PatientProfile profile, ResourceReference? subject = null, DateTimeOffset? authored = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.ClinicianOverrides.Count > 0)
        {
            throw new ArgumentException("The profile holds clinician overrides, which are not part of the intake (a clinician adds them to the profile afterwards); remove them to write its intake response.", nameof(profile));
        }

        var response = new QuestionnaireResponse
        {
            Questionnaire = IntakeQuestionnaireUrl + "|" + IntakeQuestionnaireVersion,
            Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Subject = subject,
            AuthoredElement = authored is { } at ? new FhirDateTime(at) : null,
        };
        void Add(string linkId, IEnumerable<DataType> values)
        {
            var item = new QuestionnaireResponse.ItemComponent { LinkId = linkId };
            item.Answer.AddRange(values.Select(v => new QuestionnaireResponse.AnswerComponent { Value = v }));
            if (item.Answer.Count > 0)
            {
                response.Item.Add(item);
            }
        }

        IEnumerable<DataType> Codes<TEnum>(string system, IEnumerable<TEnum> values)
            where TEnum : struct, Enum => values.Select(v => (DataType)new Coding(CodeSystemBase + system, Code(v)));
        static IEnumerable<DataType> Number(int? value) => value is { } v ? [new Integer(v)] : [];
        static IEnumerable<DataType> Flag(bool value) => [new FhirBoolean(value)];

        Add("causes", Codes("cause", profile.Causes));
        Add("affectedRoots", Codes("nerve-root", profile.AffectedRoots));
        Add("legPain", Number(profile.LegPain));
        Add("backPain", Number(profile.BackPain));
        Add("redFlags", Codes("red-flag", profile.RedFlags));
        Add("medicalClearance", Flag(profile.MedicalClearance));
        Add("symptomsTolerateExercise", Flag(profile.SymptomsTolerateExercise));
        Add("landWalkingPainful", Flag(profile.LandWalkingPainful));
        Add("poolAccess", Flag(profile.PoolAccess));
        Add("age", Number(profile.Age));
        Add("weeksSinceSpineSurgery", Number(profile.WeeksSinceSpineSurgery));
        Add("symptomWeeks", Number(profile.SymptomWeeks));
        Add("pregnancyWeeks", Number(profile.PregnancyWeeks));
        Add("directionalPreference", Codes("directional-preference", profile.DirectionalPreference is { } d ? [d] : Array.Empty<DirectionalPreference>()));
        return response;
    }

    private static Action<Utf8JsonWriter>? Answer(Item item, QuestionnaireResponse.AnswerComponent answer, string path, List<ValidationProblem> problems)
    {
        switch (item.Type)
        {
            case Questionnaire.QuestionnaireItemType.Choice when answer.Value is Coding coding:
                var system = CodeSystemBase + item.CodeSystem;
                if (coding.System == system && item.Options.Any(o => o.Code == coding.Code))
                {
                    var code = coding.Code;
                    return w => w.WriteStringValue(code);
                }

                problems.Add(new(path + ".valueCoding", Invariant($"is {coding.System}|{coding.Code}, which is not an answer option; allowed values: codes of {system}: {string.Join(", ", item.Options.Select(o => o.Code))}.")));
                return null;
            case Questionnaire.QuestionnaireItemType.Integer when answer.Value is Integer { Value: { } number }:
                return w => w.WriteNumberValue(number);
            case Questionnaire.QuestionnaireItemType.Boolean when answer.Value is FhirBoolean { Value: { } flag }:
                return w => w.WriteBooleanValue(flag);
            default:
                var expected = item.Type switch
                {
                    Questionnaire.QuestionnaireItemType.Choice => "valueCoding",
                    Questionnaire.QuestionnaireItemType.Integer => "valueInteger",
                    _ => "valueBoolean",
                };
                problems.Add(new(path, Invariant($"is {(answer.Value is null ? "empty" : "a " + answer.Value.TypeName)}; allowed values: {expected}.")));
                return null;
        }
    }

    /// <summary>Splits a contract path (<c>$.causes[1]</c>) into the linkId and the rest, as answers.</summary>
    private static (string? LinkId, string Remainder) LinkIdOf(string path)
    {
        if (!path.StartsWith("$.", StringComparison.Ordinal))
        {
            return (null, string.Empty);
        }

        var name = path[2..];
        var bracket = name.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? (name, string.Empty) : (name[..bracket], ".answer" + name[bracket..]);
    }

    private static (string Code, string Display)[] Options<TEnum>()
        where TEnum : struct, Enum =>
        [.. Enum.GetValues<TEnum>().Where(v => v.ToString() != "Unspecified").Select(v => (Code(v), v.ToString()))];

    private sealed record Item(string LinkId, string Text, Questionnaire.QuestionnaireItemType Type, bool Required, bool Repeats, string? CodeSystem, (string Code, string Display)[] Options);
}
