using System.Globalization;
using System.Text.Json;
using Hl7.Fhir.Model;
using FhirDosage = Hl7.Fhir.Model.Dosage;
using Hl7.Fhir.Serialization;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Fhir;

/// <summary>
/// HL7 FHIR R4 for the engine: the rule set as a <see cref="PlanDefinition"/> with one <see cref="ActivityDefinition"/>
/// per catalog exercise, a decision as the result of <c>PlanDefinition/$apply</c> (a <see cref="CarePlan"/>), and the
/// intake as a <see cref="Questionnaire"/> (see <see cref="IntakeQuestionnaire"/>). Everything produced is deterministic:
/// the same rule set and decision give the same resources, byte for byte, with no clock and no random ids.
/// </summary>
public static partial class SciaticaFhir
{
    /// <summary>The canonical base of this project's FHIR artifacts.</summary>
    public const string CanonicalBase = "http://sciatica-rules.org/fhir";

    /// <summary>The canonical URL of the exercise-program plan definition (its version is the rule-set version).</summary>
    public const string PlanDefinitionUrl = CanonicalBase + "/PlanDefinition/sciatica-exercise-program";

    /// <summary>The code system of the project's codes (causes, red flags, nerve roots, directional preferences, decisions).</summary>
    public const string CodeSystemBase = CanonicalBase + "/CodeSystem/";

    private static readonly JsonSerializerOptions Pretty = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector).Pretty();

    /// <summary>Writes a resource as indented FHIR JSON.</summary>
    /// <param name="resource">The resource.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="resource"/> is null.</exception>
    public static string ToJson(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return JsonSerializer.Serialize(resource, resource.GetType(), Pretty);
    }

    /// <summary>The canonical URL of an exercise's activity definition.</summary>
    /// <param name="exerciseId">The exercise id.</param>
    /// <returns>The URL.</returns>
    public static string ActivityDefinitionUrl(string exerciseId) => CanonicalBase + "/ActivityDefinition/" + exerciseId;

    /// <summary>One activity definition per catalog exercise: what it is, its starting dose as a <see cref="Dosage"/>, its steps and its source.</summary>
    /// <param name="engine">The engine whose catalog is described.</param>
    /// <returns>The activity definitions, in catalog (id) order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> is null.</exception>
    public static IReadOnlyList<ActivityDefinition> ActivityDefinitions(IProgramSelector engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var version = ArtifactVersion(engine.RuleSetVersion);
        return [.. engine.Catalog.Exercises.Select(exercise =>
        {
            var dose = Dose(exercise.Dosage);
            var activity = new ActivityDefinition
            {
                Id = exercise.Id,
                Url = ActivityDefinitionUrl(exercise.Id),
                Version = version,
                Name = Name(exercise.Id),
                Title = exercise.Name,
                Status = PublicationStatus.Active,
                Experimental = false,
                Description = FhirMarkdown(exercise.Rationale),
                Kind = ActivityDefinition.RequestResourceType.ServiceRequest,
                Intent = RequestIntent.Proposal,
                Code = new CodeableConcept(CodeSystemBase + "exercise", exercise.Id, exercise.Name),
                Topic = [Concept("exercise-kind", Terminology.Of(exercise.Kind, Terminology.Kinds))],
                Dosage = [dose],
                Usage = Steps(exercise.Instructions),
                RelatedArtifact = [Citation(Source(exercise.Source, engine))],
            };
            activity.Text = Narrative(exercise.Name, exercise.Rationale, "Dose: " + dose.Text + ".", activity.Usage);
            return activity;
        })];
    }

    /// <summary>
    /// The knowledge as a knowledge repository would load it, in one collection bundle: the plan definition, its activity
    /// definitions, the intake questionnaire its conditions read, every local code system with its value set, and the map
    /// from local codes to SNOMED CT (<see cref="StandardCodeMap"/>).
    /// </summary>
    /// <param name="engine">The engine.</param>
    /// <returns>The bundle.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> is null.</exception>
    public static Bundle KnowledgeBundle(IProgramSelector engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var bundle = new Bundle { Id = "sciatica-knowledge", Type = Bundle.BundleType.Collection };
        void Add(Resource resource) => bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = CanonicalBase + "/" + resource.TypeName + "/" + resource.Id, Resource = resource });
        Add(PlanDefinition(engine));
        foreach (var activity in ActivityDefinitions(engine))
        {
            Add(activity);
        }

        Add(IntakeQuestionnaire());
        foreach (var system in CodeSystems(engine))
        {
            Add(system);
        }

        foreach (var set in ValueSets(engine))
        {
            Add(set);
        }

        Add(StandardCodeMap(engine));
        return bundle;
    }

    /// <summary>A dose as FHIR: the text a person reads, and the timing (times a day, minutes per session).</summary>
    internal static FhirDosage Dose(Sciatica.Rules.Dosage dose)
    {
        var repeat = new Timing.RepeatComponent { Frequency = dose.TimesPerDay ?? 1, Period = 1, PeriodUnit = Timing.UnitsOfTime.D };
        if (dose.Minutes is { } minutes)
        {
            repeat.Duration = minutes;
            repeat.DurationUnit = Timing.UnitsOfTime.Min;
        }

        return new FhirDosage { Text = DoseText(dose), Timing = new Timing { Repeat = repeat } };
    }

    internal static string DoseText(Sciatica.Rules.Dosage dose)
    {
        var parts = new List<string>();
        if (dose.HoldSeconds is { } hold)
        {
            parts.Add(Invariant($"hold {hold} seconds"));
        }

        if (dose.Repetitions is { } repetitions)
        {
            parts.Add(Count(repetitions, "repetition"));
        }

        if (dose.Sets is { } sets)
        {
            parts.Add(Count(sets, "set"));
        }

        if (dose.Minutes is { } minutes)
        {
            parts.Add(Count(minutes, "minute"));
        }

        parts.Add((dose.TimesPerDay ?? 1) switch
        {
            1 => "once a day",
            2 => "twice a day",
            var times => Invariant($"{times} times a day"),
        });
        return string.Join(", ", parts);
    }

    private static string Count(int count, string noun) => count == 1 ? "1 " + noun : Invariant($"{count} {noun}s");

    internal static string Steps(IReadOnlyList<string> instructions) =>
        string.Join("\n", instructions.Select((step, i) => Invariant($"{i + 1}. {step}")));

    internal static RelatedArtifact Citation(ClinicalSource source) => new()
    {
        Type = RelatedArtifact.RelatedArtifactType.Citation,
        Label = source.Id,
        Display = source.Supports,
        Citation = FhirMarkdown(source.Citation),
    };

    /// <summary>
    /// Catalog text in a FHIR <c>markdown</c> field (descriptions, citations, notes): escaped by the packages' one markdown
    /// escaper, so that it reads as the same words and can start no link, image or HTML; never cut.
    /// </summary>
    internal static string FhirMarkdown(string text) => MarkdownText.Escape(text, int.MaxValue);

    internal static ClinicalSource Source(string id, IProgramSelector engine) =>
        Sources(engine).FirstOrDefault(s => s.Id == id) ?? new ClinicalSource(id, id, id);

    private static IEnumerable<ClinicalSource> Sources(IProgramSelector engine) =>
        ClinicalSources.BuiltIn.Concat(engine.RuleSet.DeclaredSources).DistinctBy(s => s.Id).OrderBy(s => s.Id, StringComparer.Ordinal);

    /// <summary>The contract's name of an enum value (camel case), used as its FHIR code.</summary>
    internal static string Code<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>
    /// Names one of this package's conformance resources (questionnaire, code system, value set, concept map: id,
    /// canonical URL, version, computer name) and marks it as every artifact of the package is: active, not experimental.
    /// </summary>
    private static T Published<T>(T artifact, string id, string url, string version, string name)
        where T : Resource, IVersionableConformanceResource
    {
        artifact.Id = id;
        artifact.Url = url;
        artifact.Version = version;
        artifact.Name = name;
        artifact.Status = PublicationStatus.Active;
        artifact.Experimental = false;
        return artifact;
    }

    /// <summary>A computer-friendly name from an id: <c>knee-to-chest</c> becomes <c>KneeToChest</c>.</summary>
    private static string Name(string id) =>
        string.Concat(id.Split('-', '_', '.').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
