using System.Globalization;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules;

/// <summary>The checks of a review's sessions against their programs, made before any session is applied.</summary>
public sealed partial class SessionReviewer
{
    /// <summary>Checks every session before any is applied: unknown or repeated ids and doses out of bounds are input errors.</summary>
    private void Validate(ProgramDecision[] programs, IReadOnlyList<SessionFeedback> sessions)
    {
        var problems = new ProblemList();
        for (var s = 0; s < sessions.Count; s++)
        {
            var program = programs[s];
            var allowed = program.Exercises.Count == 0
                ? Invariant($"none: the profile gets no program ({ContractNames.Of(program.Decision)}: {(program.Reasons.Count > 0 ? program.Reasons[0].Message : "screening refused exercise")}), so no exercise can be reported")
                : string.Join(", ", program.Exercises.Select(e => e.Id));
            // The request document holds the latest session under "feedback" and the earlier ones under "history".
            var at = s == sessions.Count - 1 ? "$.feedback" : Invariant($"$.history[{s}]");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var feedback = sessions[s] ?? throw new ArgumentException("A session is null.", nameof(sessions));
            if (feedback.NextMorning is not (NextMorningChange.Better or NextMorningChange.Same or NextMorningChange.Worse))
            {
                problems.Add(at + ".nextMorning", "is not set; allowed values: " + string.Join(", ", ContractNames.All<NextMorningChange>()) + ".");
            }

            for (var i = 0; i < feedback.Exercises.Count; i++)
            {
                var f = feedback.Exercises[i];
                var path = Invariant($"{at}.exercises[{i}]");
                // An alternative of a program exercise (water walking for walking) may be reported once a session has
                // named it; whether one did is checked when the sessions are replayed.
                if (!program.Exercises.Any(e => e.Id == f.Id || selector.Catalog.Find(e.Id)?.Alternative == f.Id))
                {
                    problems.Add(path + ".id", $"'{ProblemList.Echo(f.Id)}' is not an exercise of the program selected for this profile; allowed values: {allowed}.");
                    continue;
                }

                if (!seen.Add(f.Id))
                {
                    problems.Add(path + ".id", $"'{ProblemList.Echo(f.Id)}' appears more than once; allowed: one entry per exercise of the program.");
                }

                if (f.SymptomChange is not (SymptomChange.Centralized or SymptomChange.Unchanged or SymptomChange.Peripheralized))
                {
                    problems.Add(path + ".symptomChange", "is not set; allowed values: " + string.Join(", ", ContractNames.All<SymptomChange>()) + ".");
                }

                var exercise = selector.Catalog.Find(f.Id)!;
                if (f.Dosage is { } dose && !dose.IsWithin(exercise.MinimumDosage, exercise.MaximumDosage))
                {
                    problems.Add(path + ".dosage", $"is outside the catalog's bounds for '{ProblemList.Echo(f.Id)}': from {exercise.MinimumDosage.Describe()} to {exercise.MaximumDosage.Describe()}.");
                }
            }
        }

        problems.ThrowIfAny("session feedback");
    }

    /// <summary>
    /// An exercise stopped after an earlier session is no longer part of the program, and an alternative no session has
    /// named yet is not part of it: reporting either is an input error that lists what may be reported.
    /// </summary>
    private static void RejectStoppedExercises(List<ExerciseReview> state, SessionFeedback feedback, int session, int count)
    {
        var problems = new ProblemList();
        var at = session == count - 1 ? "$.feedback" : Invariant($"$.history[{session}]");
        var remaining = string.Join(", ", state.Where(e => e.Action != ReviewAction.Stop).Select(e => e.Id));
        var allowed = remaining.Length == 0 ? "none (every exercise was stopped)" : remaining;
        for (var i = 0; i < feedback.Exercises.Count; i++)
        {
            var id = feedback.Exercises[i].Id;
            if (state.Find(e => e.Id == id) is not { } entry)
            {
                problems.Add(Invariant($"{at}.exercises[{i}].id"), $"'{ProblemList.Echo(id)}' is not an exercise of the program selected for this profile (an alternative joins only after a session stops the exercise it replaces); allowed values: {allowed}.");
            }
            else if (entry.Action == ReviewAction.Stop)
            {
                problems.Add(Invariant($"{at}.exercises[{i}].id"), $"'{ProblemList.Echo(id)}' was stopped after an earlier session and is no longer part of the program; allowed values: {allowed}.");
            }
        }

        problems.ThrowIfAny("session feedback");
    }
}
