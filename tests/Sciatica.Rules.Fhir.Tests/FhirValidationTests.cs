using System.Text.Json;
using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace Sciatica.Rules.Fhir.Tests;

/// <summary>One validator over the FHIR R4 core definitions (the validator is not thread-safe: one instance, one class).</summary>
public sealed class FhirValidatorFixture
{
    public FhirValidatorFixture()
    {
        var resolver = new CachedResolver(ZipSource.CreateValidationSource());
        Validator = new Validator(resolver, new LocalTerminologyService(resolver));
    }

    public Validator Validator { get; }
}

/// <summary>Every resource the package produces passes the Firely validator with the core definitions, and reads back the same.</summary>
public sealed class FhirValidationTests(FhirValidatorFixture fixture) : IClassFixture<FhirValidatorFixture>
{
    private static readonly JsonSerializerOptions Fhir = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    public static TheoryData<string> SampleProfiles => [.. Samples.Profiles.Keys];

    [Fact]
    public void Validator_IsLive_RejectsABrokenCarePlan()
    {
        // No status, no intent, no subject, and an activity with both a reference and a detail (cpl-3): the validator must say so.
        var broken = new CarePlan { Activity = [new CarePlan.ActivityComponent { Reference = new ResourceReference("#missing"), Detail = new CarePlan.DetailComponent() }] };

        var outcome = fixture.Validator.Validate(broken);

        Assert.True(outcome.Issue.Count(i => i.Severity == OperationOutcome.IssueSeverity.Error) >= 3, string.Join("\n", outcome.Issue.Select(i => i.Details?.Text ?? i.Diagnostics)));
    }

    [Fact]
    public void PlanDefinition_ValidAndRoundTrips() => AssertValid(SciaticaFhir.PlanDefinition(ProgramSelector.Default));

    [Fact]
    public void ActivityDefinitions_OnePerExerciseEachValid()
    {
        var activities = SciaticaFhir.ActivityDefinitions(ProgramSelector.Default);

        Assert.Equal(ProgramSelector.Default.Catalog.Exercises.Select(e => e.Id), activities.Select(a => a.Id));
        Assert.All(activities, AssertValid);
    }

    [Fact]
    public void KnowledgeBundle_Valid() => AssertValid(SciaticaFhir.KnowledgeBundle(ProgramSelector.Default));

    [Fact]
    public void IntakeQuestionnaire_Valid() => AssertValid(SciaticaFhir.IntakeQuestionnaire());

    [Fact]
    public void StandardCodeMap_Valid() => AssertValid(SciaticaFhir.StandardCodeMap(ProgramSelector.Default));

    [Theory]
    [MemberData(nameof(SampleProfiles))]
    public void CarePlan_ForEachSampleProfile_Valid(string sample)
    {
        var decision = ProgramSelector.Default.Select(Samples.Profiles[sample]);

        AssertValid(SciaticaFhir.Apply(ProgramSelector.Default, decision, new ResourceReference("Patient/example")));
    }

    [Theory]
    [MemberData(nameof(SampleProfiles))]
    public void IntakeResponse_ForEachSampleProfile_Valid(string sample) =>
        AssertValid(Samples.Response(Samples.Profiles[sample] with { ClinicianOverrides = [] }));

    private void AssertValid(Resource resource)
    {
        var outcome = fixture.Validator.Validate(resource);
        var errors = outcome.Issue.Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal).Select(i => $"{i.Severity} {string.Join(",", i.Expression ?? [])}: {i.Details?.Text ?? i.Diagnostics}").ToList();
        Assert.True(errors.Count == 0, resource.TypeName + ":\n" + string.Join("\n", errors));

        var json = SciaticaFhir.ToJson(resource);
        var parsed = (Resource)JsonSerializer.Deserialize(json, resource.GetType(), Fhir)!;
        Assert.Equal(json, SciaticaFhir.ToJson(parsed));
    }
}
