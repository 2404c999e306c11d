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

        // The rest of the knowledge bundle: the activity definitions, and the terminology (code systems, value sets, map).
        AssertGolden("activity-definitions.json", SciaticaFhir.ToJson(Collection(SciaticaFhir.ActivityDefinitions(ProgramSelector.Default))));
        AssertGolden("terminology.json", SciaticaFhir.ToJson(Collection([
            .. SciaticaFhir.CodeSystems(ProgramSelector.Default), .. SciaticaFhir.ValueSets(ProgramSelector.Default), SciaticaFhir.StandardCodeMap(ProgramSelector.Default)])));
    }

    private static Bundle Collection(IEnumerable<Resource> resources) =>
        new() { Type = Bundle.BundleType.Collection, Entry = [.. resources.Select(r => new Bundle.EntryComponent { Resource = r })] };

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
        var canonical = SciaticaFhir.PlanDefinitionUrl + "|" + SciaticaFhir.ArtifactVersion(decision.RuleSetVersion);
        Assert.Equal(canonical, Assert.Single(plan.InstantiatesCanonical));
        var group = Assert.Single(plan.Contained.OfType<RequestGroup>());
        Assert.Equal(canonical, Assert.Single(group.InstantiatesCanonical));
        Assert.All(plan.Contained.OfType<ServiceRequest>(), r => Assert.EndsWith("|" + SciaticaFhir.ArtifactVersion(decision.RuleSetVersion), Assert.Single(r.InstantiatesCanonical), StringComparison.Ordinal));
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
        // Clinician overrides included: each is a clinicianOverride group of the response.
        var profile = Samples.Profiles[sample];

        Assert.Equal(profile, SciaticaFhir.ReadIntake(Samples.Response(profile)));
    }

    [Fact]
    public void ArtifactVersion_IsSafeInUrlBarVersion_AndKeepsTheRuleSetVersionAsIdentifier()
    {
        var plan = SciaticaFhir.PlanDefinition(ProgramSelector.Default);

        Assert.Matches("^[A-Za-z0-9.-]+$", plan.Version);
        Assert.Equal(ProgramSelector.Default.RuleSetVersion, Assert.Single(plan.Identifier).Value);
        Assert.Equal("default-2.0.0-42ad4bcc49e4", SciaticaFhir.ArtifactVersion("default/2.0.0+42ad4bcc49e4"));
    }

    [Theory]
    [InlineData("redFlags", "None of these")]
    [InlineData("symptomsTolerateExercise", "never read as yes")]
    public void Intake_ScreeningQuestionUnanswered_IsAnErrorNamingTheLinkId_NeverNone(string linkId, string says)
    {
        var response = Samples.Response(Samples.Profiles["herniated-disc-l5"]);
        response.Item.RemoveAll(i => i.LinkId == linkId);

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaFhir.ReadIntake(response));

        var problem = Assert.Single(error.Problems);
        Assert.Equal($"QuestionnaireResponse.item[linkId='{linkId}']", problem.Path);
        Assert.Contains(says, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("redFlags", "no answer", "None of these")]
    [InlineData("redFlags", "an empty answer", "is empty")]
    [InlineData("symptomsTolerateExercise", "no answer", "never read as yes")]
    [InlineData("symptomsTolerateExercise", "an empty answer", "is empty")]
    public void Intake_ScreeningQuestionPresentButNotAnswered_IsAnErrorNamingTheLinkId(string linkId, string given, string says)
    {
        // The item is there but says nothing: still not "none" and not "yes".
        var response = Samples.Response(Samples.Profiles["herniated-disc-l5"]);
        var item = response.Item.Single(i => i.LinkId == linkId);
        item.Answer.Clear();
        if (given == "an empty answer")
        {
            item.Answer.Add(new QuestionnaireResponse.AnswerComponent());
        }

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaFhir.ReadIntake(response));

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith($"QuestionnaireResponse.item[linkId='{linkId}']", problem.Path, StringComparison.Ordinal);
        Assert.Contains(says, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AffectedSide.Left)]
    [InlineData(AffectedSide.Right)]
    [InlineData(AffectedSide.Both)]
    public void Intake_AffectedSide_IsAskedAndReadsBack(AffectedSide side)
    {
        var item = SciaticaFhir.IntakeQuestionnaire().Item.Single(i => i.LinkId == "affectedSide");
        Assert.Equal(["left", "right", "both"], item.AnswerOption.Select(o => ((Coding)o.Value).Code));
        Assert.False(item.Required);

        var profile = Samples.Profiles["herniated-disc-l5"] with { AffectedSide = side };

        Assert.Equal(side, SciaticaFhir.ReadIntake(Samples.Response(profile)).AffectedSide);
        Assert.Null(SciaticaFhir.ReadIntake(Samples.Response(profile with { AffectedSide = null })).AffectedSide);
    }

    [Fact]
    public void Questionnaire_Wording_UsualPainOverTheLast24Hours_AndNewOrWorseningSymptomsInBothLegs()
    {
        var items = SciaticaFhir.IntakeQuestionnaire().Item.ToDictionary(i => i.LinkId!);
        foreach (var pain in new[] { "legPain", "backPain" })
        {
            Assert.Contains("Usual", items[pain].Text, StringComparison.Ordinal);
            Assert.Contains("over the last 24 hours", items[pain].Text, StringComparison.Ordinal);
            Assert.Contains("from 0", items[pain].Text, StringComparison.Ordinal);
            Assert.Contains("to 10", items[pain].Text, StringComparison.Ordinal);
            Assert.Contains("not the worst", items[pain].Text, StringComparison.Ordinal);
            Assert.Equal("72514-3", Assert.Single(items[pain].Code).Code);
        }

        var bilateral = (Coding)items["redFlags"].AnswerOption.Single(o => ((Coding)o.Value).Code == "bilateralLegSymptoms").Value;
        Assert.Equal("New or worsening symptoms in both legs", bilateral.Display);
        var definition = SciaticaFhir.CodeSystems(ProgramSelector.Default).Single(s => s.Id == "red-flag").Concept.Single(c => c.Code == "bilateralLegSymptoms").Definition;
        Assert.Contains("new", definition, StringComparison.Ordinal);
        Assert.Contains("spread from one leg to both", definition, StringComparison.Ordinal);
        Assert.Contains("getting worse", definition, StringComparison.Ordinal);
        Assert.Equal("None of these", ((Coding)items["redFlags"].AnswerOption.Single(o => ((Coding)o.Value).Code == "none").Value).Display);
    }

    [Fact]
    public void Intake_NoneOfTheseReadsAsNoRedFlag_ButNotBesideASign()
    {
        var profile = Samples.Profiles["herniated-disc-l5"];
        var response = Samples.Response(profile);
        var flags = response.Item.Single(i => i.LinkId == "redFlags");
        Assert.Equal("none", Assert.IsType<Coding>(Assert.Single(flags.Answer).Value).Code);
        Assert.Empty(SciaticaFhir.ReadIntake(response).RedFlags);

        flags.Answer.Add(new QuestionnaireResponse.AnswerComponent { Value = new Coding(SciaticaFhir.CodeSystemBase + "red-flag", "fever") });

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaFhir.ReadIntake(response));
        Assert.Equal("QuestionnaireResponse.item[linkId='redFlags'].answer", Assert.Single(error.Problems).Path);
    }

    [Theory]
    [InlineData("pregnant", "pregnancyWeeks")]
    [InlineData("spineSurgery", "weeksSinceSpineSurgery")]
    public void Intake_WeeksAnsweredAlthoughTheGateIsNo_OrMissingAlthoughYes_AreErrors(string gate, string weeks)
    {
        var profile = Samples.Profiles["herniated-disc-l5"] with { PregnancyWeeks = null, WeeksSinceSpineSurgery = null };
        var answeredAlthoughNo = Samples.Response(profile);
        answeredAlthoughNo.Item.Add(new QuestionnaireResponse.ItemComponent { LinkId = weeks, Answer = [new QuestionnaireResponse.AnswerComponent { Value = new Integer(8) }] });
        var missingAlthoughYes = Samples.Response(profile);
        missingAlthoughYes.Item.Single(i => i.LinkId == gate).Answer[0].Value = new FhirBoolean(true);

        Assert.Equal($"QuestionnaireResponse.item[linkId='{weeks}']", Assert.Single(Assert.Throws<SciaticaValidationException>(() => SciaticaFhir.ReadIntake(answeredAlthoughNo)).Problems).Path);
        Assert.Equal($"QuestionnaireResponse.item[linkId='{weeks}']", Assert.Single(Assert.Throws<SciaticaValidationException>(() => SciaticaFhir.ReadIntake(missingAlthoughYes)).Problems).Path);
    }

    [Fact]
    public void Questionnaire_AsksWeeksOnlyWhenTheGateIsYes_WithRangesAndRequiredScreening()
    {
        var items = SciaticaFhir.IntakeQuestionnaire().Item.ToDictionary(i => i.LinkId!);

        Assert.Equal("pregnant", Assert.Single(items["pregnancyWeeks"].EnableWhen).Question);
        Assert.Equal("spineSurgery", Assert.Single(items["weeksSinceSpineSurgery"].EnableWhen).Question);
        Assert.True(items["redFlags"].Required);
        Assert.True(items["symptomsTolerateExercise"].Required);
        Assert.Contains(items["redFlags"].AnswerOption, o => ((Coding)o.Value).Code == "none");
        Assert.All(items.Values.SelectMany(i => i.AnswerOption), o => Assert.False(string.IsNullOrEmpty(((Coding)o.Value).Display)));
        Assert.Equal(["0", "10"], items["legPain"].Extension.Select(e => Assert.IsType<Integer>(e.Value).Value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("72514-3", Assert.Single(items["legPain"].Code).Code);
        Assert.Contains("usual", items["legPain"].Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("new or worsening", ((Coding)items["redFlags"].AnswerOption.Single(o => ((Coding)o.Value).Code == "bilateralLegSymptoms").Value).Display, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Terminology_EveryLocalCodeHasADisplayAndADefinition()
    {
        var systems = SciaticaFhir.CodeSystems(ProgramSelector.Default);

        Assert.All(systems.SelectMany(s => s.Concept), c => Assert.False(string.IsNullOrEmpty(c.Display) || string.IsNullOrEmpty(c.Definition), c.Code));
        Assert.Equal(Enum.GetValues<RedFlag>().Length, systems.Single(s => s.Id == "red-flag").Concept.Count);
        Assert.Equal(Enum.GetValues<Cause>().Length, systems.Single(s => s.Id == "cause").Concept.Count);
        Assert.Equal(ProgramSelector.Default.RuleSet.Rules.Count, systems.Single(s => s.Id == "rule").Concept.Count);
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
        GoldenFile.CheckOrUpdate(Path.Combine("tests", "Sciatica.Rules.Fhir.Tests", "Golden", name), actual + "\n", "the FHIR mapping", nameof(FhirMappingTests));
}
