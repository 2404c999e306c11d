using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Tests.Catalogs;

/// <summary>The zero value of a safety enum never means "go ahead": it is Unspecified, and validation rejects it.</summary>
public sealed class SafeZeroValueTests
{
    [Fact]
    public void SafetyEnums_ZeroValue_IsUnspecified()
    {
        Assert.Equal(DecisionKind.Unspecified, default(DecisionKind));
        Assert.Equal(ReviewDecision.Unspecified, default(ReviewDecision));
        Assert.Equal(ReviewAction.Unspecified, default(ReviewAction));
        Assert.Equal(NextMorningChange.Unspecified, default(NextMorningChange));
        Assert.Equal(SymptomChange.Unspecified, default(SymptomChange));
        Assert.Equal(ContraindicationStrength.Unspecified, default(ContraindicationStrength));
        Assert.Equal(Timeframe.Now, default(Timeframe));
    }

    [Fact]
    public void Review_UnspecifiedMorningAndSymptomChange_AreInputErrors()
    {
        var feedback = new SessionFeedback
        { NewNumbness = false, NewRedFlags = [], NewWeakness = false,
            NextMorning = default,
            Exercises = [new ExerciseFeedback { Id = "walking", PainDuring = 1, SymptomChange = default }],
        };

        var error = Assert.Throws<SciaticaValidationException>(() => new SessionReviewer().Review(Profiles.Clear, feedback));

        Assert.Contains(error.Problems, p => p.Path == "$.feedback.nextMorning");
        Assert.Contains(error.Problems, p => p.Path == "$.feedback.exercises[0].symptomChange");
    }

    [Fact]
    public void RuleSet_UnspecifiedStrengthOrGateDecision_Rejected()
    {
        var rule = RuleSet.Default.Contraindications[0] with { Strength = default };
        var gates = RuleSet.Default.Screening.Select((g, i) => i == 0 ? g with { Decision = default } : g);

        var error = Assert.Throws<SciaticaValidationException>(() => new RuleSet("x", "1", [rule], null, gates));

        Assert.Contains(error.Problems, p => p.Path == "$.contraindications[0].strength");
        Assert.Contains(error.Problems, p => p.Path == "$.screening[0].decision");
    }

    [Fact]
    public void ReadDecision_Unspecified_IsNotAContractValue()
    {
        var json = SciaticaJson.WriteDecision(ProgramSelector.Default.Select(Profiles.Clear)).Replace("\"decision\":\"program\"", "\"decision\":\"unspecified\"", StringComparison.Ordinal);

        Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadDecision(json));
        Assert.DoesNotContain("unspecified", Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile("""{"causes":["x"],"legPain":1,"backPain":1,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}""")).Message, StringComparison.Ordinal);
    }
}
