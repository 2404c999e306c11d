using BenchmarkDotNet.Attributes;
using Sciatica.Rules;

namespace Sciatica.Rules.Benchmarks;

/// <summary><c>Review</c> of the contract's example session, and of a session that re-screens on a new red flag.</summary>
[MemoryDiagnoser]
public class ReviewBenchmarks
{
    private readonly SessionReviewer reviewer = new();

    private readonly SessionFeedback adjust = new()
    { NewNumbness = false, NewRedFlags = [], NewWeakness = false,
        NextMorning = NextMorningChange.Same,
        Exercises =
        [
            new ExerciseFeedback { Id = "knee-to-chest", PainDuring = 3, SymptomChange = SymptomChange.Centralized },
            new ExerciseFeedback { Id = "walking", PainDuring = 6, SymptomChange = SymptomChange.Unchanged },
        ],
    };

    [Benchmark(Baseline = true)]
    public SessionReview Adjust() => reviewer.Review(SelectBenchmarks.ProgramProfile, adjust);

    [Benchmark]
    public SessionReview NewRedFlag() => reviewer.Review(SelectBenchmarks.ProgramProfile, adjust with { NewRedFlags = [Sciatica.Rules.RedFlag.BladderDysfunction] });
}
