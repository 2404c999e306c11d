namespace Sciatica.Rules;

/// <summary>
/// A clinician's documented decision to lift one <em>relative</em> exclusion rule for one exercise,
/// for example to allow prone press-ups for a person with a disc cause whose assessment supports it.
/// </summary>
/// <remarks>
/// An override never lifts an absolute contraindication or a screening decision; the engine shows
/// every override it applied, and every override it refused, in the decision's reasons.
/// </remarks>
public sealed record ClinicianOverride
{
    /// <summary>Gets the id of the exercise the override is for.</summary>
    public required string ExerciseId { get; init; }

    /// <summary>Gets the id of the relative rule that is lifted for that exercise.</summary>
    public required string RuleId { get; init; }

    /// <summary>Gets the clinician's recorded reason; shown in the decision.</summary>
    public required string Reason { get; init; }
}
