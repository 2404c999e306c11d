using System.Buffers;
using System.Text.Json;
using Hl7.Fhir.Model;

namespace Sciatica.Rules.Fhir;

public static partial class SciaticaFhir
{
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
}
