using Sciatica.Rules;
using static Sciatica.Rules.Tests.Review.Feedback;

namespace Sciatica.Rules.Tests.Review;

/// <summary>
/// Version 3 of the review contract: walking is stepped down rather than stopped when symptoms spread, land walking that
/// stops names water walking for a person with a pool, and each earlier session is checked against its own profile.
/// </summary>
public sealed class SessionReviewerVersionThreeTests
{
    private static readonly SessionReviewer Reviewer = new();
    private static readonly PatientProfile Disc = Profiles.With(Cause.HerniatedDisc);
    private static readonly Dosage LowestWalk = new() { Minutes = 5, TimesPerDay = 1 };

    [Fact]
    public void ReviewPeripheralizationWalkingStepDown_WalkingPeripheralizes_SteppedDownOneStepNotStopped()
    {
        var walking = Only(Reviewer.Review(Disc, Session(NextMorningChange.Same, Did("walking", 2, SymptomChange.Peripheralized))), "walking");

        Assert.Equal(ReviewAction.Regress, walking.Action);
        Assert.Equal(new Dosage { Minutes = 5, TimesPerDay = 1 }, walking.Dosage);
        Assert.Equal(["review-peripheralization-walking-step-down"], walking.Reasons.Select(r => r.RuleId));
    }

    [Fact]
    public void Review_WalkingPeripheralizesAtTwiceADay_MinutesFirstThenTimesPerDay()
    {
        var twice = new Dosage { Minutes = 5, TimesPerDay = 2 };

        var walking = Only(Reviewer.Review(Disc, Session(NextMorningChange.Same, Did("walking", 2, SymptomChange.Peripheralized, twice))), "walking");

        Assert.Equal(ReviewAction.Regress, walking.Action);
        Assert.Equal(LowestWalk, walking.Dosage);
    }

    [Fact]
    public void Review_WaterWalkingPeripheralizes_SteppedDown()
    {
        var pool = Disc with { LandWalkingPainful = true, PoolAccess = true };

        var water = Only(Reviewer.Review(pool, Session(NextMorningChange.Same, Did("water-walking", 2, SymptomChange.Peripheralized))), "water-walking");

        Assert.Equal(ReviewAction.Regress, water.Action);
        Assert.Contains(water.Reasons, r => r.RuleId == "review-peripheralization-walking-step-down");
    }

    [Fact]
    public void Review_WalkingPeripheralizesAtItsLowestDose_StopsAndNoOtherExerciseProgresses()
    {
        var review = Reviewer.Review(Disc, Session(NextMorningChange.Better, Did("walking", 2, SymptomChange.Peripheralized, LowestWalk), Did("bridge", 0)));

        var walking = Only(review, "walking");
        Assert.Equal(ReviewAction.Stop, walking.Action);
        Assert.Null(walking.Dosage);
        Assert.Contains(walking.Reasons, r => r.RuleId == "review-at-minimum-stop");
        Assert.Equal(ReviewAction.Continue, Only(review, "bridge").Action);
    }

    [Fact]
    public void Review_OtherExercisePeripheralizes_StillStops()
    {
        var bridge = Only(Reviewer.Review(Disc, Session(NextMorningChange.Same, Did("bridge", 2, SymptomChange.Peripheralized))), "bridge");

        Assert.Equal(ReviewAction.Stop, bridge.Action);
        Assert.Equal(["review-peripheralization-stop"], bridge.Reasons.Select(r => r.RuleId));
    }

    [Fact]
    public void Review_LandWalkingStopsWithAPool_NamesWaterWalking()
    {
        var pool = Disc with { PoolAccess = true };
        Assert.DoesNotContain(ProgramSelector.Default.Select(pool).Exercises, e => e.Id == "water-walking");

        var walking = Only(Reviewer.Review(pool, Session(NextMorningChange.Same, Did("walking", 2, SymptomChange.Peripheralized, LowestWalk))), "walking");

        Assert.Equal(ReviewAction.Stop, walking.Action);
        Assert.Equal("water-walking", walking.Alternative);
    }

    [Fact]
    public void Review_LandWalkingStopsForWorseMorningAtLowestDoseWithAPool_NamesWaterWalking()
    {
        var pool = Disc with { PoolAccess = true };

        var walking = Only(Reviewer.Review(pool, Session(NextMorningChange.Worse, Did("walking", 2, dosage: LowestWalk))), "walking");

        Assert.Equal(ReviewAction.Stop, walking.Action);
        Assert.Equal("water-walking", walking.Alternative);
    }

    [Fact]
    public void Review_LandWalkingStopsWithoutAPool_NoAlternative()
    {
        var walking = Only(Reviewer.Review(Disc, Session(NextMorningChange.Same, Did("walking", 2, SymptomChange.Peripheralized, LowestWalk))), "walking");

        Assert.Equal(ReviewAction.Stop, walking.Action);
        Assert.Null(walking.Alternative);
    }

    [Fact]
    public void Review_HistoryAcrossTwentyWeeksOfPregnancy_EarlierSessionCheckedAgainstItsOwnProfile()
    {
        var earlier = Disc with { PregnancyWeeks = 18 };
        var now = Disc with { PregnancyWeeks = 21 };
        Assert.Contains(ProgramSelector.Default.Select(earlier).Exercises, e => e.Id == "bridge");
        Assert.DoesNotContain(ProgramSelector.Default.Select(now).Exercises, e => e.Id == "bridge");
        var first = Session(NextMorningChange.Same, Did("bridge", 1), Did("walking", 1)) with { Profile = earlier };

        var review = Reviewer.Review(now, [first, Session(NextMorningChange.Same, Did("walking", 1))]);

        Assert.Equal(ReviewDecision.Adjust, review.Decision);
        var bridge = Only(review, "bridge");
        Assert.Equal(ReviewAction.Stop, bridge.Action);
        Assert.Null(bridge.Dosage);
        Assert.Equal(
            ProgramSelector.Default.Select(now).Excluded.Single(x => x.Id == "bridge").Reasons.Select(r => r.RuleId),
            bridge.Reasons.Select(r => r.RuleId));
        Assert.Contains(bridge.Reasons, r => r.RuleId == "pregnancy-avoid-supine");
        Assert.Equal(review.Exercises.Select(e => e.Id).Order(StringComparer.Ordinal), review.Exercises.Select(e => e.Id));
        var current = ProgramSelector.Default.Select(now).Exercises.Select(e => e.Id).ToList();
        var gone = ProgramSelector.Default.Select(earlier).Exercises.Select(e => e.Id).Except(current).ToList();
        Assert.Contains("bridge", gone);
        Assert.Equal(current.Concat(gone).Order(StringComparer.Ordinal), review.Exercises.Select(e => e.Id));
        Assert.All(review.Exercises.Where(e => gone.Contains(e.Id)), e => Assert.Equal((ReviewAction.Stop, (Dosage?)null), (e.Action, e.Dosage)));
    }

    [Fact]
    public void Review_HistoryWithoutItsOwnProfile_CheckedAgainstTodaysProgram()
    {
        var now = Disc with { PregnancyWeeks = 21 };
        var first = Session(NextMorningChange.Same, Did("bridge", 1));

        var error = Assert.Throws<SciaticaValidationException>(() => Reviewer.Review(now, [first, Session(NextMorningChange.Same)]));

        Assert.Equal("$.history[0].exercises[0].id", Assert.Single(error.Problems).Path);
    }

    [Fact]
    public void Review_HistoryEntryProfileFromJson_IsRead()
    {
        var json = """
            {"profile":{"causes":["herniatedDisc"],"legPain":3,"backPain":2,"redFlags":[],"medicalClearance":true,"symptomsTolerateExercise":true,"pregnancyWeeks":21},
             "history":[{"profile":{"causes":["herniatedDisc"],"legPain":3,"backPain":2,"redFlags":[],"medicalClearance":true,"symptomsTolerateExercise":true,"pregnancyWeeks":18},
                         "exercises":[{"id":"bridge","painDuring":1,"symptomChange":"unchanged"}],"nextMorning":"same","newNumbness":false,"newWeakness":false,"newRedFlags":[]}],
             "feedback":{"exercises":[],"nextMorning":"same","newNumbness":false,"newWeakness":false,"newRedFlags":[]}}
            """;

        var request = SciaticaJson.ReadReviewRequest(json);
        var review = Reviewer.Review(request.Profile, request.Sessions);

        Assert.Equal(18, request.History[0].Profile!.PregnancyWeeks);
        Assert.Equal(ReviewAction.Stop, Only(review, "bridge").Action);
    }

    [Theory]
    [InlineData("newNumbness")]
    [InlineData("newWeakness")]
    [InlineData("newRedFlags")]
    public void ReadReviewRequest_ScreeningAnswerOmitted_InputErrorAtItsPath(string field)
    {
        var feedback = new Dictionary<string, string> { ["newNumbness"] = "false", ["newWeakness"] = "false", ["newRedFlags"] = "[]" };
        feedback.Remove(field);
        var fields = string.Join(",", feedback.Select(f => $"\"{f.Key}\":{f.Value}"));
        var json = "{\"profile\":{\"causes\":[\"herniatedDisc\"],\"legPain\":3,\"backPain\":2,\"redFlags\":[],\"medicalClearance\":true,\"symptomsTolerateExercise\":true},"
            + "\"feedback\":{\"exercises\":[],\"nextMorning\":\"same\"," + fields + "}}";

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadReviewRequest(json));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.feedback." + field, problem.Path);
        Assert.Contains("ask", problem.Message, StringComparison.Ordinal);
    }
}

/// <summary>Version 3: text that cannot be decoded is reported at the property that holds it.</summary>
public sealed class UndecodableTextPathTests
{
    [Theory]
    [InlineData("""{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"redFlags":[],"medicalClearance":true,"symptomsTolerateExercise":true,"clinicianOverrides":[{"exerciseId":"bridge","ruleId":"x","reason":"\ud800"}]}""", "$.clinicianOverrides[0].reason")]
    [InlineData("""{"causes":["\udc00"],"legPain":5,"backPain":3,"redFlags":[],"medicalClearance":true,"symptomsTolerateExercise":true}""", "$.causes[0]")]
    [InlineData("""{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"redFlags":["fever","\ud800x"],"medicalClearance":true,"symptomsTolerateExercise":true}""", "$.redFlags[1]")]
    public void ReadProfile_LoneSurrogateInAString_ReportedAtItsPath(string json, string path)
    {
        foreach (var read in new Func<PatientProfile>[] { () => SciaticaJson.ReadProfile(json), () => SciaticaJson.ReadProfile(System.Text.Encoding.UTF8.GetBytes(json)) })
        {
            var error = Assert.Throws<SciaticaValidationException>(read);
            Assert.Equal(path, Assert.Single(error.Problems).Path);
        }
    }

    [Fact]
    public void ReadReviewRequest_LoneSurrogateInAHistoryEntry_ReportedAtItsPath()
    {
        const string json = """{"profile":{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"redFlags":[],"medicalClearance":true,"symptomsTolerateExercise":true},"history":[{"exercises":[{"id":"\ud800","painDuring":1,"symptomChange":"unchanged"}],"nextMorning":"same","newNumbness":false,"newWeakness":false,"newRedFlags":[]}],"feedback":{"nextMorning":"same","newNumbness":false,"newWeakness":false,"newRedFlags":[]}}""";

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadReviewRequest(json));

        Assert.Equal("$.history[0].exercises[0].id", Assert.Single(error.Problems).Path);
    }
}
