
namespace Sciatica.Rules;

/// <summary>A catalog exercise left out of the program, with every rule that left it out.</summary>
/// <param name="Id">The exercise id.</param>
/// <param name="Reasons">The rules that exclude it; at least one. In a program they are in rule id order; under a screening decision they are the screening reasons, most urgent first.</param>
public sealed record ExcludedExercise(string Id, EquatableArray<DecisionReason> Reasons);
