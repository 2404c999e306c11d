
namespace Sciatica.Rules;

/// <summary>What to do with one exercise next session, and why.</summary>
/// <param name="Id">The exercise id.</param>
/// <param name="Action">What to do.</param>
/// <param name="Dosage">The dose for next session; <see langword="null"/> when the exercise stops.</param>
/// <param name="Reasons">The response rules that decided the action.</param>
/// <param name="Alternative">
/// For a stopped exercise, the id of an easier exercise of the same kind to do instead, named only when the catalog
/// has one and the person's program includes it; otherwise <see langword="null"/>.
/// </param>
public sealed record ExerciseReview(string Id, ReviewAction Action, Dosage? Dosage, IReadOnlyList<DecisionReason> Reasons, string? Alternative = null)
{
    /// <summary>Gets the response rules that decided the action.</summary>
    public IReadOnlyList<DecisionReason> Reasons { get; init => field = ValueList.Of(value); } = ValueList.Of(Reasons);
}
