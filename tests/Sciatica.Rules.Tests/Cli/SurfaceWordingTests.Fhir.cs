using Hl7.Fhir.Model;
using Sciatica.Rules;
using Sciatica.Rules.Fhir;
using Xunit;
using Say = Sciatica.Rules.Wording;

namespace Sciatica.Rules.Tests.Cli;

/// <summary>
/// The FHIR surface: every decision kind applied as a FHIR care plan says, in its titles, descriptions and narratives,
/// the clinician's action and "how soon" of <see cref="Say"/>, tells the person the same in plain words in the patient
/// instruction, carries the matching request priority, and names no other decision's action or timeframe.
/// </summary>
public sealed partial class SurfaceWordingTests
{
    public static TheoryData<string> DecisionScenarios() => [.. Decisions.Keys];

    [Theory]
    [MemberData(nameof(DecisionScenarios))]
    public void EveryDecision_Fhir_SaysTheSameActionAndHowSoon(string scenario)
    {
        var decision = ProgramSelector.Default.Select(Decisions[scenario]);
        var plan = SciaticaFhir.Apply(ProgramSelector.Default, decision, new ResourceReference("Patient/example"));
        var group = plan.Contained.OfType<RequestGroup>().Single();
        var headline = Say.Headline(decision.Decision, Audience.Clinician);
        var explanation = Say.Explanation(decision.Decision, decision.Timeframe, Audience.Clinician);

        // What a clinician reads: the titles, descriptions and every narrative.
        var clinician = string.Join("\n", new[] { plan.Title, plan.Description, Narrative(plan) }
            .Concat(plan.Contained.Select(r => Narrative((DomainResource)r)))
            .Concat(group.Action.Where(a => a.Resource?.Reference == "#referral").SelectMany(a => new[] { a.Title, a.Description })));
        // What the person reads: the referral's patient instruction (a program's exercises carry only doses and steps).
        var person = string.Join("\n", plan.Contained.OfType<ServiceRequest>().Select(r => r.PatientInstruction));
        var everything = clinician + "\n" + person;

        Assert.Equal(headline, plan.Title);
        Assert.Equal(explanation, plan.Description);
        Assert.Contains(headline, Narrative(plan), StringComparison.Ordinal);
        Assert.Contains(explanation, Narrative(plan), StringComparison.Ordinal);
        Assert.Contains(headline, Narrative(group), StringComparison.Ordinal);
        Assert.Equal(Priority(decision.Timeframe), group.Priority);
        if (decision.Timeframe is { } soon)
        {
            Assert.Contains("How soon: " + Say.HowSoon(soon, Audience.Clinician) + ".", Narrative(plan), StringComparison.Ordinal);
            Assert.Contains(Say.HowSoon(soon, Audience.Clinician), explanation, StringComparison.OrdinalIgnoreCase);
            var action = Assert.Single(group.Action);
            Assert.Equal((headline, explanation, Priority(soon)), (action.Title, action.Description, action.Priority));
            Assert.StartsWith(Say.Headline(decision.Decision, Audience.Person) + " " + Say.Explanation(decision.Decision, soon, Audience.Person), person, StringComparison.Ordinal);
        }

        // No other timeframe, in either audience's words ("now" is left out: the emergency signs rightly say "now").
        foreach (var other in Enum.GetValues<Timeframe>().Where(t => t != decision.Timeframe && t != Timeframe.Now))
        {
            foreach (var audience in Enum.GetValues<Audience>())
            {
                Assert.DoesNotContain(Say.HowSoon(other, audience), everything, StringComparison.OrdinalIgnoreCase);
            }
        }

        // No other decision's action headline.
        foreach (var kind in Enum.GetValues<DecisionKind>().Where(k => k != DecisionKind.Unspecified && k != decision.Decision))
        {
            Assert.DoesNotContain(Say.Headline(kind, Audience.Clinician), everything, StringComparison.Ordinal);
            Assert.DoesNotContain(Say.Headline(kind, Audience.Person), everything, StringComparison.Ordinal);
        }
    }

    /// <summary>A resource's narrative as a reader sees it; a resource without one fails the test.</summary>
    private static string Narrative(DomainResource resource) =>
        Visible(resource.Text?.Div ?? throw new Xunit.Sdk.XunitException(resource.TypeName + " has no narrative."));

    /// <summary>How soon as a FHIR request priority, as docs/fhir.md says: stat now, urgent within 24 hours, asap within days, else routine.</summary>
    private static RequestPriority Priority(Timeframe? timeframe) => timeframe switch
    {
        Timeframe.Now => RequestPriority.Stat,
        Timeframe.Within24Hours => RequestPriority.Urgent,
        Timeframe.WithinDays => RequestPriority.Asap,
        _ => RequestPriority.Routine,
    };
}
