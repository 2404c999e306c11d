
namespace Sciatica.Rules;

/// <summary>An exercise included in a program, with its dose, steps and why it helps.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record PrescribedExercise
{
    /// <summary>Gets the exercise id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the name shown to the person.</summary>
    public required string Name { get; init; }

    /// <summary>Gets what the exercise is for.</summary>
    public required ExerciseKind Kind { get; init; }

    /// <summary>Gets the movements the exercise performs.</summary>
    public required IReadOnlyList<MovementPattern> Movements { get; init => field = ValueList.Of(value); }

    /// <summary>Gets the dose: stretches hold 30 seconds by default [SEED, STRETCH].</summary>
    public required Dosage Dosage { get; init; }

    /// <summary>Gets the steps in plain language.</summary>
    public required IReadOnlyList<string> Instructions { get; init => field = ValueList.Of(value); }

    /// <summary>Gets why the exercise is included.</summary>
    public required string Rationale { get; init; }

    /// <summary>Gets the clinical source id of the exercise.</summary>
    public required string Source { get; init; }

    /// <summary>Creates the prescription of a catalog exercise at its starting dose.</summary>
    internal static PrescribedExercise From(Exercise exercise)
    {
        return new()
        {
            Id = exercise.Id,
            Name = exercise.Name,
            Kind = exercise.Kind,
            Movements = exercise.Movements,
            Dosage = exercise.Dosage,
            Instructions = exercise.Instructions,
            Rationale = exercise.Rationale,
            Source = exercise.Source,
        };
    }
}
