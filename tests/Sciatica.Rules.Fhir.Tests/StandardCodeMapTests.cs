using System.Text.RegularExpressions;
using Hl7.Fhir.Model;

namespace Sciatica.Rules.Fhir.Tests;

/// <summary>The well-known codes beside the local ones: the concept map, the use context, and the table in docs/fhir.md that cites them.</summary>
public sealed partial class StandardCodeMapTests
{
    private static readonly ConceptMap Map = SciaticaFhir.StandardCodeMap(ProgramSelector.Default);

    [Fact]
    public void StandardCodeMap_MatchesTheTableInDocs()
    {
        // Every mapped code is cited in the docs, and every cited code is mapped: code, display and equivalence alike.
        var docs = File.ReadAllText(Path.Combine(Repository.Root, "docs", "fhir.md"));
        var cited = MappedRow().Matches(docs)
            .Select(m => $"{m.Groups["system"].Value}#{m.Groups["local"].Value} -> {m.Groups["code"].Value} '{m.Groups["display"].Value}' {m.Groups["equivalence"].Value}")
            .Order(StringComparer.Ordinal);
        var mapped = Map.Group.SelectMany(g => g.Element.SelectMany(e => e.Target.Select(t =>
                $"{g.Source!.Split('/')[^1]}#{e.Code} -> {t.Code} '{t.Display}' {t.Equivalence.ToString()!.ToLowerInvariant()}")))
            .Order(StringComparer.Ordinal);

        Assert.Equal(cited, mapped);
    }

    [Fact]
    public void StandardCodeMap_EveryElementNamesItsLocalDisplayTargetDisplayAndSource()
    {
        var systems = SciaticaFhir.CodeSystems(ProgramSelector.Default).ToDictionary(s => s.Url!, StringComparer.Ordinal);

        Assert.NotEmpty(Map.Group);
        Assert.All(Map.Group, group =>
        {
            Assert.Equal("http://snomed.info/sct", group.Target);
            Assert.Equal(systems[group.Source!].Version, group.SourceVersion);
            Assert.All(group.Element, element =>
            {
                Assert.Equal(systems[group.Source!].Concept.Single(c => c.Code == element.Code).Display, element.Display);
                var target = Assert.Single(element.Target);
                Assert.Matches("^[1-9][0-9]{5,17}$", target.Code);
                Assert.Matches(@"\((disorder|finding)\)$", target.Display);
                Assert.StartsWith("Source: ", target.Comment, StringComparison.Ordinal);
                Assert.Contains(target.Equivalence, new ConceptMapEquivalence?[] { ConceptMapEquivalence.Equivalent, ConceptMapEquivalence.Narrower, ConceptMapEquivalence.Wider });
            });
        });
    }

    [Fact]
    public void KnowledgeBundle_HoldsTheMapAndBothArtifactsSayTheyAreAboutSciatica()
    {
        var bundle = SciaticaFhir.KnowledgeBundle(ProgramSelector.Default);

        Assert.Single(bundle.Entry, e => e.Resource is ConceptMap map && map.Url == SciaticaFhir.StandardCodeMapUrl);
        var docs = File.ReadAllText(Path.Combine(Repository.Root, "docs", "fhir.md"));
        foreach (var context in new[] { SciaticaFhir.PlanDefinition(ProgramSelector.Default).UseContext, SciaticaFhir.IntakeQuestionnaire().UseContext })
        {
            var focus = Assert.Single(context);
            Assert.Equal("focus", focus.Code.Code);
            var coding = Assert.Single(((CodeableConcept)focus.Value).Coding);
            Assert.Equal(("http://snomed.info/sct", "23056005", "Sciatica (disorder)"), (coding.System, coding.Code, coding.Display));
            Assert.Contains($"| SNOMED CT {coding.Code} | {coding.Display} |", docs, StringComparison.Ordinal);
        }
    }

    // | `red-flag#fever` | SNOMED CT 386661006 | Fever (finding) | narrower | source |
    [GeneratedRegex(@"^\| `(?<system>[a-z-]+)#(?<local>[A-Za-z]+)` \| SNOMED CT (?<code>[0-9]+) \| (?<display>[^|]+?) \| (?<equivalence>[a-z]+) \|", RegexOptions.Multiline)]
    private static partial Regex MappedRow();
}
