using System.Net;
using Hl7.Fhir.Model;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Fhir;

public static partial class SciaticaFhir
{
    /// <summary>The canonical base of this project's value sets (one per code system, holding all its codes).</summary>
    public const string ValueSetBase = CanonicalBase + "/ValueSet/";

    /// <summary>
    /// Every local code system, with a display and a definition for each code: causes, red flags, nerve roots, directional
    /// preferences, movement patterns, exercise kinds, decisions, rule categories, the catalog's exercises, the rule set's
    /// rules and the intake's own answers (the explicit "none of these" for red flags). Each is versioned with
    /// <see cref="ArtifactVersion"/> of the rule-set version.
    /// </summary>
    /// <param name="engine">The engine whose catalog and rules are coded.</param>
    /// <returns>The code systems, by name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> is null.</exception>
    public static IReadOnlyList<CodeSystem> CodeSystems(IProgramSelector engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var version = ArtifactVersion(engine.RuleSetVersion);
        return
        [
            CodeSystem(version, "affected-side", "Affected side", "Where the leg symptoms are.", Terminology.Of(Terminology.Sides)),
            CodeSystem(version, "cause", "Causes of sciatica", "What causes the person's sciatica, as a clinician found it; the contraindications of every cause apply.", Terminology.Of(Terminology.Causes)),
            CodeSystem(version, "decision", "Decisions", "What the engine decides for an intake, most urgent first; the most urgent applicable decision wins.", Terminology.Of(Terminology.Decisions)),
            CodeSystem(version, "directional-preference", "Directional preferences", "A direction of repeated movement that a clinician found eases or centralises the symptoms.", Terminology.Of(Terminology.Preferences)),
            CodeSystem(version, "exercise", "Exercises", "The exercises of the catalog.", [.. engine.Catalog.Exercises.Select(e => new Concept(e.Id, e.Name, e.Rationale))]),
            CodeSystem(version, "exercise-kind", "Exercise kinds", "What an exercise is for.", Terminology.Of(Terminology.Kinds)),
            CodeSystem(version, "intake-answer", "Intake answers", "Answers of the intake that are not clinical codes.", [Terminology.NoneOfThese]),
            CodeSystem(version, "movement-pattern", "Movement patterns", "What the spine, hip and nerve do in an exercise as written; contraindications name them.", Terminology.Of(Terminology.Movements)),
            CodeSystem(version, "nerve-root", "Nerve roots", "The lumbar and sacral nerve roots a clinician found affected.", Terminology.Of(Terminology.Roots)),
            CodeSystem(version, "red-flag", "Red flags", "Warning signs of serious spinal pathology; each one is asked, and any one gives a screening decision.", Terminology.Of(Terminology.RedFlags)),
            CodeSystem(version, "rule", "Rules", "The rules of the rule set, each with its rationale.", [.. engine.RuleSet.Rules.Select(r => new Concept(r.Id, RuleDisplay(r.Id), r.Rationale))]),
            CodeSystem(version, "rule-category", "Rule categories", "What kind of rule a rule is.", Terminology.Of(Terminology.Categories)),
        ];
    }

    /// <summary>One value set per local code system, holding every code of that system (at the same version).</summary>
    /// <param name="engine">The engine whose catalog and rules are coded.</param>
    /// <returns>The value sets, in the order of <see cref="CodeSystems"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> is null.</exception>
    public static IReadOnlyList<ValueSet> ValueSets(IProgramSelector engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return [.. CodeSystems(engine).Select(system => Published(new ValueSet
        {
            Title = system.Title,
            Description = "Every code of " + system.Url + ".",
            Compose = new ValueSet.ComposeComponent { Include = [new ValueSet.ConceptSetComponent { System = system.Url, Version = system.Version }] },
            Text = Narrative(system.Title, "Every code of the code system " + system.Url + "|" + system.Version + "."),
        }, system.Id!, ValueSetBase + system.Id, system.Version!, system.Name!))];
    }

    /// <summary>The canonical URL of the map from this project's codes to well-known codes (<see cref="StandardCodeMap"/>).</summary>
    public const string StandardCodeMapUrl = CanonicalBase + "/ConceptMap/local-to-snomed-ct";

    /// <summary>
    /// The well-known codes beside the local ones, as a concept map from the local code systems (<see cref="CodeSystems"/>)
    /// to SNOMED CT: each target with its display and how it relates (<c>equivalent</c>, or <c>narrower</c> when the
    /// SNOMED CT concept covers only part of the local code), and in <c>comment</c> the public source that gives that code
    /// with that display. Only codes a public source confirms are mapped (docs/fhir.md lists them and the candidates left
    /// out); a local code without a confirmed well-known code is simply absent.
    /// </summary>
    /// <param name="engine">The engine, for the version of the local code systems.</param>
    /// <returns>The concept map, versioned with <see cref="ArtifactVersion"/> of the rule-set version.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> is null.</exception>
    public static ConceptMap StandardCodeMap(IProgramSelector engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var version = ArtifactVersion(engine.RuleSetVersion);
        var systems = CodeSystems(engine).ToDictionary(s => s.Id!, StringComparer.Ordinal);
        var map = Published(new ConceptMap
        {
            Title = "Sciatica.Rules codes to SNOMED CT",
            Description = "Well-known SNOMED CT codes beside this project's local codes, each confirmed by the public source named in its comment. Local codes without a confirmed code are not mapped.",
            Copyright = "Includes SNOMED CT codes; SNOMED CT is the property of SNOMED International. Using SNOMED CT needs a licence from SNOMED International or a member country.",
        }, "local-to-snomed-ct", StandardCodeMapUrl, version, "LocalToSnomedCt");
        foreach (var local in StandardCodes.Map.GroupBy(c => (c.LocalSystem, c.System)))
        {
            var system = systems[local.Key.LocalSystem];
            map.Group.Add(new ConceptMap.GroupComponent
            {
                Source = system.Url,
                SourceVersion = system.Version,
                Target = local.Key.System,
                Element = [.. local.Select(c => new ConceptMap.SourceElementComponent
                {
                    Code = c.LocalCode,
                    Display = system.Concept.Single(concept => concept.Code == c.LocalCode).Display,
                    Target = [new ConceptMap.TargetElementComponent { Code = c.Code, Display = c.Display, Equivalence = c.Equivalence, Comment = "Source: " + c.Source + "." }],
                })],
            });
        }

        map.Text = Narrative(map.Title, [map.Description, .. StandardCodes.Map.Select(c => c.LocalSystem + "#" + c.LocalCode + " -> SNOMED CT " + c.Code + " '" + c.Display + "' (" + c.Equivalence.ToString().ToLowerInvariant() + "). Source: " + c.Source + ".")]);
        return map;
    }

    /// <summary>What the knowledge artifacts are about, for a repository's search: the focus SNOMED CT Sciatica (disorder).</summary>
    private static UsageContext SciaticaFocus() => new()
    {
        Code = new Coding("http://terminology.hl7.org/CodeSystem/usage-context-type", "focus", "Clinical Focus"),
        Value = new CodeableConcept { Coding = [(Coding)StandardCodes.Sciatica.DeepCopy()], Text = "Sciatica" },
    };

    private static CodeSystem CodeSystem(string version, string id, string title, string description, IReadOnlyList<Concept> concepts)
    {
        var system = Published(new CodeSystem
        {
            Title = title,
            Description = description,
            CaseSensitive = true,
            ValueSet = ValueSetBase + id + "|" + version,
            Content = CodeSystemContentMode.Complete,
            Count = concepts.Count,
            Concept = [.. concepts.Select(c => new CodeSystem.ConceptDefinitionComponent { Code = c.Code, Display = c.Display, Definition = c.Definition.Length > 0 ? c.Definition : null })],
        }, id, CodeSystemBase + id, version, Name(id));
        system.Text = Narrative(title, [description, .. concepts.Select(c => c.Code + ": " + c.Display + (c.Definition.Length > 0 ? ". " + c.Definition : string.Empty))]);
        return system;
    }

    /// <summary>A coding of one of this project's code systems, with its display.</summary>
    private static CodeableConcept Concept(string system, Concept concept) => new(CodeSystemBase + system, concept.Code, concept.Display);

    private static CodeableConcept RuleConcept(string ruleId) => new(CodeSystemBase + "rule", ruleId, RuleDisplay(ruleId));

    /// <summary>A rule's display: its id in words (<c>disc-avoid-extension</c> becomes <c>Disc avoid extension</c>).</summary>
    internal static string RuleDisplay(string ruleId)
    {
        var words = ruleId.Replace('-', ' ');
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>
    /// Human-readable narrative: a heading and one paragraph per line, HTML-encoded after control, bidirectional and other
    /// invisible characters are removed (XHTML cannot hold most controls, and a bidi override would reorder what is read).
    /// </summary>
    internal static Narrative Narrative(string? title, params IEnumerable<string?> lines) => new()
    {
        Status = Hl7.Fhir.Model.Narrative.NarrativeStatus.Generated,
        Div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">"
            + (title is null ? string.Empty : "<h3>" + WebUtility.HtmlEncode(DisplayText.WithoutInvisible(title)) + "</h3>")
            + string.Concat(lines.OfType<string>().Where(l => l.Length > 0).Select(l => "<p>" + WebUtility.HtmlEncode(DisplayText.WithoutInvisible(l, keepLineBreaks: true)).Replace("\n", "<br/>", StringComparison.Ordinal) + "</p>"))
            + "</div>",
    };
}
