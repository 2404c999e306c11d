using Hl7.Fhir.Model;
using Sciatica.Rules.Testing;

namespace Sciatica.Rules.Fhir.Tests;

/// <summary>What the resources say: the mapping of docs/fhir.md, golden files read by eye, and the intake as strict as the JSON contract.</summary>
public sealed class FhirMappingTests
{
    private static readonly ResourceReference Patient = new("Patient/example");

    public static TheoryData<string> SampleProfiles => [.. Samples.Profiles.Keys];

    [Theory]
    [MemberData(nameof(SampleProfiles))]
    public void CarePlan_MatchesGoldenFile(string sample)
    {
        var plan = SciaticaFhir.Apply(ProgramSelector.Default, ProgramSelector.Default.Select(Samples.Profiles[sample]), Patient);

        AssertGolden(sample + ".careplan.json", SciaticaFhir.ToJson(plan));
    }

    [Fact]
    public void KnowledgeArtifacts_MatchGoldenFiles()
    {
        AssertGolden("plan-definition.json", SciaticaFhir.ToJson(SciaticaFhir.PlanDefinition(ProgramSelector.Default)));
        AssertGolden("intake-questionnaire.json", SciaticaFhir.ToJson(SciaticaFhir.IntakeQuestionnaire()));
    }

    [Fact]
    public void SameRuleSet_SameBytes()
    {
        Assert.Equal(SciaticaFhir.ToJson(SciaticaFhir.KnowledgeBundle(ProgramSelector.Default)), SciaticaFhir.ToJson(SciaticaFhir.KnowledgeBundle(new ProgramSelector())));
        var decision = ProgramSelector.Default.Select(Samples.Profiles["herniated-disc-l5"]);
        Assert.Equal(SciaticaFhir.ToJson(SciaticaFhir.Apply(ProgramSelector.Default, decision, Patient)), SciaticaFhir.ToJson(SciaticaFhir.Apply(new ProgramSelector(), decision, Patient)));
    }

    [Fact]
    public void Program_OneActionPerIncludedExercise_ExcludedCarriedWithReasons_DoNotPerformOnlyWhenAbsolute()
    {
        var decision = ProgramSelector.Default.Select(Samples.Profiles["herniated-disc-l5"]);

        var plan = SciaticaFhir.Apply(ProgramSelector.Default, decision, Patient);

        Assert.Equal(RequestStatus.Draft, plan.Status);
        Assert.Equal(CarePlan.CarePlanIntent.Proposal, plan.Intent);
        Assert.Equal(SciaticaFhir.PlanDefinitionUrl + "|" + decision.RuleSetVersion, Assert.Single(plan.InstantiatesCanonical));
        var group = Assert.Single(plan.Contained.OfType<RequestGroup>());
        Assert.Equal(decision.Exercises.Select(e => e.Name), group.Action.Select(a => a.Title));
        Assert.Equal(decision.Exercises.Count, plan.Contained.OfType<ServiceRequest>().Count());
        var left = plan.Activity.Where(a => a.Detail is not null).ToList();
        Assert.Equal(decision.Excluded.Select(e => e.Id), left.Select(a => a.Detail!.Code!.Coding[0].Code));
        Assert.All(left.Zip(decision.Excluded), pair => Assert.Equal(pair.Second.Reasons.Select(r => r.RuleId), pair.First.Detail!.ReasonCode.Select(c => c.Coding[0].Code)));

        // Do-not-perform exactly where an absolute rule excludes the exercise; the rest are on hold, overridable.
        var absolute = ProgramSelector.Default.RuleSet.Rules.Where(r => r.Strength == Catalogs.ContraindicationStrength.Absolute).Select(r => r.Id).ToHashSet();
        Assert.Contains(left, a => a.Detail!.DoNotPerform == true);
        Assert.Contains(left, a => a.Detail!.DoNotPerform != true);
        Assert.All(left.Zip(decision.Excluded), pair =>
        {
            var never = pair.Second.Reasons.Any(r => absolute.Contains(r.RuleId));
            Assert.Equal(never, pair.First.Detail!.DoNotPerform == true);
            Assert.Equal(never ? CarePlan.CarePlanActivityStatus.NotStarted : CarePlan.CarePlanActivityStatus.OnHold, pair.First.Detail!.Status);
        });
    }

    [Theory]
    [InlineData("cauda-equina-emergency", RequestPriority.Stat)]
    [InlineData("fever-iv-drug-use", RequestPriority.Urgent)]
    [InlineData("no-clearance", RequestPriority.Routine)]
    public void NotAProgram_OneActionWithPriorityAndAReferral_NoExercise(string sample, RequestPriority priority)
    {
        var decision = ProgramSelector.Default.Select(Samples.Profiles[sample]);

        var plan = SciaticaFhir.Apply(ProgramSelector.Default, decision, Patient);

        Assert.NotEqual(DecisionKind.Program, decision.Decision);
        var group = Assert.Single(plan.Contained.OfType<RequestGroup>());
        Assert.Equal(priority, group.Priority);
        var action = Assert.Single(group.Action);
        Assert.Equal(priority, action.Priority);
        var referral = Assert.Single(plan.Contained.OfType<ServiceRequest>());
        Assert.Equal("#" + referral.Id, action.Resource?.Reference);
        Assert.DoesNotContain(plan.Contained.OfType<ServiceRequest>(), r => r.InstantiatesCanonical.Any());
        Assert.DoesNotContain(plan.Activity, a => a.Detail is not null);
    }

    [Theory]
    [MemberData(nameof(SampleProfiles))]
    public void Intake_ResponseOfAProfile_ReadsBackToTheSameProfile(string sample)
    {
        // Clinician overrides are not part of the intake: a clinician adds them to the profile afterwards.
        var profile = Samples.Profiles[sample] with { ClinicianOverrides = [] };

        Assert.Equal(profile, SciaticaFhir.ReadIntake(Samples.Response(profile)));
    }

    [Fact]
    public void IntakeResponse_OfAProfileWithClinicianOverrides_IsRefused_NotWrittenWithoutThem()
    {
        var profile = Samples.Profiles["disc-extension-preference"];
        Assert.NotEmpty(profile.ClinicianOverrides);

        var ex = Assert.Throws<ArgumentException>(() => SciaticaFhir.IntakeResponse(profile));
        Assert.Contains("clinician overrides", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Intake_EveryProblemAtOnceEachNamingItsLinkId()
    {
        var response = Samples.Response(Samples.Profiles["herniated-disc-l5"]);
        response.Item.RemoveAll(i => i.LinkId == "medicalClearance");
        response.Item.Single(i => i.LinkId == "legPain").Answer[0].Value = new Integer(11);
        response.Item.Single(i => i.LinkId == "causes").Answer.Add(new QuestionnaireResponse.AnswerComponent { Value = new Coding(SciaticaFhir.CodeSystemBase + "cause", "slippedDisc") });
        response.Item.Single(i => i.LinkId == "backPain").Answer[0].Value = new FhirString("3");
        response.Item.Add(new QuestionnaireResponse.ItemComponent { LinkId = "favouriteColour", Answer = [new QuestionnaireResponse.AnswerComponent { Value = new FhirString("blue") }] });

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaFhir.ReadIntake(response));

        var paths = error.Problems.Select(p => p.Path).ToList();
        Assert.Contains("QuestionnaireResponse.item[linkId='medicalClearance']", paths);
        Assert.Contains("QuestionnaireResponse.item[linkId='legPain']", paths);
        Assert.Contains(paths, p => p.StartsWith("QuestionnaireResponse.item[linkId='causes'].answer[", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("QuestionnaireResponse.item[linkId='backPain'].answer[0]", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.EndsWith(".linkId", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Message.Contains("favouriteColour", StringComparison.Ordinal));
        Assert.Equal(5, error.Problems.Count);
    }

    [Fact]
    public void Intake_AnotherQuestionnaire_Refused()
    {
        var response = Samples.Response(Samples.Profiles["herniated-disc-l5"]);
        response.Questionnaire = "http://example.org/Questionnaire/other";

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaFhir.ReadIntake(response));

        Assert.Equal("QuestionnaireResponse.questionnaire", Assert.Single(error.Problems).Path);
    }

    private static void AssertGolden(string name, string actual) =>
        GoldenFile.Check(Path.Combine("tests", "Sciatica.Rules.Fhir.Tests", "Golden", name), actual + "\n", "the FHIR mapping", nameof(FhirMappingTests));
}
