namespace Sciatica.Rules.Handouts.Tests;

/// <summary>The repository's sample profiles and review requests (samples/profiles), read through the JSON contract.</summary>
internal static class Samples
{
    public static readonly string[] ProfileNames =
        ["herniated-disc-l5", "cauda-equina-emergency", "disc-extension-preference", "fever-iv-drug-use", "no-clearance", "osteoporosis-pregnancy-22-weeks", "stenosis-pool"];

    public static readonly string[] ReviewNames = ["review-progress", "review-history", "review-new-bladder-dysfunction"];

    public static string Root => Repository.Root;

    public static PatientProfile Profile(string name) => SciaticaJson.ReadProfile(File.ReadAllText(Path.Combine(Root, "samples", "profiles", name + ".json")));

    public static ProgramDecision Decision(string name) => ProgramSelector.Default.Select(Profile(name));

    public static SessionReview Review(string name)
    {
        var request = SciaticaJson.ReadReviewRequest(File.ReadAllBytes(Path.Combine(Root, "samples", "profiles", name + ".json")));
        return new SessionReviewer(ProgramSelector.Default).Review(request.Profile, request.Sessions);
    }
}
