
namespace Sciatica.Rules;

/// <summary>
/// The engine's answer for one person: the kind of decision, the rules behind it, the exercises
/// included (with dose) and excluded (with reasons), the safety advice and the rule-set version.
/// </summary>
/// <remarks>
/// Immutable and thread-safe, with value equality. Every catalog exercise appears exactly once, in
/// <see cref="Exercises"/> or in <see cref="Excluded"/>; any decision other than
/// <see cref="DecisionKind.Program"/> has no exercises and at least one reason.
/// </remarks>
public sealed record ProgramDecision
{
    /// <summary>Gets the kind of decision.</summary>
    public required DecisionKind Decision { get; init; }

    /// <summary>
    /// Gets how soon to act: <see cref="Timeframe.Now"/> for an emergency, within 24 hours for an urgent
    /// referral (and for treat-the-cause-first when fever suggests a spinal infection), within days to treat the
    /// cause first, before exercising to seek medical advice; <see langword="null"/> for a program.
    /// </summary>
    public required Timeframe? Timeframe { get; init; }

    /// <summary>Gets the rules that shaped the decision, most decisive first.</summary>
    public required IReadOnlyList<DecisionReason> Reasons { get; init => field = ValueList.Of(value); }

    /// <summary>Gets the exercises of the program, by kind then id; empty unless the decision is a program.</summary>
    public required IReadOnlyList<PrescribedExercise> Exercises { get; init => field = ValueList.Of(value); }

    /// <summary>Gets the exercises left out, by id, each with its reasons.</summary>
    public required IReadOnlyList<ExcludedExercise> Excluded { get; init => field = ValueList.Of(value); }

    /// <summary>Gets when to stop and seek help, and how to exercise safely.</summary>
    public required IReadOnlyList<string> SafetyAdvice { get; init => field = ValueList.Of(value); }

    /// <summary>Gets the version of the rule set and catalog content that made the decision.</summary>
    public required string RuleSetVersion { get; init; }
}
