using Hl7.Fhir.Model;

namespace Sciatica.Rules.Fhir.Tests;

/// <summary>
/// The intake reader's reports, word for word: each kind of broken response gives exactly one problem, at the path that
/// names the item and with the message that says how to fix it; the canonical it accepts; and the screening it carries
/// when the form is wrong but a red flag can be read.
/// </summary>
public sealed class FhirIntakeReadingTests
{
    private const string Item = "QuestionnaireResponse.item";

    public static TheoryData<string, string, string> BrokenResponses => new()
    {
        { "legPain given twice", Item + "[linkId='legPain']", "is given twice; give each item once, with all its answers." },
        { "legPain given twice, first without an answer, then as a string", Item + "[linkId='legPain']", "is given twice; give each item once, with all its answers." },
        { "legPain with a nested item", Item + "[linkId='legPain'].item", "has nested items; this item has none." },
        { "legPain as a string with a nested item", Item + "[linkId='legPain'].item", "has nested items; this item has none." },
        { "legPain with two answers", Item + "[linkId='legPain'].answer", "has 2 answers; this item takes one." },
        { "medicalClearance as a string", Item + "[linkId='medicalClearance'].answer[0]", "is a string; allowed values: valueBoolean." },
        { "causes as a boolean", Item + "[linkId='causes'].answer[0]", "is a boolean; allowed values: valueCoding." },
        { "backPain as a string", Item + "[linkId='backPain'].answer[0]", "is a string; allowed values: valueInteger." },
        { "medicalClearance left out", Item + "[linkId='medicalClearance']", "was not answered; it is required." },
        { "none beside a sign", Item + "[linkId='redFlags'].answer", "gives \"None of these\" together with a warning sign; give either the signs that are present or \"None of these\"." },
        { "surgery weeks although no", Item + "[linkId='weeksSinceSpineSurgery']", "is answered although 'spineSurgery' is no; it is asked only when 'spineSurgery' is yes." },
        { "surgery weeks of -1 although no", Item + "[linkId='weeksSinceSpineSurgery']", "is answered although 'spineSurgery' is no; it is asked only when 'spineSurgery' is yes." },
        { "surgery yes without weeks", Item + "[linkId='weeksSinceSpineSurgery']", "was not answered although 'spineSurgery' is yes; answer it, or answer 'spineSurgery' no." },
        { "override with an answer", Item + "[12][linkId='clinicianOverride'].answer", "is a group: its answers are the nested items exerciseId, ruleId and reason." },
        { "override with an answer and no parts", Item + "[12][linkId='clinicianOverride'].answer", "is a group: its answers are the nested items exerciseId, ruleId and reason." },
        { "override without a reason", Item + "[12][linkId='clinicianOverride'].item[linkId='reason']", "must be given once with one non-empty valueString answer." },
        { "override with an empty reason", Item + "[12][linkId='clinicianOverride'].item[linkId='reason']", "must be given once with one non-empty valueString answer." },
        { "override without a ruleId", Item + "[12][linkId='clinicianOverride'].item[linkId='ruleId']", "must be given once with one non-empty valueString answer." },
        { "the same override twice, the second with an unknown part", Item + "[13][linkId='clinicianOverride'].item", "has items colour; allowed values: exerciseId, ruleId, reason." },
        { "a nerve root outside the options", Item + "[linkId='affectedRoots'].answer[0].valueCoding", "is http://sciatica-rules.org/fhir/CodeSystem/nerve-root|L6, which is not an answer option; allowed values: http://sciatica-rules.org/fhir/CodeSystem/nerve-root|l4, http://sciatica-rules.org/fhir/CodeSystem/nerve-root|l5, http://sciatica-rules.org/fhir/CodeSystem/nerve-root|s1." },
        { "override with an unknown part", Item + "[12][linkId='clinicianOverride'].item", "has items colour; allowed values: exerciseId, ruleId, reason." },
        { "override with a part without a linkId", Item + "[12][linkId='clinicianOverride'].item", "has items (an item without a linkId); allowed values: exerciseId, ruleId, reason." },
        { "legPain out of range", Item + "[linkId='legPain']", "is the number 11; allowed values: an integer 0..10." },
        { "the same override twice", Item + "[linkId='clinicianOverride']", "is a second override of 'disc-avoid-extension' for 'cobra'; allowed: one override per exercise and rule." },
    };

    [Theory]
    [MemberData(nameof(BrokenResponses))]
    public void ReadIntake_EachKindOfBrokenResponse_OneProblem_NamingTheItemAndSayingHowToFixIt(string broken, string path, string message)
    {
        var response = Broken(broken);

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaFhir.ReadIntake(response));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(path, problem.Path);
        Assert.Equal(message, problem.Message);
        Assert.Null(error.Screening);
    }

    [Fact]
    public void ReadIntake_UnknownItem_NamedByIndex_ListingTheItemsOfTheIntake()
    {
        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaFhir.ReadIntake(Broken("an unknown item")));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(Item + "[12].linkId", problem.Path);
        Assert.StartsWith("is 'favouriteColour', which is not an item of the intake; allowed values: causes, affectedRoots, affectedSide, legPain, backPain, redFlags, ", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("spineSurgery")]
    [InlineData("pregnant")]
    public void ReadIntake_GateAnsweredWrongly_OnlyTheGateIsReported_NotItsWeeks(string gate)
    {
        // The gate cannot be read, so whether its weeks belong is not known: one problem, at the gate.
        var response = Response();
        response.Item.Single(i => i.LinkId == gate).Answer[0].Value = new FhirString("yes");
        response.Item.Add(Answered(gate == "pregnant" ? "pregnancyWeeks" : "weeksSinceSpineSurgery", new Integer(3)));

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaFhir.ReadIntake(response));

        Assert.Equal(Item + $"[linkId='{gate}'].answer[0]", Assert.Single(error.Problems).Path);
    }

    [Theory]
    [InlineData(SciaticaFhir.IntakeQuestionnaireUrl)]
    [InlineData(SciaticaFhir.IntakeQuestionnaireUrl + "|" + SciaticaFhir.IntakeQuestionnaireVersion)]
    [InlineData(null)]
    public void ReadIntake_ThisQuestionnaire_WithOrWithoutItsVersion_OrNoneNamed_IsRead(string? canonical)
    {
        var profile = Samples.Profiles["herniated-disc-l5"];
        var response = Samples.Response(profile);
        response.Questionnaire = canonical;

        Assert.Equal(profile, SciaticaFhir.ReadIntake(response));
    }

    [Fact]
    public void ReadIntake_AnotherVersionOfTheQuestionnaire_RefusedNamingBothAllowedCanonicals()
    {
        var response = Response();
        response.Questionnaire = SciaticaFhir.IntakeQuestionnaireUrl + "|2.0.0";

        var problem = Assert.Single(Assert.Throws<SciaticaValidationException>(() => SciaticaFhir.ReadIntake(response)).Problems);

        Assert.Equal("QuestionnaireResponse.questionnaire", problem.Path);
        Assert.Equal(
            "is 'http://sciatica-rules.org/fhir/Questionnaire/sciatica-intake|2.0.0'; allowed values: 'http://sciatica-rules.org/fhir/Questionnaire/sciatica-intake' or 'http://sciatica-rules.org/fhir/Questionnaire/sciatica-intake|3.0.0'.",
            problem.Message);
    }

    [Theory]
    [InlineData("an unknown item")]
    [InlineData("legPain out of range")]
    public void ReadIntake_WrongFormWithAnEmergencySign_CarriesTheEmergency(string broken)
    {
        // Whether the reader finds the problem itself or the contract does, the danger it could read is said.
        var response = Broken(broken);
        response.Item.Single(i => i.LinkId == "redFlags").Answer[0].Value = new Coding(SciaticaFhir.CodeSystemBase + "red-flag", "bladderDysfunction");

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaFhir.ReadIntake(response));

        Assert.Single(error.Problems);
        Assert.Equal(DecisionKind.Emergency, error.Screening?.Decision);
        Assert.Equal(Timeframe.Now, error.Screening?.Timeframe);
    }

    [Fact]
    public void ReadIntake_NoneOfTheseBesideAnEmergencySign_RefusedButTheEmergencyIsCarried()
    {
        // A contradictory answer does not hide the sign it names: the form is refused, and the emergency is said.
        var response = Response();
        response.Item.Single(i => i.LinkId == "redFlags").Answer.Add(new() { Value = new Coding(SciaticaFhir.CodeSystemBase + "red-flag", "bladderDysfunction") });

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaFhir.ReadIntake(response));

        Assert.Equal(Item + "[linkId='redFlags'].answer", Assert.Single(error.Problems).Path);
        Assert.Equal(DecisionKind.Emergency, error.Screening?.Decision);
    }

    [Fact]
    public void ReadIntake_UnknownCodeBesideAnEmergencySign_RefusedButTheEmergencyIsCarried()
    {
        // A code outside the options does not hide the valid sign beside it.
        var response = Response();
        var flags = response.Item.Single(i => i.LinkId == "redFlags").Answer;
        flags.Clear();
        flags.Add(new() { Value = new Coding(SciaticaFhir.CodeSystemBase + "red-flag", "bladderDysfunction") });
        flags.Add(new() { Value = new Coding(SciaticaFhir.CodeSystemBase + "red-flag", "madeUpSign") });

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaFhir.ReadIntake(response));

        Assert.Equal(Item + "[linkId='redFlags'].answer[1].valueCoding", Assert.Single(error.Problems).Path);
        Assert.Equal(DecisionKind.Emergency, error.Screening?.Decision);
    }

    [Fact]
    public void ReadIntake_ClinicianOverride_ReadAsTheProfilesOverride()
    {
        var response = Broken("the same override twice");
        response.Item.RemoveAt(response.Item.Count - 1);

        var read = SciaticaFhir.ReadIntake(response);

        var o = Assert.Single(read.ClinicianOverrides);
        Assert.Equal(("cobra", "disc-avoid-extension", "Centralises on repeated extension."), (o.ExerciseId, o.RuleId, o.Reason));
    }

    [Fact]
    public void IntakeResponse_CompletedForThisVersion_AboutTheSubject_AuthoredWhenGiven_NoItemForAFieldNotGiven()
    {
        var profile = Samples.Profiles["herniated-disc-l5"] with { Age = null, AffectedSide = null, DirectionalPreference = null };
        var at = new DateTimeOffset(2026, 12, 6, 9, 30, 0, TimeSpan.Zero);

        var response = SciaticaFhir.IntakeResponse(profile, new ResourceReference("Patient/7"), at);

        Assert.Equal(SciaticaFhir.IntakeQuestionnaireUrl + "|" + SciaticaFhir.IntakeQuestionnaireVersion, response.Questionnaire);
        Assert.Equal(QuestionnaireResponse.QuestionnaireResponseStatus.Completed, response.Status);
        Assert.Equal("Patient/7", response.Subject?.Reference);
        Assert.Equal("2026-12-06T09:30:00+00:00", response.Authored);
        Assert.All(response.Item, i => Assert.NotEmpty(i.Answer));
        Assert.DoesNotContain(response.Item, i => i.LinkId is "age" or "affectedSide" or "directionalPreference" or "weeksSinceSpineSurgery" or "pregnancyWeeks");
        Assert.Null(SciaticaFhir.IntakeResponse(profile).AuthoredElement);
    }

    private static QuestionnaireResponse Response() => Samples.Response(Samples.Profiles["herniated-disc-l5"]);

    private static QuestionnaireResponse.ItemComponent Answered(string linkId, params DataType[] values) =>
        new() { LinkId = linkId, Answer = [.. values.Select(v => new QuestionnaireResponse.AnswerComponent { Value = v })] };

    private static QuestionnaireResponse.ItemComponent Override(params QuestionnaireResponse.ItemComponent[] parts) =>
        new() { LinkId = "clinicianOverride", Item = [.. parts] };

    private static QuestionnaireResponse.ItemComponent[] OverrideParts(string? reason) =>
    [
        Answered("exerciseId", new FhirString("cobra")),
        Answered("ruleId", new FhirString("disc-avoid-extension")),
        .. reason is null ? Array.Empty<QuestionnaireResponse.ItemComponent>() : [Answered("reason", new FhirString(reason))],
    ];

    private static QuestionnaireResponse Broken(string broken)
    {
        var response = Response();
        QuestionnaireResponse.ItemComponent Of(string linkId) => response.Item.Single(i => i.LinkId == linkId);
        switch (broken)
        {
            case "legPain given twice": response.Item.Add(Answered("legPain", new Integer(3))); break;
            case "legPain given twice, first without an answer, then as a string":
                Of("legPain").Answer.Clear();
                response.Item.Add(Answered("legPain", new FhirString("3")));
                break;
            case "legPain with a nested item": Of("legPain").Item.Add(new() { LinkId = "legPain" }); break;
            case "legPain as a string with a nested item":
                Of("legPain").Answer[0].Value = new FhirString("3");
                Of("legPain").Item.Add(new() { LinkId = "legPain" });
                break;
            case "legPain with two answers": Of("legPain").Answer.Add(new() { Value = new Integer(4) }); break;
            case "medicalClearance as a string": Of("medicalClearance").Answer[0].Value = new FhirString("true"); break;
            case "causes as a boolean": Of("causes").Answer[0].Value = new FhirBoolean(true); break;
            case "backPain as a string": Of("backPain").Answer[0].Value = new FhirString("3"); break;
            case "medicalClearance left out": response.Item.Remove(Of("medicalClearance")); break;
            case "none beside a sign": Of("redFlags").Answer.Add(new() { Value = new Coding(SciaticaFhir.CodeSystemBase + "red-flag", "fever") }); break;
            case "surgery weeks although no": response.Item.Add(Answered("weeksSinceSpineSurgery", new Integer(8))); break;
            case "surgery weeks of -1 although no": response.Item.Add(Answered("weeksSinceSpineSurgery", new Integer(-1))); break;
            case "override without a ruleId": response.Item.Add(Override([.. OverrideParts("Assessed.").Where(p => p.LinkId != "ruleId")])); break;
            case "the same override twice, the second with an unknown part":
                response.Item.Add(Override(OverrideParts("Assessed.")));
                response.Item.Add(Override([.. OverrideParts("Assessed."), Answered("colour", new FhirString("blue"))]));
                break;
            case "a nerve root outside the options": Of("affectedRoots").Answer[0].Value = new Coding(SciaticaFhir.CodeSystemBase + "nerve-root", "L6"); break;
            case "surgery yes without weeks": Of("spineSurgery").Answer[0].Value = new FhirBoolean(true); break;
            case "override with an answer": response.Item.Add(new() { LinkId = "clinicianOverride", Item = [.. OverrideParts("Assessed.")], Answer = [new() { Value = new FhirString("x") }] }); break;
            case "override with an answer and no parts": response.Item.Add(new() { LinkId = "clinicianOverride", Answer = [new() { Value = new FhirString("x") }] }); break;
            case "override without a reason": response.Item.Add(Override(OverrideParts(null))); break;
            case "override with an empty reason": response.Item.Add(Override(OverrideParts(string.Empty))); break;
            case "override with an unknown part": response.Item.Add(Override([.. OverrideParts("Assessed."), Answered("colour", new FhirString("blue"))])); break;
            case "override with a part without a linkId": response.Item.Add(Override([.. OverrideParts("Assessed."), Answered(null!, new FhirString("blue"))])); break;
            case "legPain out of range": Of("legPain").Answer[0].Value = new Integer(11); break;
            case "an unknown item": response.Item.Add(Answered("favouriteColour", new FhirString("blue"))); break;
            case "the same override twice":
                response.Item.Add(Override(OverrideParts("Centralises on repeated extension.")));
                response.Item.Add(Override(OverrideParts("Centralises on repeated extension.")));
                break;
            default: throw new ArgumentOutOfRangeException(nameof(broken), broken, null);
        }

        return response;
    }
}
