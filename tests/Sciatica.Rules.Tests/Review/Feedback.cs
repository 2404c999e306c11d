namespace Sciatica.Rules.Tests.Review;

/// <summary>Short ways to write session feedback in review tests.</summary>
internal static class Feedback
{
    public static ExerciseFeedback Did(string id, int pain, SymptomChange change = SymptomChange.Unchanged, Dosage? dosage = null) =>
        new() { Id = id, PainDuring = pain, SymptomChange = change, Dosage = dosage };

    public static SessionFeedback Session(NextMorningChange morning, params ExerciseFeedback[] exercises) =>
        new() { NewNumbness = false, NewRedFlags = [], NewWeakness = false, NextMorning = morning, Exercises = [.. exercises] };

    public static ExerciseReview Only(SessionReview review, string id) => Assert.Single(review.Exercises, e => e.Id == id);
}
