
namespace Sciatica.Rules;

/// <summary>A catalog exercise left out of the program, with every rule that left it out.</summary>
/// <param name="Id">The exercise id.</param>
/// <param name="Reasons">The rules that exclude it; at least one. In a program they are in rule id order; under a screening decision they are the screening reasons, most urgent first.</param>
public sealed record ExcludedExercise(string Id, IReadOnlyList<DecisionReason> Reasons)
{
    /// <summary>Gets the rules that exclude the exercise; at least one.</summary>
    public IReadOnlyList<DecisionReason> Reasons { get; init => field = ValueList.Of(value); } = ValueList.Of(Reasons);
}
