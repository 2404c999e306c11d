using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Sciatica.Rules.Fhir.Tests;

/// <summary>The FHIR side under hostile input: bounded reports from the intake reader; catalog text escaped in markdown fields and narratives.</summary>
public sealed partial class FhirHostileInputTests
{
    private static readonly string Long = new('q', 2001);

    [Fact]
    public void ReadIntake_LongCodesLinkIdsAndCanonical_EchoedAtMost80CharactersWithAnEllipsis()
    {
        var response = Samples.Response(Samples.Profiles["herniated-disc-l5"]);
        response.Questionnaire = "http://example.org/" + Long;
        response.Item.Single(i => i.LinkId == "causes").Answer.Add(new QuestionnaireResponse.AnswerComponent { Value = new Coding(SciaticaFhir.CodeSystemBase + "cause", Long) });
        response.Item.Single(i => i.LinkId == "redFlags").Answer[0].Value = new Coding(SciaticaFhir.CodeSystemBase + Long, "none");
        response.Item.Add(new QuestionnaireResponse.ItemComponent { LinkId = Long, Answer = [new QuestionnaireResponse.AnswerComponent { Value = new FhirString(Long) }] });
        response.Item.Add(new QuestionnaireResponse.ItemComponent
        {
            LinkId = "clinicianOverride",
            Item = [new() { LinkId = "exerciseId", Answer = [new() { Value = new FhirString(Long) }] }, new() { LinkId = Long + "a" }, new() { LinkId = Long + "b" }],
        });

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaFhir.ReadIntake(response));

        Assert.True(error.Problems.Count >= 5, string.Join("\n", error.Problems));
        var quoted = error.Problems.SelectMany(p => new[] { p.Path, p.Message }).SelectMany(t => Run().Matches(t)).ToList();
        Assert.True(quoted.Count >= 5, "the long values are quoted: " + string.Join("\n", error.Problems));
        Assert.All(quoted, m => Assert.True(m.Length <= 77, $"an echo of {m.Length} characters"));
        Assert.All(error.Problems, p => Assert.DoesNotContain(Long[..78], p.Message, StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Message.Contains(new string('q', 30) + "...", StringComparison.Ordinal));
    }

    [Fact]
    public void KnowledgeAndCarePlan_HostileCatalogText_MarkdownFieldsEscaped_NarrativesClean_JsonEscaped()
    {
        var engine = HostileText.Catalog();
        var decision = engine.Select(Samples.Profiles["herniated-disc-l5"]);
        Assert.Equal(DecisionKind.Program, decision.Decision);
        Assert.NotEmpty(decision.Excluded);
        Resource[] resources = [SciaticaFhir.KnowledgeBundle(engine), SciaticaFhir.Apply(engine, decision, new ResourceReference("Patient/example"))];

        var markdown = resources.SelectMany(Descendants).OfType<Hl7.Fhir.Model.Markdown>().Select(m => m.Value).OfType<string>().ToList();
        Assert.Contains(markdown, m => m.Contains("citation", StringComparison.Ordinal));
        Assert.Contains(markdown, m => m.Contains("rationale", StringComparison.Ordinal));
        var pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();
        Assert.All(markdown, text =>
        {
            var document = Markdig.Markdown.Parse(text, pipeline);
            // The value sets name their own code system by its canonical URL, which a renderer may link; nothing else links.
            var links = document.Descendants<LinkInline>().Select(l => l.Url).Concat(document.Descendants<AutolinkInline>().Select(l => l.Url));
            Assert.All(links, url => Assert.StartsWith(SciaticaFhir.CanonicalBase + "/", url, StringComparison.Ordinal));
            Assert.Empty(document.Descendants<HtmlInline>());
            Assert.Empty(document.Descendants<HtmlBlock>());
            Assert.DoesNotContain(text, HostileText.IsCommand);
        });

        var narratives = resources.SelectMany(Descendants).OfType<Narrative>().Select(n => n.Div).OfType<string>().ToList();
        Assert.Contains(narratives, n => n.Contains("rationale", StringComparison.Ordinal));
        Assert.All(narratives, div =>
        {
            Assert.DoesNotContain("<script", div, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img", div, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(div, HostileText.IsCommand);
        });

        // JSON is data: its controls are escaped (\u001B), never raw; a bidi mark in a plain string field stays data, as in the catalog.
        Assert.All(resources, r => Assert.DoesNotContain(SciaticaFhir.ToJson(r), c => HostileText.IsCommand(c) && !HostileText.IsBidi(c)));
    }

    [Theory]
    [InlineData("1.0 <script>")]
    [InlineData("1.0|2")]
    [InlineData("1.0 beta")]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("1.0\u202E")]
    public void CatalogVersion_MarkupSpacesOrBar_RefusedNamingTheField(string version)
    {
        var json = Sciatica.Rules.Catalogs.CatalogLoader.Write(ProgramSelector.Default.Catalog, ProgramSelector.Default.RuleSet)
            .Replace("\"version\": \"" + ProgramSelector.Default.RuleSet.Version + "\"", "\"version\": " + System.Text.Json.JsonSerializer.Serialize(version), StringComparison.Ordinal);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));

        var error = Assert.Throws<SciaticaValidationException>(() => Sciatica.Rules.Catalogs.CatalogLoader.Load(stream));

        Assert.Equal("$.version", Assert.Single(error.Problems).Path);
    }

    private static IEnumerable<Base> Descendants(Base element) =>
        element.EnumerateElements().SelectMany(e => e.Value switch { Base one => [one], IEnumerable<Base> many => many, _ => [] }).SelectMany(Descendants).Prepend(element);

    [GeneratedRegex("q{20,}")]
    private static partial Regex Run();
}
