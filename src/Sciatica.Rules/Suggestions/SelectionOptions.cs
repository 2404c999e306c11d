namespace Sciatica.Rules;

/// <summary>
/// What a decision should carry beyond the decision itself. The default asks for nothing more, so a plain decision
/// costs exactly what <see cref="IProgramSelector.Select(PatientProfile)"/> costs.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record SelectionOptions
{
    /// <summary>Gets the options that ask for nothing more than the decision.</summary>
    public static SelectionOptions None { get; } = new();

    /// <summary>Gets the options that ask for the decision with what would change it.</summary>
    public static SelectionOptions WithWhatWouldChange { get; } = new() { WhatWouldChange = true };

    /// <summary>
    /// Gets whether the decision lists what would change it (<see cref="ProgramDecision.WhatWouldChange"/>): for a
    /// refusal, the smallest changes a clinician can act on that give a less urgent decision; for a program, the
    /// smallest that bring back each excluded exercise. See docs/what-would-change-it.md.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool WhatWouldChange { get; init; }
}
