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
        var questionnaire = Published(new Questionnaire
        {
            Title = "Sciatica exercise intake",
            SubjectType = [ResourceType.Patient],
            UseContext = [SciaticaFocus()],
            Description = "The intake the Sciatica.Rules engine decides from; each linkId is the profile field of the same name.",
        }, "sciatica-intake", IntakeQuestionnaireUrl, IntakeQuestionnaireVersion, "SciaticaIntake");
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
