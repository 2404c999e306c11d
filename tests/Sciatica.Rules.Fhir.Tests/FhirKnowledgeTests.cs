using Hl7.Fhir.Model;

namespace Sciatica.Rules.Fhir.Tests;

/// <summary>
/// The knowledge bundle as a repository loads it (every artifact once, in a fixed order, at its canonical address), the
/// arguments every public entry point refuses, the care plan refused for a decision of another rule set, and an
/// excluded exercise the catalog does not know (a decision read back or built by hand) named by its id.
/// </summary>
public sealed class FhirKnowledgeTests
{
    [Fact]
    public void KnowledgeBundle_HoldsEveryArtifactOnce_InOrder_EachAtItsCanonicalAddress()
    {
        var engine = ProgramSelector.Default;

        var bundle = SciaticaFhir.KnowledgeBundle(engine);

        Assert.Equal("sciatica-knowledge", bundle.Id);
        Assert.Equal(Bundle.BundleType.Collection, bundle.Type);
        Resource[] expected =
        [
            SciaticaFhir.PlanDefinition(engine), .. SciaticaFhir.ActivityDefinitions(engine), SciaticaFhir.IntakeQuestionnaire(),
            .. SciaticaFhir.CodeSystems(engine), .. SciaticaFhir.ValueSets(engine), SciaticaFhir.StandardCodeMap(engine),
        ];
        Assert.Equal(expected.Select(SciaticaFhir.ToJson), bundle.Entry.Select(e => SciaticaFhir.ToJson(e.Resource!)));
        Assert.All(bundle.Entry, e => Assert.Equal($"http://sciatica-rules.org/fhir/{e.Resource!.TypeName}/{e.Resource.Id}", e.FullUrl));
        Assert.Equal(bundle.Entry.Count, bundle.Entry.Select(e => e.FullUrl).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void EveryPublicEntryPoint_RefusesNull_NamingTheArgument()
    {
        var engine = ProgramSelector.Default;
        var decision = engine.Select(Samples.Profiles["herniated-disc-l5"]);
        var patient = new ResourceReference("Patient/example");

        Assert.Equal("resource", Assert.Throws<ArgumentNullException>(() => SciaticaFhir.ToJson(null!)).ParamName);
        Assert.Equal("engine", Assert.Throws<ArgumentNullException>(() => SciaticaFhir.ActivityDefinitions(null!)).ParamName);
        Assert.Equal("engine", Assert.Throws<ArgumentNullException>(() => SciaticaFhir.KnowledgeBundle(null!)).ParamName);
        Assert.Equal("engine", Assert.Throws<ArgumentNullException>(() => SciaticaFhir.PlanDefinition(null!)).ParamName);
        Assert.Equal("engine", Assert.Throws<ArgumentNullException>(() => SciaticaFhir.CodeSystems(null!)).ParamName);
        Assert.Equal("engine", Assert.Throws<ArgumentNullException>(() => SciaticaFhir.ValueSets(null!)).ParamName);
        Assert.Equal("engine", Assert.Throws<ArgumentNullException>(() => SciaticaFhir.StandardCodeMap(null!)).ParamName);
        Assert.Equal("ruleSetVersion", Assert.Throws<ArgumentNullException>(() => SciaticaFhir.ArtifactVersion(null!)).ParamName);
        Assert.Equal("engine", Assert.Throws<ArgumentNullException>(() => SciaticaFhir.Apply(null!, decision, patient)).ParamName);
        Assert.Equal("decision", Assert.Throws<ArgumentNullException>(() => SciaticaFhir.Apply(engine, null!, patient)).ParamName);
        Assert.Equal("subject", Assert.Throws<ArgumentNullException>(() => SciaticaFhir.Apply(engine, decision, null!)).ParamName);
        Assert.Equal("profile", Assert.Throws<ArgumentNullException>(() => SciaticaFhir.IntakeResponse(null!)).ParamName);
        Assert.Equal("response", Assert.Throws<ArgumentNullException>(() => SciaticaFhir.ReadIntake(null!)).ParamName);
    }

    [Fact]
    public void Apply_DecisionOfAnotherRuleSet_Refused()
    {
        var other = HostileText.Catalog();
        var decision = other.Select(Samples.Profiles["herniated-disc-l5"]);
        Assert.NotEqual(ProgramSelector.Default.RuleSetVersion, decision.RuleSetVersion);

        var error = Assert.Throws<ArgumentException>(() => SciaticaFhir.Apply(ProgramSelector.Default, decision, new ResourceReference("Patient/example")));

        Assert.Equal("decision", error.ParamName);
        Assert.StartsWith($"The decision was made by rule set '{decision.RuleSetVersion}', not by this engine's '{ProgramSelector.Default.RuleSetVersion}'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_ExcludedExerciseTheCatalogDoesNotKnow_NamedByItsId()
    {
        var engine = ProgramSelector.Default;
        var decision = engine.Select(Samples.Profiles["herniated-disc-l5"]);
        var reasons = decision.Excluded[0].Reasons;
        var edited = decision with { Excluded = [.. decision.Excluded, new ExcludedExercise("retired-exercise", reasons)] };

        var plan = SciaticaFhir.Apply(engine, edited, new ResourceReference("Patient/example"));

        var left = Assert.Single(plan.Activity, a => a.Detail?.Code?.Coding[0].Code == "retired-exercise").Detail!;
        Assert.Equal("retired-exercise", left.Code!.Text);
        Assert.Contains("<p>Left out: retired-exercise (" + string.Join(", ", reasons.Select(r => r.RuleId)) + ").</p>", plan.Text?.Div, StringComparison.Ordinal);
    }
}
