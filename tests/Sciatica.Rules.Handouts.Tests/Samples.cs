namespace Sciatica.Rules.Handouts.Tests;

/// <summary>The repository's sample profiles and review requests (samples/profiles), read through the JSON contract.</summary>
internal static class Samples
{
    public static readonly string[] ProfileNames =
        ["herniated-disc-l5", "cauda-equina-emergency", "disc-extension-preference", "fever-iv-drug-use", "no-clearance", "osteoporosis-pregnancy-22-weeks", "stenosis-pool"];

    public static readonly string[] ReviewNames = ["review-progress", "review-history", "review-new-bladder-dysfunction"];

    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Sciatica.Rules.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("The repository root (Sciatica.Rules.sln) was not found above the test output.");
        }
    }

    public static PatientProfile Profile(string name) => SciaticaJson.ReadProfile(File.ReadAllText(Path.Combine(Root, "samples", "profiles", name + ".json")));

    public static ProgramDecision Decision(string name) => ProgramSelector.Default.Select(Profile(name));

    public static SessionReview Review(string name)
    {
        var request = SciaticaJson.ReadReviewRequest(File.ReadAllBytes(Path.Combine(Root, "samples", "profiles", name + ".json")));
        return new SessionReviewer(ProgramSelector.Default).Review(request.Profile, request.Sessions);
    }
}
