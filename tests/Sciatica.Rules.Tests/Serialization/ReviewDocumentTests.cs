namespace Sciatica.Rules.Tests.Serialization;

/// <summary>
/// The review request's reader, word for word and in order: what it says of each field of the request, of a
/// session's feedback and of an exercise's feedback, where each problem sits in the report, and the screening answers
/// of a session given as null or left out (unasked is not "none"). Written from the mutants the reader's mutation run
/// left alive (docs/testing.md, Serialization part E).
/// </summary>
public sealed class ReviewDocumentTests
{
    private const string Profile = """{"causes":["herniatedDisc"],"legPain":5,"backPain":2,"redFlags":[],"medicalClearance":true,"symptomsTolerateExercise":true}""";

    private const string Answers = "\"newNumbness\":false,\"newWeakness\":false,\"newRedFlags\":[]";

    private const string Feedback = "{\"nextMorning\":\"same\"," + Answers + "}";

    private const string FeedbackProperties = "exercises, nextMorning, newNumbness, newWeakness, newRedFlags";

    // A message names as many red flags as fit its bound (ProfileProblemTests checks the bound).
    private const string Flags = "bladderDysfunction, bowelDysfunction, saddleAnesthesia, bilateralLegSymptoms and 13 more (all in docs/contract.md)";

    private static readonly string Causes = string.Join(", ", ContractNames.All<Cause>());

    [Fact]
    public void Read_Valid_EveryFieldAsWritten()
    {
        var request = SciaticaJson.ReadReviewRequest(
            "{\"history\":[{\"profile\":" + Profile + ",\"nextMorning\":\"worse\",\"newNumbness\":true,\"newWeakness\":false,\"newRedFlags\":[\"fever\"]}],\"profile\":" + Profile
            + ",\"feedback\":{\"exercises\":[{\"id\":\"knee-to-chest\",\"painDuring\":3,\"symptomChange\":\"centralized\",\"dosage\":null}],\"nextMorning\":\"better\",\"newNumbness\":false,\"newWeakness\":true,\"newRedFlags\":[]}}");

        var earlier = Assert.Single(request.History);
        Assert.Equal(NextMorningChange.Worse, earlier.NextMorning);
        Assert.True(earlier.NewNumbness);
        Assert.False(earlier.NewWeakness);
        Assert.Equal([RedFlag.Fever], earlier.NewRedFlags);
        Assert.NotNull(earlier.Profile);
        Assert.Equal(NextMorningChange.Better, request.Feedback.NextMorning);
        Assert.False(request.Feedback.NewNumbness);
        Assert.True(request.Feedback.NewWeakness);
        Assert.Null(request.Feedback.Profile);
        var exercise = Assert.Single(request.Feedback.Exercises);
        Assert.Equal(("knee-to-chest", 3, SymptomChange.Centralized), (exercise.Id, exercise.PainDuring, exercise.SymptomChange));
        Assert.Null(exercise.Dosage);
    }

    public static TheoryData<string, string[]> Refused => new()
    {
        {
            "[1]",
            ["$: is an array; allowed values: a JSON object."]
        },
        {
            "{}",
            ["$.profile: is required; allowed values: a profile object.", "$.feedback: is required; allowed values: a feedback object."]
        },
        {
            // Problems are listed unknown properties first, then by field: the profile's, the feedback's, the history's.
            "{\"history\":[{\"nextMorning\":\"same\"}],\"feedback\":{\"nextMorning\":\"x\"," + Answers + "},\"profile\":{},\"zz\":1}",
            [
                "$.zz: is not a known property; allowed properties: profile, feedback, history.",
                "$.profile.causes: is required; allowed values: an array of " + Causes + ".",
                "$.profile.legPain: is required; allowed values: an integer 0..10.",
                "$.profile.backPain: is required; allowed values: an integer 0..10.",
                "$.profile.redFlags: is required: the red-flag screening questions were not answered: ask each one and send [] when none is present; allowed values: an array of " + Flags + ", or [] when none is present.",
                "$.profile.medicalClearance: is required; allowed values: true or false.",
                "$.profile.symptomsTolerateExercise: is required: ask whether symptoms are controlled enough (for example with medication) to tolerate exercise; allowed values: true or false.",
                "$.feedback.nextMorning: is the text \"x\", which is not a next morning change; allowed values: better, same, worse.",
                "$.history[0].newNumbness: is required: ask whether numbness is new or worse since the last session; allowed values: true or false.",
                "$.history[0].newWeakness: is required: ask whether leg weakness is new or worse since the last session; allowed values: true or false.",
                "$.history[0].newRedFlags: is required: the red-flag questions were not asked at this session: ask each one and send [] when none is new; allowed values: an array of " + Flags + ", or [] when none is present.",
            ]
        },
        {
            "{\"profile\":" + Profile + ",\"feedback\":3,\"history\":{}}",
            [
                "$.feedback: is the number 3; allowed values: a JSON object.",
                "$.history: is an object; allowed values: an array of feedback objects of earlier sessions, oldest first.",
            ]
        },
        {
            // A session's fields in the order of the feedback's properties, whatever the document's order; unknown first.
            "{\"profile\":" + Profile + ",\"feedback\":{\"exercises\":5,\"zz\":1,\"newRedFlags\":null,\"newWeakness\":null,\"newNumbness\":null}}",
            [
                "$.feedback.zz: is not a known property; allowed properties: " + FeedbackProperties + ".",
                "$.feedback.exercises: is the number 5; allowed values: an array of objects with id, painDuring and symptomChange.",
                "$.feedback.nextMorning: is required; allowed values: better, same, worse.",
                "$.feedback.newNumbness: is null: ask whether numbness is new or worse since the last session; allowed values: true or false.",
                "$.feedback.newWeakness: is null: ask whether leg weakness is new or worse since the last session; allowed values: true or false.",
                "$.feedback.newRedFlags: is null: the red-flag questions were not asked at this session: ask each one and send [] when none is new; allowed values: an array of " + Flags + ", or [] when none is present.",
            ]
        },
        {
            // A missing answer is listed in its field's place: after the next-morning answer, before the red flags.
            "{\"profile\":" + Profile + ",\"feedback\":{\"newRedFlags\":[\"x\"],\"nextMorning\":\"x\",\"newWeakness\":false}}",
            [
                "$.feedback.nextMorning: is the text \"x\", which is not a next morning change; allowed values: better, same, worse.",
                "$.feedback.newNumbness: is required: ask whether numbness is new or worse since the last session; allowed values: true or false.",
                "$.feedback.newRedFlags[0]: is the text \"x\", which is not a red flag; allowed values: bladderDysfunction, bowelDysfunction, "
                + "saddleAnesthesia, bilateralLegSymptoms, progressiveWeakness, footDrop, cancerHistory, fever, unexplainedWeightLoss, ivDrugUse and 7 more (all in docs/contract.md).",
            ]
        },
        {
            // The feedback has no profile: the name is unknown there, with the feedback's own properties listed.
            "{\"profile\":" + Profile + ",\"feedback\":{\"profile\":{},\"nextMorning\":\"same\"," + Answers + "}}",
            ["$.feedback.profile: is not a known property; allowed properties: " + FeedbackProperties + "."]
        },
        {
            "{\"profile\":" + Profile + ",\"feedback\":" + Feedback + ",\"history\":[7,{\"nextMorning\":\"same\"," + Answers + ",\"zz\":0}]}",
            [
                "$.history[0]: is the number 7; allowed values: a JSON object.",
                "$.history[1].zz: is not a known property; allowed properties: profile, exercises, nextMorning, newNumbness, newWeakness, newRedFlags.",
            ]
        },
        {
            "{\"profile\":" + Profile + ",\"feedback\":{\"nextMorning\":\"same\"," + Answers + ",\"exercises\":[{\"id\":\"knee-to-chest\",\"painDuring\":null,\"symptomChange\":\"unchanged\"},{}]}}",
            [
                "$.feedback.exercises[0].painDuring: is null; allowed values: an integer 0..10.",
                "$.feedback.exercises[1].id: is required; allowed values: a non-empty text.",
                "$.feedback.exercises[1].painDuring: is required; allowed values: an integer 0..10.",
                "$.feedback.exercises[1].symptomChange: is required; allowed values: centralized, unchanged, peripheralized.",
            ]
        },
        {
            // A problem of the request's own comes first however deep the other problems lie.
            "{\"profile\":{\"causes\":[]},\"feedback\":" + Feedback + ",\"zz\":1}",
            [
                "$.zz: is not a known property; allowed properties: profile, feedback, history.",
                "$.profile.causes: must list at least one cause (use \"unknown\" when the cause is not diagnosed); allowed values: bulgingDisc, herniatedDisc, "
                + "rupturedDisc, spinalStenosis, osteoarthritis, inflammatoryArthritis, spondylolisthesis, osteoporosis, spinalVascularAbnormality, tumor "
                + "and 6 more (all in docs/contract.md).",
                "$.profile.legPain: is required; allowed values: an integer 0..10.",
                "$.profile.backPain: is required; allowed values: an integer 0..10.",
                "$.profile.redFlags: is required: the red-flag screening questions were not answered: ask each one and send [] when none is present; allowed values: an array of " + Flags + ", or [] when none is present.",
                "$.profile.medicalClearance: is required; allowed values: true or false.",
                "$.profile.symptomsTolerateExercise: is required: ask whether symptoms are controlled enough (for example with medication) to tolerate exercise; allowed values: true or false.",
            ]
        },
        {
            // The history read before the profile: its problems still come after the profile's.
            "{\"history\":[{\"profile\":" + Profile + ",\"nextMorning\":\"no\"," + Answers + "}],\"profile\":{\"causes\":[\"unknown\"],\"legPain\":5,\"backPain\":2,\"redFlags\":null,\"medicalClearance\":true,\"symptomsTolerateExercise\":null},\"feedback\":" + Feedback + "}",
            [
                "$.profile.redFlags: is null: the red-flag screening questions were not answered: ask each one and send [] when none is present; allowed values: an array of " + Flags + ", or [] when none is present.",
                "$.profile.symptomsTolerateExercise: is null: ask whether symptoms are controlled enough (for example with medication) to tolerate exercise; allowed values: true or false.",
                "$.history[0].nextMorning: is the text \"no\", which is not a next morning change; allowed values: better, same, worse.",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Read_Refused_EveryProblemWordForWordInOrder(string json, string[] report)
    {
        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadReviewRequest(json));

        Assert.Equal("review request", error.Subject);
        Assert.Equal(report, error.Problems.Select(p => $"{p.Path}: {p.Message}"));
    }

    [Fact]
    public void Read_OneProblem_TheMessageNamesTheDocument()
    {
        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadReviewRequest("[]"));

        Assert.StartsWith("Invalid review request: $", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadProfile_OneProblem_TheMessageNamesTheDocument()
    {
        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile("[]"));

        Assert.Equal("profile", error.Subject);
        Assert.StartsWith("Invalid profile: $", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" x")]
    [InlineData(" {}")]
    [InlineData(",1")]
    public void Read_ContentAfterTheRequest_Refused(string trailing)
    {
        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadReviewRequest("{\"profile\":" + Profile + ",\"feedback\":" + Feedback + "}" + trailing));

        Assert.Equal("$", Assert.Single(error.Problems).Path);
    }
}
