using System.Text.Json;
using Json.Schema;

namespace Sciatica.Rules.Fhir.Tests;

/// <summary>
/// The knowledge bundle and a care plan against the HL7 FHIR R4 JSON schema (fhir.schema.json, published with the R4
/// specification). The schema is HL7's, not ours, and no package the build restores ships it (the Firely specification
/// package has the R4 XML schemas, which <see cref="FhirXmlSchemaTests"/> checks in every build), so it is not kept in
/// this repository: give its path in <c>SCIATICA_FHIR_SCHEMA</c> (docs/fhir.md); without it the test is skipped and says why.
/// </summary>
public sealed class FhirJsonSchemaTests
{
    [SkippableTheory]
    [InlineData("knowledge bundle")]
    [InlineData("care plan")]
    [InlineData("broken care plan")]
    public void Resource_PassesTheR4JsonSchema(string what)
    {
        var path = Environment.GetEnvironmentVariable("SCIATICA_FHIR_SCHEMA");
        Skip.If(string.IsNullOrEmpty(path) || !File.Exists(path), "SCIATICA_FHIR_SCHEMA does not name the HL7 R4 fhir.schema.json; it is not part of this repository.");
        var schema = JsonSchema.FromText(File.ReadAllText(path!));
        var json = what switch
        {
            "knowledge bundle" => SciaticaFhir.ToJson(SciaticaFhir.KnowledgeBundle(ProgramSelector.Default)),
            // The schema is live: a status that is a number and an unknown element must fail.
            "broken care plan" => """{"resourceType":"CarePlan","status":42,"intent":"proposal","subject":{"reference":"Patient/1"},"colour":"blue"}""",
            _ => SciaticaFhir.ToJson(SciaticaFhir.Apply(ProgramSelector.Default, ProgramSelector.Default.Select(Samples.Profiles["herniated-disc-l5"]), new Hl7.Fhir.Model.ResourceReference("Patient/example"))),
        };

        using var document = JsonDocument.Parse(json);
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        if (what.StartsWith("broken", StringComparison.Ordinal))
        {
            Assert.False(result.IsValid);
            return;
        }

        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Take(20).Select(d => d.InstanceLocation + ": " + string.Join("; ", d.Errors!.Values))));
    }
}
