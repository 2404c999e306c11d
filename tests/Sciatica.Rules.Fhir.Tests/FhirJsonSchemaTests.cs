using System.IO.Compression;
using System.Text.Json;
using Json.Schema;

namespace Sciatica.Rules.Fhir.Tests;

/// <summary>
/// The knowledge bundle, the care plan of every sample profile and every sample intake response against the HL7 FHIR R4
/// JSON schema (<c>fhir.schema.json</c>, id <c>http://hl7.org/fhir/json-schema/4.0</c>), kept gzipped in
/// <c>Schema/</c> with its provenance (Schema/README.md). The schema is HL7's, used here as a test oracle only.
/// </summary>
public sealed class FhirJsonSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(Load);

    public static TheoryData<string> Resources()
    {
        var data = new TheoryData<string> { "knowledge bundle" };
        foreach (var name in Samples.Profiles.Keys.Order(StringComparer.Ordinal))
        {
            data.Add("care plan " + name);
            data.Add("intake " + name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public void Resource_PassesTheR4JsonSchema(string what)
    {
        var json = what switch
        {
            "knowledge bundle" => SciaticaFhir.ToJson(SciaticaFhir.KnowledgeBundle(ProgramSelector.Default)),
            _ when what.StartsWith("care plan ", StringComparison.Ordinal) => SciaticaFhir.ToJson(SciaticaFhir.Apply(
                ProgramSelector.Default,
                ProgramSelector.Default.Select(Samples.Profiles[what["care plan ".Length..]]),
                new Hl7.Fhir.Model.ResourceReference("Patient/example"))),
            _ => SciaticaFhir.ToJson(SciaticaFhir.IntakeResponse(Samples.Profiles[what["intake ".Length..]], new Hl7.Fhir.Model.ResourceReference("Patient/example"))),
        };

        var errors = Errors(json);

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    /// <summary>The schema is live: each of these breaks one thing the schema checks and must be refused.</summary>
    [Theory]
    [InlineData("""{"resourceType":"CarePlan","status":42,"intent":"proposal","subject":{"reference":"Patient/1"}}""")]
    [InlineData("""{"resourceType":"CarePlan","status":"active","intent":"proposal","subject":{"reference":"Patient/1"},"colour":"blue"}""")]
    [InlineData("""{"resourceType":"CarePlan","status":"active","intent":"proposal","subject":{"reference":"Patient/1"},"id":"an id with spaces"}""")]
    [InlineData("""{"resourceType":"CarePlan","status":"active","intent":"proposal"}""")]
    public void BrokenResource_IsRefused(string json) => Assert.NotEmpty(Errors(json));

    private static List<string> Errors(string json)
    {
        using var document = JsonDocument.Parse(json);
        var flag = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag });
        if (flag.IsValid)
        {
            return [];
        }

        var detail = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (detail.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Take(20).Select(d => d.InstanceLocation + ": " + string.Join("; ", d.Errors!.Values)).ToList();
        return errors.Count > 0 ? errors : ["invalid (no detail)"];
    }

    private static JsonSchema Load()
    {
        using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Schema", "fhir.schema.json.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return JsonSchema.FromText(reader.ReadToEnd());
    }
}
