using System.Text;
using System.Text.Json.Nodes;
using Sciatica.Rules;

namespace Sciatica.Rules.Tests.Properties;

/// <summary>
/// Invariants added in version 3 (BRIEF.md): no program and no progression from an input that omits a screening answer
/// (16); a rejected input that names emergency or urgent signs reports that screening decision with its errors (17);
/// missing data (13) and monotone safety (5) for the new fields, and any cancer flag with any new neurological flag is
/// an emergency.
/// </summary>
public sealed class VersionThreeInvariantTests
{
    private static readonly string[] ProfileAnswers = ["redFlags", "symptomsTolerateExercise"];
    private static readonly string[] ReviewAnswers = ["newNumbness", "newWeakness", "newRedFlags"];
    private static readonly RedFlag[] Cancer = [RedFlag.CancerHistory, RedFlag.SuspectedCancer];
    private static readonly RedFlag[] Neurological = [RedFlag.ProgressiveWeakness, RedFlag.FootDrop, RedFlag.BilateralLegSymptoms, RedFlag.CordCompressionSigns];

    [SafetyProperty]
    public void Invariant16_ProfileOmittingAScreeningAnswer_NoDecisionAndAnErrorAtItsPath(Scenario s, bool tolerance, bool asNull)
    {
        var field = ProfileAnswers[tolerance ? 1 : 0];
        var json = JsonNode.Parse(SciaticaJson.WriteProfile(s.Profile))!.AsObject();
        if (asNull)
        {
            json[field] = null;
        }
        else
        {
            json.Remove(field);
        }

        var text = json.ToJsonString();
        foreach (var read in new Func<PatientProfile>[] { () => SciaticaJson.ReadProfile(text), () => SciaticaJson.ReadProfile(Encoding.UTF8.GetBytes(text)) })
        {
            var error = Assert.Throws<SciaticaValidationException>(read);
            var problem = Assert.Single(error.Problems, p => p.Path == "$." + field);
            Assert.Contains("ask", problem.Message, StringComparison.Ordinal);
        }

        var line = SciaticaNdjson.ReadProfileLine(1, Encoding.UTF8.GetBytes(text));
        Assert.Null(line.Value);
        Assert.Contains(line.Error!.Problems, p => p.Path == "$." + field);
    }

    [SafetyProperty]
    public void Invariant16_ReviewOmittingAScreeningAnswer_NoReviewAndAnErrorAtItsPath(ReviewScenario r, byte which, bool inHistory, bool asNull)
    {
        var field = ReviewAnswers[which % ReviewAnswers.Length];
        var request = JsonNode.Parse(SciaticaJson.WriteReviewRequest(new ReviewRequest(r.Profile, r.Feedback) { History = [r.Feedback] }))!.AsObject();
        var session = inHistory ? request["history"]![0]!.AsObject() : request["feedback"]!.AsObject();
        if (asNull)
        {
            session[field] = null;
        }
        else
        {
            session.Remove(field);
        }

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadReviewRequest(request.ToJsonString()));

        var path = (inHistory ? "$.history[0]." : "$.feedback.") + field;
        var problem = Assert.Single(error.Problems, p => p.Path == path);
        Assert.Contains("ask", problem.Message, StringComparison.Ordinal);
    }

    [SafetyProperty]
    public void Invariant17_RejectedProfileNamingDanger_ReportsThatScreeningDecision(Scenario s, RedFlag flag, byte pick)
    {
        (string Field, JsonNode? Value)[] corruptions =
        [
            ("causes", new JsonArray("herniatedDsc")), ("legPain", 11), ("backPain", "3"), ("medicalClearance", "yes"), ("symptomsTolerateExercise", null),
            ("age", 15), ("pregnancyWeeks", 43), ("directionalPreference", "sideways"), ("extraField", true), ("affectedSide", "middle"),
        ];
        var profile = s.Profile with { RedFlags = [.. s.Profile.RedFlags, flag] };
        var (field, value) = corruptions[pick % corruptions.Length];
        var json = JsonNode.Parse(SciaticaJson.WriteProfile(profile))!.AsObject();
        json[field] = value;

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(json.ToJsonString()));

        AssertScreening(ProgramSelector.Default.Select(profile with { ClinicianOverrides = [] }), error);
    }

    [SafetyProperty]
    public void Invariant17_RejectedReviewNamingDanger_ReportsThatScreeningDecision(ReviewScenario r, RedFlag flag, bool inHistory)
    {
        var withFlag = r.Feedback with { NewRedFlags = [.. r.Feedback.NewRedFlags, flag] };
        var request = inHistory
            ? new ReviewRequest(r.Profile, r.Feedback) { History = [withFlag] }
            : new ReviewRequest(r.Profile, withFlag);
        var json = JsonNode.Parse(SciaticaJson.WriteReviewRequest(request))!.AsObject();
        json["feedback"]!["nextMorning"] = "fine";

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadReviewRequest(Encoding.UTF8.GetBytes(json.ToJsonString())));

        var flags = r.Profile.RedFlags.Concat(r.Feedback.NewRedFlags).Append(flag);
        AssertScreening(ProgramSelector.Default.Select(r.Profile with { RedFlags = [.. flags], ClinicianOverrides = [] }), error);
    }

    /// <summary>
    /// Emergency and urgent decisions come from red flags alone, so the decision of the whole input (had it been valid)
    /// is the one its red flags give: the refusal carries it exactly when it is emergency or urgent, and says it first.
    /// </summary>
    private static void AssertScreening(ProgramDecision expected, SciaticaValidationException error)
    {
        if (expected.Decision is DecisionKind.Emergency or DecisionKind.UrgentReferral)
        {
            Assert.NotNull(error.Screening);
            Assert.Equal(expected.Decision, error.Screening.Decision);
            Assert.Equal(expected.Timeframe, error.Screening.Timeframe);
            Assert.StartsWith(error.Screening.Summary(), error.Message, StringComparison.Ordinal);
            Assert.StartsWith(expected.Decision == DecisionKind.Emergency ? "EMERGENCY: " : "URGENT: ", error.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(error.Screening);
        }
    }

    [SafetyProperty]
    public void CancerWithANeurologicalFlag_IsAlwaysAnEmergency(Scenario s, bool suspected, byte which)
    {
        var profile = s.Profile with { RedFlags = [.. s.Profile.RedFlags, Cancer[suspected ? 1 : 0], Neurological[which % Neurological.Length]] };

        var decision = s.Selector.Select(profile);

        Assert.Equal(DecisionKind.Emergency, decision.Decision);
        Assert.Equal(Timeframe.Now, decision.Timeframe);
        Assert.Empty(decision.Exercises);
    }

    [SafetyProperty]
    public void Invariant13_MissingAffectedSide_NeverLessCautiousThanAnyRecordedSide(Scenario s)
    {
        var unknown = s.Selector.Select(s.Profile with { AffectedSide = null });
        foreach (var side in new[] { AffectedSide.Left, AffectedSide.Right, AffectedSide.Both })
        {
            var known = s.Selector.Select(s.Profile with { AffectedSide = side });
            Assert.True(unknown.Decision >= known.Decision, $"no side gives {unknown.Decision}, {side} gives {known.Decision}");
            Assert.Empty(unknown.Exercises.Select(e => e.Id).Except(known.Exercises.Select(e => e.Id)));
        }
    }

    [SafetyProperty]
    public void Invariant05_RecordingBothLegsAsTheSide_NeverAddsAnExerciseOrLowersCaution(Scenario s)
    {
        var before = s.Selector.Select(s.Profile with { AffectedSide = AffectedSide.Left });
        var after = s.Selector.Select(s.Profile with { AffectedSide = AffectedSide.Both });

        Assert.True(after.Decision >= before.Decision);
        Assert.Empty(after.Exercises.Select(e => e.Id).Except(before.Exercises.Select(e => e.Id)));
    }

    /// <summary>
    /// Invariant 13 for the review's optional fields: leaving out the exercise reports never gives a less urgent decision
    /// than any reports would, and never progresses an exercise (an unreported exercise keeps its dose).
    /// </summary>
    [SafetyProperty]
    public void Invariant13_ReviewWithoutExerciseReports_NeverLessCautiousAndNeverProgresses(ReviewScenario r)
    {
        var reviewer = new SessionReviewer(r.Selector);
        var reported = reviewer.Review(r.Profile, r.Feedback);

        var unreported = reviewer.Review(r.Profile, r.Feedback with { Exercises = [] });

        Assert.True(unreported.Decision >= reported.Decision, $"{reported.Decision} became {unreported.Decision}");
        Assert.Equal(reported.Timeframe, unreported.Timeframe);
        Assert.DoesNotContain(unreported.Exercises, e => e.Action == ReviewAction.Progress);
    }

    /// <summary>
    /// Invariant 13 for a history entry's optional profile: without it, the earlier session is checked against today's
    /// profile; that is either refused (an input error, never a guess) or gives a decision at least as urgent.
    /// </summary>
    [SafetyProperty]
    public void Invariant13_HistoryEntryWithoutItsProfile_RefusedOrNeverLessCautious(ReviewScenario r, byte weeks)
    {
        var reviewer = new SessionReviewer(r.Selector);
        var earlier = r.Profile with { PregnancyWeeks = weeks % 43 };
        var entry = r.Feedback with { Profile = earlier };
        var now = SessionFeedbackWithoutReports();
        SessionReview withProfile;
        try
        {
            withProfile = reviewer.Review(r.Profile, [entry, now]);
        }
        catch (SciaticaValidationException)
        {
            return; // The entry does not fit its own program either.
        }

        try
        {
            var without = reviewer.Review(r.Profile, [entry with { Profile = null }, now]);
            Assert.True(without.Decision >= withProfile.Decision, $"{withProfile.Decision} became {without.Decision}");
        }
        catch (SciaticaValidationException)
        {
            // Refused: the most cautious answer.
        }
    }

    private static SessionFeedback SessionFeedbackWithoutReports() =>
        new() { NextMorning = NextMorningChange.Same, NewNumbness = false, NewWeakness = false, NewRedFlags = [] };
}
