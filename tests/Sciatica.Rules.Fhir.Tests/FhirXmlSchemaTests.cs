using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Sciatica.Rules.Fhir.Tests;

/// <summary>
/// Every resource the package writes, in its XML form, against HL7's own FHIR R4 (4.0.1) W3C XML schema
/// (<c>fhir-single.xsd</c> with <c>fhir-xhtml.xsd</c> and <c>xml.xsd</c>). The schema is read from the
/// <c>specification.zip</c> of the restored <c>Hl7.Fhir.Specification.Data.R4</c> package (copied beside the tests at
/// build time), so it runs in CI with nothing but the package restore. It checks what a JSON schema would: element
/// names, order and cardinality, data types, required-binding code lists (request status, intent, priority, ...), and
/// the narrative's XHTML.
/// </summary>
public sealed class FhirXmlSchemaTests
{
    private static readonly Lazy<XmlSchemaSet> Schema = new(Load);

    public static TheoryData<string> SampleProfiles => [.. Samples.Profiles.Keys];

    [Fact]
    public void KnowledgeBundle_PassesTheR4XmlSchema() => AssertValid(SciaticaFhir.KnowledgeBundle(ProgramSelector.Default).ToXml());

    [Theory]
    [MemberData(nameof(SampleProfiles))]
    public void CarePlan_ForEachSampleProfile_PassesTheR4XmlSchema(string sample) =>
        AssertValid(CarePlan(sample).ToXml());

    [Theory]
    [MemberData(nameof(SampleProfiles))]
    public void IntakeResponse_ForEachSampleProfile_PassesTheR4XmlSchema(string sample) =>
        AssertValid(Samples.Response(Samples.Profiles[sample]).ToXml());

    [Theory]
    [InlineData("unknown element")]
    [InlineData("status outside its code list")]
    [InlineData("elements out of order")]
    [InlineData("narrative that is not XHTML")]
    public void BrokenCarePlan_FailsTheR4XmlSchema(string breakage)
    {
        // A real care plan, broken one way: the schema must say so (it is live, not a stub that accepts anything).
        var document = XDocument.Parse(CarePlan("herniated-disc-l5").ToXml());
        XNamespace fhir = "http://hl7.org/fhir";
        var root = document.Root!;
        switch (breakage)
        {
            case "unknown element":
                root.Element(fhir + "intent")!.AddAfterSelf(new XElement(fhir + "colour", new XAttribute("value", "blue")));
                break;
            case "status outside its code list":
                root.Element(fhir + "status")!.SetAttributeValue("value", "maybe");
                break;
            case "elements out of order":
                var status = root.Element(fhir + "status")!;
                status.Remove();
                root.Element(fhir + "subject")!.AddAfterSelf(status);
                break;
            default:
                XNamespace xhtml = "http://www.w3.org/1999/xhtml";
                root.Element(fhir + "text")!.Element(xhtml + "div")!.ReplaceWith(new XElement(xhtml + "p", "A paragraph where the narrative's div must be."));
                break;
        }

        Assert.NotEmpty(Errors(document.ToString()));
    }

    private static CarePlan CarePlan(string sample) =>
        SciaticaFhir.Apply(ProgramSelector.Default, ProgramSelector.Default.Select(Samples.Profiles[sample]), new ResourceReference("Patient/example"));

    private static void AssertValid(string xml)
    {
        var errors = Errors(xml);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
    }

    private static List<string> Errors(string xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schema.Value };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} {e.Exception?.LineNumber}:{e.Exception?.LinePosition} {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    /// <summary>The R4 schema from the restored specification package, its imports resolved inside the same zip.</summary>
    private static XmlSchemaSet Load()
    {
        var zipPath = Path.Combine(AppContext.BaseDirectory, "specification.zip");
        Assert.True(File.Exists(zipPath), "specification.zip (package Hl7.Fhir.Specification.Data.R4) is not beside the tests: " + zipPath);
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using (var zip = ZipFile.OpenRead(zipPath))
        {
            foreach (var name in new[] { "fhir-single.xsd", "fhir-xhtml.xsd", "xml.xsd" })
            {
                using var stream = zip.GetEntry(name)!.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                entries[name] = copy.ToArray();
            }
        }

        var set = new XmlSchemaSet { XmlResolver = new ZipEntryResolver(entries) };
        var errors = new List<string>();
        set.ValidationEventHandler += (_, e) => errors.Add(e.Message);
        using (var reader = XmlReader.Create(new MemoryStream(entries["fhir-single.xsd"]), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null }, "zip:///fhir-single.xsd"))
        {
            set.Add(null, reader);
        }

        set.Compile();
        Assert.True(errors.Count == 0, "The R4 schema did not compile: " + string.Join("\n", errors));
        Assert.Contains(set.GlobalElements.Names.Cast<XmlQualifiedName>(), n => n.Namespace == "http://hl7.org/fhir" && n.Name == "CarePlan");
        return set;
    }

    /// <summary>Resolves the schema's imports (<c>fhir-xhtml.xsd</c>, <c>xml.xsd</c>) to entries of the same zip; nothing is fetched.</summary>
    private sealed class ZipEntryResolver(Dictionary<string, byte[]> entries) : XmlResolver
    {
        public override object GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            var name = absoluteUri.Segments[^1];
            return entries.TryGetValue(name, out var bytes)
                ? new MemoryStream(bytes)
                : throw new XmlException("The R4 schema imports '" + absoluteUri + "', which is not in specification.zip.");
        }
    }
}
