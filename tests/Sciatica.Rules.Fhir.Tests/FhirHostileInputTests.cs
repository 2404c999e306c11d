using System.Text.RegularExpressions;
using Hl7.Fhir.Model;

namespace Sciatica.Rules.Fhir.Tests;

/// <summary>The FHIR side under hostile input: bounded reports from the intake reader.</summary>
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

    [GeneratedRegex("q{20,}")]
    private static partial Regex Run();
}
