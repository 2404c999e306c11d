using Hl7.Fhir.Model;

namespace Sciatica.Rules.Fhir.Tests;

/// <summary>The repository's sample profiles (samples/profiles), read through the JSON contract, and their intake responses.</summary>
internal static class Samples
{
    private static readonly string[] Names =
        ["herniated-disc-l5", "cauda-equina-emergency", "disc-extension-preference", "fever-iv-drug-use", "no-clearance", "osteoporosis-pregnancy-22-weeks", "stenosis-pool"];

    public static IReadOnlyDictionary<string, PatientProfile> Profiles { get; } = Names.ToDictionary(n => n, n => SciaticaJson.ReadProfile(File.ReadAllText(Path.Combine(Root, "samples", "profiles", n + ".json"))));

    public static string Root => Repository.Root;

    /// <summary>A completed intake for a profile, about the example patient.</summary>
    public static QuestionnaireResponse Response(PatientProfile p) => SciaticaFhir.IntakeResponse(p, new ResourceReference("Patient/example"));
}
