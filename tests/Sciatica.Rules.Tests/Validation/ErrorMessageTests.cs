using System.Text.RegularExpressions;

namespace Sciatica.Rules.Tests.Validation;

/// <summary>
/// Errors a host developer can act on: every problem the contract's readers report names the field (a JSON path) and
/// says what is allowed, and speaks plainly (no internal rule vocabulary such as "gate", "predicate" or "mask").
/// The documents below break each rule of the contract once or more; every problem of every one is checked.
/// </summary>
public sealed partial class ErrorMessageTests
{
    private const string Valid = "\"causes\":[\"herniatedDisc\"],\"legPain\":5,\"backPain\":3,\"medicalClearance\":true,\"redFlags\":[],\"symptomsTolerateExercise\":true";

    public static TheoryData<string> InvalidProfiles => new()
    {
        "[]",
        "{}",
        "{" + Valid + ",\"foo\":1}",
        "{" + Valid + ",\"legPain\":6}",
        """{"causes":"herniatedDisc","legPain":"5","backPain":-1,"medicalClearance":"yes","redFlags":{},"symptomsTolerateExercise":1}""",
        """{"causes":["herniated"],"legPain":11,"backPain":3.5,"medicalClearance":true,"redFlags":["fever2"],"symptomsTolerateExercise":true,"affectedRoots":["l6"],"directionalPreference":"up","affectedSide":"middle"}""",
        """{"causes":[],"legPain":5,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true,"age":200,"symptomWeeks":-2,"pregnancyWeeks":50,"weeksSinceSpineSurgery":-1}""",
        """{"causes":["herniatedDisc","herniatedDisc"],"legPain":5,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true,"landWalkingPainful":"no","poolAccess":null}""",
        "{" + Valid + ",\"clinicianOverrides\":[{\"exerciseId\":\"no-such-exercise\",\"ruleId\":\"no-such-rule\",\"reason\":\"x\"}]}",
        "{" + Valid + ",\"clinicianOverrides\":[{\"exerciseId\":\"prone-press-up\",\"ruleId\":\"emergency-saddle-anesthesia\",\"reason\":\"x\"}]}",
        "{" + Valid + ",\"clinicianOverrides\":[{\"exerciseId\":\"prone-press-up\",\"ruleId\":\"disc-avoid-extension\",\"reason\":\"x\"},{\"exerciseId\":\"prone-press-up\",\"ruleId\":\"disc-avoid-extension\",\"reason\":\"y\"}]}",
        "{" + Valid + ",\"clinicianOverrides\":[{\"exerciseId\":\"prone-press-up\",\"ruleId\":\"disc-avoid-extension\",\"reason\":\"\"},{\"exerciseId\":\"bridge\"},{}, 3]}",
        "{" + Valid + ",\"clinicianOverrides\":{}}",
        "{\"causes\":",
        "{" + Valid + "} trailing",
    };

    // No medical clearance: no program, so no exercise can be reported.
    private const string ReviewWithoutProgram =
        "{\"profile\":{\"causes\":[\"herniatedDisc\"],\"legPain\":5,\"backPain\":3,\"medicalClearance\":false,\"redFlags\":[],\"symptomsTolerateExercise\":true},\"feedback\":{\"nextMorning\":\"same\",\"newNumbness\":false,\"newWeakness\":false,\"newRedFlags\":[],\"exercises\":[{\"id\":\"knee-to-chest\",\"painDuring\":3,\"symptomChange\":\"unchanged\"}]}}";

    public static TheoryData<string> InvalidReviewRequests => new()
    {
        "{}",
        "{\"profile\":{" + Valid + "}}",
        "{\"profile\":{" + Valid + "},\"feedback\":{}}",
        "{\"profile\":{" + Valid + "},\"feedback\":{\"nextMorning\":\"fine\",\"newNumbness\":\"no\",\"newWeakness\":false,\"newRedFlags\":[\"x\"],\"exercises\":[{\"id\":\"no-such-exercise\",\"painDuring\":11,\"symptomChange\":\"worse\"}]}}",
        "{\"profile\":{" + Valid + "},\"feedback\":{\"nextMorning\":\"same\",\"newNumbness\":false,\"newWeakness\":false,\"newRedFlags\":[],\"exercises\":[{\"id\":\"knee-to-chest\",\"painDuring\":3,\"symptomChange\":\"unchanged\"},{\"id\":\"knee-to-chest\",\"painDuring\":3,\"symptomChange\":\"unchanged\"}]}}",
        "{\"profile\":{" + Valid + "},\"feedback\":{\"nextMorning\":\"same\",\"newNumbness\":false,\"newWeakness\":false,\"newRedFlags\":[],\"exercises\":[{\"id\":\"knee-to-chest\",\"painDuring\":3,\"symptomChange\":\"unchanged\",\"dosage\":{\"repetitions\":500,\"timesPerDay\":0}}]}}",
        "{\"profile\":{" + Valid + "},\"feedback\":{\"nextMorning\":\"same\",\"newNumbness\":false,\"newWeakness\":false,\"newRedFlags\":[]},\"history\":[{\"nextMorning\":\"x\"}, 1]}",
        ReviewWithoutProgram,
    };

    [Theory]
    [MemberData(nameof(InvalidProfiles))]
    public void ReadProfile_EveryProblem_NamesTheFieldAndWhatIsAllowed(string json) =>
        AssertActionable(Assert.Throws<SciaticaValidationException>(() => ProgramSelector.Default.Select(SciaticaJson.ReadProfile(json))));

    [Theory]
    [MemberData(nameof(InvalidReviewRequests))]
    public void Review_EveryProblem_NamesTheFieldAndWhatIsAllowed(string json) =>
        AssertActionable(Assert.Throws<SciaticaValidationException>(() =>
        {
            var request = SciaticaJson.ReadReviewRequest(json);
            new SessionReviewer().Review(request.Profile, request.Sessions);
        }));

    [Fact]
    public void Override_OfAScreeningRule_SaysPlainlyWhyItCannotBeLifted()
    {
        var error = Assert.Throws<SciaticaValidationException>(() => ProgramSelector.Default.Select(SciaticaJson.ReadProfile(
            "{" + Valid + ",\"clinicianOverrides\":[{\"exerciseId\":\"prone-press-up\",\"ruleId\":\"emergency-saddle-anesthesia\",\"reason\":\"x\"}]}")));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.clinicianOverrides[0].ruleId", problem.Path);
        Assert.Contains("screening rule: it decides whether exercise may start at all", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Review_OfAProfileWithoutProgram_SaysWhichDecisionAndWhy()
    {
        var error = Assert.Throws<SciaticaValidationException>(() =>
        {
            var request = SciaticaJson.ReadReviewRequest(ReviewWithoutProgram);
            new SessionReviewer().Review(request.Profile, request.Sessions);
        });

        var problem = Assert.Single(error.Problems);
        Assert.Contains("(seekMedicalAdvice: ", problem.Message, StringComparison.Ordinal);
    }

    private static void AssertActionable(SciaticaValidationException error)
    {
        Assert.NotEmpty(error.Problems);
        foreach (var problem in error.Problems)
        {
            Assert.True(problem.Path.StartsWith('$'), $"'{problem}' names no JSON path");
            Assert.True(AllowedHint().IsMatch(problem.Message), $"'{problem}' does not say what is allowed");
            Assert.False(RuleVocabulary().IsMatch(problem.Message), $"'{problem}' uses internal rule vocabulary");
        }
    }

    // "allowed values: ...", "allowed properties: ...", "allowed: ...": the hint a host developer acts on.
    [GeneratedRegex(@"\ballowed\b[^:]*:", RegexOptions.IgnoreCase)]
    private static partial Regex AllowedHint();

    [GeneratedRegex(@"\b(gate|predicate|mask|bit|Facts|CompiledRules|interner)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RuleVocabulary();
}
