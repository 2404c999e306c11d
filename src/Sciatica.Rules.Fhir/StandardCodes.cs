using Hl7.Fhir.Model;

namespace Sciatica.Rules.Fhir;

/// <summary>
/// A well-known code beside one of this project's local codes: the local code system and code, the standard code with
/// its display, how the two relate, and the public source that gives that code with that display. Only codes a public
/// source confirms are listed (docs/fhir.md, table "Well-known codes"); none is guessed.
/// </summary>
internal sealed record StandardCode(string LocalSystem, string LocalCode, string System, string Code, string Display, ConceptMapEquivalence Equivalence, string Source);

/// <summary>The well-known codes of the package (SNOMED CT and LOINC), each with the source that confirms it.</summary>
internal static class StandardCodes
{
    public const string Snomed = "http://snomed.info/sct";

    public const string Loinc = "http://loinc.org";

    /// <summary>SNOMED CT Sciatica (disorder): what the whole knowledge artifact is about (its use context).</summary>
    public static readonly Coding Sciatica = new(Snomed, "23056005", "Sciatica (disorder)");

    /// <summary>The source of <see cref="Sciatica"/>, <c>spinalStenosis</c> and the lumbar radiculopathy code.</summary>
    public const string ChronicPainValueSet =
        "CQF, Clinical Decision Support for Chronic Pain Management and Shared Decision-Making IG (cds4cpm): ValueSet "
        + "'Conditions associated with chronic pain', http://fhir.org/guides/cqf/cds4cpm/ValueSet/2.16.840.1.113762.1.4.1021.95 (expansion)";

    private const string SubstanceAbuseValueSet =
        "CQF cds4cpm IG: ValueSet 'Substance Abuse Conditions' (publisher CDC), http://fhir.org/guides/cqf/cds4cpm/ValueSet/substance-abuse";

    private const string ImagingIndicationValueSet =
        "eHealth Platform (Belgium): ValueSet 'eReferral/PSS Diagnostic Imaging Indication', "
        + "https://www.ehealth.fgov.be/standards/fhir/terminology/ValueSet/be-vs-diagnostic-imaging-indication";

    private const string FhirFeverExample =
        "HL7 FHIR specification, example Condition f201 (fever), condition-example-f201-fever: SNOMED CT 386661006 = 'Fever (finding)'";

    /// <summary>
    /// The map from local codes to SNOMED CT, in local system then code order. The equivalence reads as FHIR R4 says:
    /// <c>narrower</c> means the SNOMED CT concept is narrower than the local code (the local red flag "new bladder
    /// dysfunction" also covers hesitancy and incontinence, not only retention), and <c>wider</c> that it is wider (sciatica,
    /// however it was diagnosed, for the local "sciatica diagnosed on examination").
    /// </summary>
    public static readonly IReadOnlyList<StandardCode> Map =
    [
        new("cause", "clinicalRadiculopathy", Snomed, "23056005", "Sciatica (disorder)", ConceptMapEquivalence.Wider, ChronicPainValueSet),
        new("cause", "spinalStenosis", Snomed, "76107001", "Spinal stenosis (disorder)", ConceptMapEquivalence.Equivalent, ChronicPainValueSet),
        new("red-flag", "bladderDysfunction", Snomed, "267064002", "Retention of urine (disorder)", ConceptMapEquivalence.Narrower, ImagingIndicationValueSet),
        new("red-flag", "bowelDysfunction", Snomed, "72042002", "Incontinence of feces (finding)", ConceptMapEquivalence.Narrower, ImagingIndicationValueSet),
        new("red-flag", "fever", Snomed, "386661006", "Fever (finding)", ConceptMapEquivalence.Narrower, FhirFeverExample),
        new("red-flag", "ivDrugUse", Snomed, "228388006", "Intravenous drug user (finding)", ConceptMapEquivalence.Equivalent, SubstanceAbuseValueSet),
    ];
}
