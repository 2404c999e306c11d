using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules;

/// <summary>The alternative named when an exercise stops, and how it joins the program of the sessions that follow.</summary>
public sealed partial class SessionReviewer
{
    /// <summary>
    /// The catalog's easier exercise of the same kind, when the person's program includes it and it is not stopped too. Land
    /// walking that stops counts as land walking that is painful: its alternative (water walking) is named when the program
    /// the profile gets with land walking painful includes it (a pool, and no other rule against it).
    /// </summary>
    private string? AlternativeFor(string id, PatientProfile profile, ProgramDecision program, HashSet<string> stopped)
    {
        if (selector.Catalog.Find(id) is not { Alternative: { } alternative } exercise || stopped.Contains(alternative))
        {
            return null;
        }

        if (program.Exercises.Any(e => e.Id == alternative))
        {
            return alternative;
        }

        var landWalking = exercise.Kind == ExerciseKind.Aerobic && exercise.Movements.Contains(MovementPattern.WeightBearing);
        return landWalking && profile.PoolAccess && !profile.LandWalkingPainful
            && selector.Select(profile with { LandWalkingPainful = true }).Exercises.Any(e => e.Id == alternative)
                ? alternative
                : null;
    }

    /// <summary>
    /// An alternative named when an exercise stopped (water walking for land walking) is part of the program from the next
    /// session on: it joins at the dose the profile's program with land walking painful gives it. When the profile no longer
    /// allows it, it does not join (and reporting it is an input error).
    /// </summary>
    private void WithOfferedAlternatives(PatientProfile profile, List<ExerciseReview> state)
    {
        var offered = state.Where(e => e.Action == ReviewAction.Stop && e.Alternative is { } a && !state.Any(x => x.Id == a)).Select(e => e.Alternative!).ToList();
        if (offered.Count == 0)
        {
            return;
        }

        var program = selector.Select(profile with { LandWalkingPainful = true });
        foreach (var id in offered)
        {
            if (program.Exercises.FirstOrDefault(e => e.Id == id) is { } joining)
            {
                state.Add(new ExerciseReview(id, ReviewAction.Continue, joining.Dosage, []));
            }
        }

        state.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
    }

    /// <summary>Whether an exercise is not in the program but is the alternative of one of its exercises (so it may join).</summary>
    private bool IsAlternativeIn(ProgramDecision program, string id) =>
        !program.Exercises.Any(e => e.Id == id) && program.Exercises.Any(e => selector.Catalog.Find(e.Id)?.Alternative == id);
}
