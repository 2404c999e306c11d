using FsCheck.Fluent;
using Sciatica.Rules;
using Sciatica.Rules.Tests.Properties;

namespace Sciatica.Rules.Tests.Selection;

public sealed class ConcurrencyTests
{
    [Fact]
    public void Select_FromManyThreadsOnOneEngine_EqualsSequentialResults()
    {
        var profiles = Arbitraries.ProfileFor(ProgramSelector.Default).Sample(2000, 20).ToArray();
        var sequentialEngine = new ProgramSelector();
        var expected = profiles.Select(p => SciaticaJson.WriteDecision(sequentialEngine.Select(p))).ToArray();

        var shared = new ProgramSelector();
        var actual = new string[profiles.Length];
        Parallel.For(0, profiles.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var index = i % profiles.Length;
            var json = SciaticaJson.WriteDecision(shared.Select(profiles[index]));
            // Each profile is decided four times, by whichever threads get there; every answer must agree.
            var previous = Interlocked.CompareExchange(ref actual[index], json, null);
            Assert.True(previous is null || previous == json, $"profile {index} got two different answers");
        });

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Review_FromManyThreads_EqualsSequentialResults()
    {
        var scenarios = Arbitraries.ReviewScenario().Generator.Sample(500, 20).Where(r => r.Selector == ProgramSelector.Default).ToArray();
        var reviewer = new Sciatica.Rules.SessionReviewer();
        var expected = scenarios.Select(r => SciaticaJson.WriteReview(reviewer.Review(r.Profile, r.Feedback))).ToArray();

        var actual = new string[scenarios.Length];
        Parallel.For(0, scenarios.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            actual[i] = SciaticaJson.WriteReview(reviewer.Review(scenarios[i].Profile, scenarios[i].Feedback)));

        Assert.Equal(expected, actual);
    }
}
