namespace Sciatica.Rules;

/// <summary>
/// One answer to "what would change it?": a change to the profile that a clinician can act on, the target it
/// changes (the decision, or one excluded exercise), what it gives, and why, in a clinician's words.
/// </summary>
/// <remarks>
/// Immutable and thread-safe, with value equality. Applied to the profile (<see cref="ProfilePatch.ApplyTo"/>), the
/// patch gives exactly <see cref="Gives"/>; no strict subset of its changes gives it, and a pain change names the
/// highest pain that still gives it. A patch never touches a fact about the person (causes, red flags, age,
/// pregnancy, surgery, roots, episode length) and never lifts an absolute rule.
/// </remarks>
public sealed record SuggestedChange
{
    /// <summary>The <see cref="Target"/> of a change to the decision itself.</summary>
    public const string DecisionTarget = "decision";

    /// <summary>What a change to an excluded exercise gives: the exercise in the program.</summary>
    public const string Included = "included";

    /// <summary>Gets what the change is for: <c>decision</c> (a refusal), or the id of an excluded exercise (a program).</summary>
    public required string Target { get; init; }

    /// <summary>
    /// Gets what the change gives: for the decision, the decision kind as the contract names it (the least urgent a
    /// change reaches, <c>program</c> when one can); for an exercise, <c>included</c>.
    /// </summary>
    public required string Gives { get; init; }

    /// <summary>Gets the change, as a JSON Merge Patch (RFC 7396) of the profile.</summary>
    public required ProfilePatch Patch { get; init; }

    /// <summary>Gets the change in a clinician's words.</summary>
    public required string Explanation { get; init; }
}
