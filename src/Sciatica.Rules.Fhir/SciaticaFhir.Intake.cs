using System.Buffers;
using System.Text.Json;
using Hl7.Fhir.Model;

namespace Sciatica.Rules.Fhir;

public static partial class SciaticaFhir
{
    /// <summary>The canonical URL of the intake questionnaire.</summary>
    public const string IntakeQuestionnaireUrl = CanonicalBase + "/Questionnaire/sciatica-intake";

    /// <summary>The version of the intake questionnaire; its items change only with a new version.</summary>
    public const string IntakeQuestionnaireVersion = "3.0.0";

    /// <summary>The LOINC code of a 0-10 pain rating: "Pain severity - 0-10 verbal numeric rating [Score] - Reported" (LOINC 72514-3).</summary>
    private static readonly Coding PainSeverity = new("http://loinc.org", "72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported");

    private const string Subject = "questionnaire response";

    private const string OverrideGroup = "clinicianOverride";

    private static readonly Item[] Items =
    [
        new("causes", "What causes the sciatica? Choose every cause a clinician has found; sciatica found by a clinician's examination is a diagnosis, \"Not yet diagnosed\" only when no clinician has assessed it.", Questionnaire.QuestionnaireItemType.Choice, true, true, Coded("cause", Terminology.Of(Terminology.Causes))),
        new("affectedRoots", "Which nerve roots are affected?", Questionnaire.QuestionnaireItemType.Choice, false, true, Coded("nerve-root", Terminology.Of(Terminology.Roots))),
        new("affectedSide", "Which leg has the symptoms: left, right or both? (Long-standing, stable symptoms in both legs are answered here; new or worsening symptoms in both legs are a warning sign below.)", Questionnaire.QuestionnaireItemType.Choice, false, false, Coded("affected-side", Terminology.Of(Terminology.Sides))),
        new("legPain", "Usual leg pain over the last 24 hours, from 0 (no pain) to 10 (worst pain imaginable); not the worst moment.", Questionnaire.QuestionnaireItemType.Integer, true, false, []) { Min = 0, Max = 10, Code = PainSeverity },
        new("backPain", "Usual back pain over the last 24 hours, from 0 (no pain) to 10 (worst pain imaginable); not the worst moment.", Questionnaire.QuestionnaireItemType.Integer, true, false, []) { Min = 0, Max = 10, Code = PainSeverity },
        new("redFlags", "Which of these warning signs are present? Ask about each one; choose \"None of these\" when none is present.", Questionnaire.QuestionnaireItemType.Choice, true, true, [.. Coded("red-flag", Terminology.Of(Terminology.RedFlags)), ("intake-answer", Terminology.NoneOfThese)])
        {
            Unanswered = "was not answered: ask about every warning sign and answer \"None of these\" (intake-answer#none) when none is present; an unanswered list is never read as none.",
        },
        new("medicalClearance", "Has a clinician cleared the person to exercise?", Questionnaire.QuestionnaireItemType.Boolean, true, false, []),
        new("symptomsTolerateExercise", "Are the symptoms controlled enough that exercise can be tolerated?", Questionnaire.QuestionnaireItemType.Boolean, true, false, [])
        {
            Unanswered = "was not answered: ask whether the symptoms are controlled enough that exercise can be tolerated (for example with medication); an unanswered question is never read as yes.",
        },
        new("landWalkingPainful", "Is walking on land too painful for now?", Questionnaire.QuestionnaireItemType.Boolean, false, false, []),
        new("poolAccess", "Is a pool available?", Questionnaire.QuestionnaireItemType.Boolean, false, false, []),
        new("age", "Age in years", Questionnaire.QuestionnaireItemType.Integer, false, false, []) { Min = 16, Max = 120 },
        new("spineSurgery", "Has the person had spine surgery?", Questionnaire.QuestionnaireItemType.Boolean, false, false, []) { InProfile = false },
        new("weeksSinceSpineSurgery", "How many whole weeks ago was the spine surgery?", Questionnaire.QuestionnaireItemType.Integer, false, false, []) { Min = 0, EnabledBy = "spineSurgery" },
        new("symptomWeeks", "How many weeks has this episode of sciatica lasted?", Questionnaire.QuestionnaireItemType.Integer, false, false, []) { Min = 0, Max = 520 },
        new("pregnant", "Is the person pregnant?", Questionnaire.QuestionnaireItemType.Boolean, false, false, []) { InProfile = false },
        new("pregnancyWeeks", "How many weeks pregnant?", Questionnaire.QuestionnaireItemType.Integer, false, false, []) { Min = 0, Max = 42, EnabledBy = "pregnant" },
        new("directionalPreference", "Directional preference found by a clinician", Questionnaire.QuestionnaireItemType.Choice, false, false, Coded("directional-preference", Terminology.Of(Terminology.Preferences))),
    ];

    /// <summary>
    /// The intake as a questionnaire: one item per profile field, with the profile's JSON name as its stable linkId and
    /// the contract's values as answer options (codings of this project's code systems, with displays). The red-flag and
    /// tolerance questions are required, and the red-flag list has an explicit "None of these"; pain is the usual pain over
    /// the last 24 hours (LOINC 72514-3); numbers carry their ranges (minValue, maxValue); weeks of pregnancy are asked only
    /// of a pregnant person and weeks since surgery only after surgery (enableWhen). A clinician may add
    /// <c>clinicianOverride</c> groups (exerciseId, ruleId, reason), each lifting one relative rule for one exercise.
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
            UseContext = [SciaticaFocus()],
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
            if (item.Code is { } code)
            {
                question.Code.Add((Coding)code.DeepCopy());
            }

            if (item.Min is { } min)
            {
                question.Extension.Add(new Extension("http://hl7.org/fhir/StructureDefinition/minValue", new Integer(min)));
            }

            if (item.Max is { } max)
            {
                question.Extension.Add(new Extension("http://hl7.org/fhir/StructureDefinition/maxValue", new Integer(max)));
            }

            if (item.EnabledBy is { } gate)
            {
                question.EnableWhen.Add(new Questionnaire.EnableWhenComponent { Question = gate, Operator = Questionnaire.QuestionnaireItemOperator.Equal, Answer = new FhirBoolean(true) });
            }

            foreach (var (system, concept) in item.Options)
            {
                question.AnswerOption.Add(new Questionnaire.AnswerOptionComponent { Value = new Coding(CodeSystemBase + system, concept.Code, concept.Display) });
            }

            questionnaire.Item.Add(question);
        }

        questionnaire.Item.Add(new Questionnaire.ItemComponent
        {
            LinkId = OverrideGroup,
            Text = "Clinician override: lifts one relative rule for one exercise (added by a clinician who has assessed the person)",
            Type = Questionnaire.QuestionnaireItemType.Group,
            Repeats = true,
            Required = false,
            Item =
            [
                new Questionnaire.ItemComponent { LinkId = "exerciseId", Text = "Exercise id", Type = Questionnaire.QuestionnaireItemType.String, Required = true },
                new Questionnaire.ItemComponent { LinkId = "ruleId", Text = "Id of the relative rule lifted", Type = Questionnaire.QuestionnaireItemType.String, Required = true },
                new Questionnaire.ItemComponent { LinkId = "reason", Text = "The clinician's reason", Type = Questionnaire.QuestionnaireItemType.String, Required = true },
            ],
        });
        questionnaire.Text = Narrative(questionnaire.Title, [questionnaire.Description, .. questionnaire.Item.Select(i => i.Text + (i.Required == true ? " (required)" : string.Empty))]);
        return questionnaire;
    }

    /// <summary>
    /// Reads a completed intake as a profile, as strictly as the JSON contract: every problem at once, each naming the
    /// linkId (<c>item[linkId='legPain']</c>); unknown linkIds, repeated items, answers of the wrong type and codes
    /// outside the options are errors. A required item without an answer is an error that says which question to ask: an
    /// unanswered red-flag or tolerance question is never read as "none" or "yes". Weeks of pregnancy or since surgery
    /// answered although the gating question says no, or missing although it says yes, are errors.
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
            problems.Add(new("QuestionnaireResponse.questionnaire", Invariant($"is '{Echo(canonical)}'; allowed values: '{IntakeQuestionnaireUrl}' or '{IntakeQuestionnaireUrl}|{IntakeQuestionnaireVersion}'.")));
        }

        var bad = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var answered = new HashSet<string>(StringComparer.Ordinal);
        var gates = new Dictionary<string, bool>(StringComparer.Ordinal);
        var overrides = new List<(string ExerciseId, string RuleId, string Reason)>();
        var json = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            for (var i = 0; i < response.Item.Count; i++)
            {
                var given = response.Item[i];
                if (given.LinkId == OverrideGroup)
                {
                    ReadOverride(given, Invariant($"QuestionnaireResponse.item[{i}]"), problems, overrides);
                    continue;
                }

                var path = Invariant($"QuestionnaireResponse.item[{i}]");
                var item = Items.FirstOrDefault(x => x.LinkId == given.LinkId);
                if (item is null)
                {
                    problems.Add(new(path + ".linkId", Invariant($"is '{Echo(given.LinkId)}', which is not an item of the intake; allowed values: {string.Join(", ", Items.Select(x => x.LinkId))}, {OverrideGroup}.")));
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
                    problems.Add(new(path + ".item", "has nested items; this item has none."));
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
                var none = false;
                for (var a = 0; a < given.Answer.Count; a++)
                {
                    if (Answer(item, given.Answer[a], Invariant($"{path}.answer[{a}]"), problems, ref none) is { } write)
                    {
                        answers.Add(write);
                    }
                }

                if (answers.Count < given.Answer.Count)
                {
                    bad.Add(item.LinkId);
                    continue;
                }

                if (none && given.Answer.Count > 1)
                {
                    problems.Add(new(path + ".answer", "gives \"None of these\" together with a warning sign; give either the signs that are present or \"None of these\"."));
                    bad.Add(item.LinkId);
                    continue;
                }

                answered.Add(item.LinkId);
                if (!item.InProfile)
                {
                    gates[item.LinkId] = given.Answer[0].Value is FhirBoolean { Value: true };
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

            if (overrides.Count > 0)
            {
                writer.WriteStartArray("clinicianOverrides");
                foreach (var (exerciseId, ruleId, reason) in overrides)
                {
                    writer.WriteStartObject();
                    writer.WriteString("exerciseId", exerciseId);
                    writer.WriteString("ruleId", ruleId);
                    writer.WriteString("reason", reason);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        foreach (var item in Items)
        {
            var path = Invariant($"QuestionnaireResponse.item[linkId='{item.LinkId}']");
            if (item.Required && !answered.Contains(item.LinkId) && !bad.Contains(item.LinkId))
            {
                problems.Add(new(path, item.Unanswered ?? "was not answered; it is required."));
                bad.Add(item.LinkId);
            }

            if (item.EnabledBy is { } gate && !bad.Contains(item.LinkId) && !bad.Contains(gate) && gates.TryGetValue(gate, out var yes))
            {
                if (yes && !answered.Contains(item.LinkId))
                {
                    problems.Add(new(path, Invariant($"was not answered although '{gate}' is yes; answer it, or answer '{gate}' no.")));
                    bad.Add(item.LinkId);
                }
                else if (!yes && answered.Contains(item.LinkId))
                {
                    problems.Add(new(path, Invariant($"is answered although '{gate}' is no; it is asked only when '{gate}' is yes.")));
                    bad.Add(item.LinkId);
                }
            }
        }

        // Danger is said even when the form is wrong: the red flags that could be read are screened on their own.
        ScreeningNotice? screening;
        try
        {
            var profile = SciaticaJson.ReadProfile(json.WrittenMemory);
            if (problems.Count == 0)
            {
                return profile;
            }

            screening = RedFlagScreening.Of(profile.RedFlags);
        }
        catch (SciaticaValidationException ex)
        {
            screening = ex.Screening;
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

        throw new SciaticaValidationException(Subject, problems) { Screening = screening };
    }

    /// <summary>
    /// The completed intake that a profile answers: the inverse of <see cref="ReadIntake"/>, for a host that holds a
    /// profile and keeps its intake in the record. Every field is an item (optional ones only when given), enums as
    /// codings of this project's code systems with their displays; no red flag is the explicit "None of these"; the
    /// pregnancy and surgery questions are answered yes or no; each clinician override is a <c>clinicianOverride</c> group.
    /// </summary>
    /// <param name="profile">The profile.</param>
    /// <param name="subject">The patient the response is about; none by default.</param>
    /// <param name="authored">
    /// When the intake was completed, written as <c>authored</c> (the library has no clock: the host supplies it). A CDS Hooks
    /// service decides only from a recent intake, so an intake meant for one should carry it. None by default.
    /// </param>
    /// <returns>The questionnaire response, status completed, for this version of the intake.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    public static QuestionnaireResponse IntakeResponse(PatientProfile profile, ResourceReference? subject = null, DateTimeOffset? authored = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
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

        IEnumerable<DataType> Codes<TEnum>(string system, IReadOnlyDictionary<TEnum, (string Display, string Definition)> words, IEnumerable<TEnum> values)
            where TEnum : struct, Enum => values.Select(v => (DataType)Coding(system, Terminology.Of(v, words)));
        static IEnumerable<DataType> Number(int? value) => value is { } v ? [new Integer(v)] : [];
        static IEnumerable<DataType> Flag(bool value) => [new FhirBoolean(value)];

        Add("causes", Codes("cause", Terminology.Causes, profile.Causes));
        Add("affectedRoots", Codes("nerve-root", Terminology.Roots, profile.AffectedRoots));
        Add("affectedSide", Codes("affected-side", Terminology.Sides, profile.AffectedSide is { } side ? [side] : Array.Empty<AffectedSide>()));
        Add("legPain", Number(profile.LegPain));
        Add("backPain", Number(profile.BackPain));
        Add("redFlags", profile.RedFlags.Count == 0 ? [Coding("intake-answer", Terminology.NoneOfThese)] : Codes("red-flag", Terminology.RedFlags, profile.RedFlags));
        Add("medicalClearance", Flag(profile.MedicalClearance));
        Add("symptomsTolerateExercise", Flag(profile.SymptomsTolerateExercise));
        Add("landWalkingPainful", Flag(profile.LandWalkingPainful));
        Add("poolAccess", Flag(profile.PoolAccess));
        Add("age", Number(profile.Age));
        Add("spineSurgery", Flag(profile.WeeksSinceSpineSurgery is not null));
        Add("weeksSinceSpineSurgery", Number(profile.WeeksSinceSpineSurgery));
        Add("symptomWeeks", Number(profile.SymptomWeeks));
        Add("pregnant", Flag(profile.PregnancyWeeks is not null));
        Add("pregnancyWeeks", Number(profile.PregnancyWeeks));
        Add("directionalPreference", Codes("directional-preference", Terminology.Preferences, profile.DirectionalPreference is { } d ? [d] : Array.Empty<DirectionalPreference>()));
        foreach (var o in profile.ClinicianOverrides)
        {
            response.Item.Add(new QuestionnaireResponse.ItemComponent
            {
                LinkId = OverrideGroup,
                Item =
                [
                    Text("exerciseId", o.ExerciseId),
                    Text("ruleId", o.RuleId),
                    Text("reason", o.Reason),
                ],
            });
        }

        return response;
    }

    private static QuestionnaireResponse.ItemComponent Text(string linkId, string? value) =>
        new() { LinkId = linkId, Answer = value is null ? [] : [new QuestionnaireResponse.AnswerComponent { Value = new FhirString(value) }] };

    private static Coding Coding(string system, Concept concept) => new(CodeSystemBase + system, concept.Code, concept.Display);

    /// <summary>One clinician override group: exerciseId, ruleId and reason, each one string answer.</summary>
    private static void ReadOverride(QuestionnaireResponse.ItemComponent group, string at, List<ValidationProblem> problems, List<(string, string, string)> overrides)
    {
        var path = Invariant($"{at}[linkId='{OverrideGroup}']");
        if (group.Answer.Count > 0)
        {
            problems.Add(new(path + ".answer", "is a group: its answers are the nested items exerciseId, ruleId and reason."));
            return;
        }

        string? Part(string linkId)
        {
            var parts = group.Item.Where(x => x.LinkId == linkId).ToList();
            if (parts.Count == 1 && parts[0].Answer.Count == 1 && parts[0].Answer[0].Value is FhirString { Value: { Length: > 0 } text })
            {
                return text;
            }

            problems.Add(new(Invariant($"{path}.item[linkId='{linkId}']"), "must be given once with one non-empty valueString answer."));
            return null;
        }

        var unknown = group.Item.Where(x => x.LinkId is not ("exerciseId" or "ruleId" or "reason")).Select(x => x.LinkId ?? string.Empty).ToList();
        if (unknown.Count > 0)
        {
            problems.Add(new(path + ".item", Invariant($"has items {ProblemList.Listed(unknown, 160)}; allowed values: exerciseId, ruleId, reason.")));
        }

        var (exercise, rule, reason) = (Part("exerciseId"), Part("ruleId"), Part("reason"));
        if (exercise is not null && rule is not null && reason is not null && unknown.Count == 0)
        {
            overrides.Add((exercise, rule, reason));
        }
    }

    private static Action<Utf8JsonWriter>? Answer(Item item, QuestionnaireResponse.AnswerComponent answer, string path, List<ValidationProblem> problems, ref bool none)
    {
        switch (item.Type)
        {
            case Questionnaire.QuestionnaireItemType.Choice when answer.Value is Coding coding:
                var option = item.Options.FirstOrDefault(o => CodeSystemBase + o.System == coding.System && o.Concept.Code == coding.Code);
                if (option.Concept is not null)
                {
                    if (option.Concept == Terminology.NoneOfThese)
                    {
                        none = true;
                        return static _ => { };
                    }

                    var code = coding.Code;
                    return w => w.WriteStringValue(code);
                }

                problems.Add(new(path + ".valueCoding", Invariant($"is {Echo(coding.System + "|" + coding.Code)}, which is not an answer option; allowed values: {string.Join(", ", item.Options.Select(o => CodeSystemBase + o.System + "|" + o.Concept.Code))}.")));
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

    /// <summary>Cuts a piece of the response quoted in a problem to 80 characters, ellipsis included, as the core readers do.</summary>
    private static string Echo(string? text) => ProblemList.Echo(text);

    /// <summary>Splits a contract path (<c>$.causes[1]</c>) into the linkId and the rest, as answers.</summary>
    private static (string? LinkId, string Remainder) LinkIdOf(string path)
    {
        if (!path.StartsWith("$.", StringComparison.Ordinal))
        {
            return (null, string.Empty);
        }

        var name = path[2..];
        if (name.StartsWith("clinicianOverrides", StringComparison.Ordinal))
        {
            return (OverrideGroup, string.Empty);
        }

        var bracket = name.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? (name, string.Empty) : (name[..bracket], ".answer" + name[bracket..]);
    }

    private static (string System, Concept Concept)[] Coded(string system, IReadOnlyList<Concept> concepts) => [.. concepts.Select(c => (system, c))];

    private sealed record Item(string LinkId, string Text, Questionnaire.QuestionnaireItemType Type, bool Required, bool Repeats, (string System, Concept Concept)[] Options)
    {
        /// <summary>Gets whether the answer is a profile field (the gating yes/no questions are not).</summary>
        public bool InProfile { get; init; } = true;

        public int? Min { get; init; }

        public int? Max { get; init; }

        /// <summary>Gets the linkId of the yes/no question that enables this one (asked only when it is yes).</summary>
        public string? EnabledBy { get; init; }

        public Coding? Code { get; init; }

        /// <summary>Gets what to say when the required item is not answered.</summary>
        public string? Unanswered { get; init; }
    }
}
