using Hl7.Fhir.Model;

namespace Sciatica.Rules.Fhir.Tests;

/// <summary>The repository's sample profiles (samples/profiles), read through the JSON contract, and their intake responses.</summary>
internal static class Samples
{
    private static readonly string[] Names =
        ["herniated-disc-l5", "cauda-equina-emergency", "disc-extension-preference", "fever-iv-drug-use", "no-clearance", "osteoporosis-pregnancy-22-weeks", "stenosis-pool"];

    public static IReadOnlyDictionary<string, PatientProfile> Profiles { get; } = Names.ToDictionary(n => n, n => SciaticaJson.ReadProfile(File.ReadAllText(Path.Combine(Root, "samples", "profiles", n + ".json"))));

    public static string Root => Repository.Root;

    /// <summary>A completed intake for a profile: one item per field given, answers as the questionnaire's options.</summary>
    public static QuestionnaireResponse Response(PatientProfile p)
    {
        var response = new QuestionnaireResponse
        {
            Questionnaire = SciaticaFhir.IntakeQuestionnaireUrl + "|" + SciaticaFhir.IntakeQuestionnaireVersion,
            Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Subject = new ResourceReference("Patient/example"),
        };
        void Codes<T>(string linkId, string system, IEnumerable<T> values)
            where T : struct, Enum
        {
            var item = new QuestionnaireResponse.ItemComponent { LinkId = linkId };
            foreach (var value in values)
            {
                item.Answer.Add(new QuestionnaireResponse.AnswerComponent { Value = new Coding(SciaticaFhir.CodeSystemBase + system, Code(value)) });
            }

            if (item.Answer.Count > 0)
            {
                response.Item.Add(item);
            }
        }

        void Number(string linkId, int? value)
        {
            if (value is { } v)
            {
                response.Item.Add(new QuestionnaireResponse.ItemComponent { LinkId = linkId, Answer = [new QuestionnaireResponse.AnswerComponent { Value = new Integer(v) }] });
            }
        }

        void Flag(string linkId, bool value) =>
            response.Item.Add(new QuestionnaireResponse.ItemComponent { LinkId = linkId, Answer = [new QuestionnaireResponse.AnswerComponent { Value = new FhirBoolean(value) }] });

        Codes("causes", "cause", p.Causes);
        Codes("affectedRoots", "nerve-root", p.AffectedRoots);
        Number("legPain", p.LegPain);
        Number("backPain", p.BackPain);
        Codes("redFlags", "red-flag", p.RedFlags);
        Flag("medicalClearance", p.MedicalClearance);
        Flag("symptomsTolerateExercise", p.SymptomsTolerateExercise);
        Flag("landWalkingPainful", p.LandWalkingPainful);
        Flag("poolAccess", p.PoolAccess);
        Number("age", p.Age);
        Number("weeksSinceSpineSurgery", p.WeeksSinceSpineSurgery);
        Number("symptomWeeks", p.SymptomWeeks);
        Number("pregnancyWeeks", p.PregnancyWeeks);
        Codes("directionalPreference", "directional-preference", p.DirectionalPreference is { } d ? [d] : Array.Empty<DirectionalPreference>());
        return response;
    }

    public static string Code<T>(T value)
        where T : struct, Enum => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
