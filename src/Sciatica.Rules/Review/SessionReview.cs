
namespace Sciatica.Rules;

/// <summary>The answer to a session review: adjust the program, or a screening decision that replaces it.</summary>
/// <remarks>Immutable and thread-safe, with value equality. Any decision other than <see cref="ReviewDecision.Adjust"/> has no exercises.</remarks>
public sealed record SessionReview
{
    /// <summary>Gets the outcome.</summary>
    public required ReviewDecision Decision { get; init; }

    /// <summary>Gets how soon to act on a screening decision (as in <see cref="ProgramDecision.Timeframe"/>); <see langword="null"/> when the program goes on.</summary>
    public required Timeframe? Timeframe { get; init; }

    /// <summary>Gets each reviewed exercise with its action, in id order.</summary>
    public required IReadOnlyList<ExerciseReview> Exercises { get; init => field = ValueList.Of(value); }

    /// <summary>Gets the rules that decided the outcome.</summary>
    public required IReadOnlyList<DecisionReason> Reasons { get; init => field = ValueList.Of(value); }

    /// <summary>Gets when to stop and seek help.</summary>
    public required IReadOnlyList<string> SafetyAdvice { get; init => field = ValueList.Of(value); }

    /// <summary>Gets the version of the rule set and catalog content.</summary>
    public required string RuleSetVersion { get; init; }
}
