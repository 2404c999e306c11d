
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
    public required Timeframe? Timeframe
    {
        // Kept in one byte (0 for none), so that the record stays as small as before it gained WhatWouldChange.
        get => timeframe == 0 ? null : (Timeframe)(timeframe - 1);
        init => timeframe = value is { } t ? checked((byte)((int)t + 1)) : (byte)0;
    }

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

    /// <summary>
    /// Gets what would change the decision, when it was asked for (<see cref="SelectionOptions.WhatWouldChange"/>):
    /// for a refusal, the smallest changes a clinician can act on that give the least urgent decision any such change
    /// reaches; for a program, the smallest that bring back each excluded exercise. Ordered by target (the decision,
    /// then exercises by id), then fewest changes, then the patch's JSON text. Empty when nothing a clinician can act
    /// on changes it (a red flag, an absolute rule); <see langword="null"/> when it was not asked for.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SuggestedChange>? WhatWouldChange { get; init => field = value is null ? null : ValueList.Of(value); }

    private readonly byte timeframe;
}
