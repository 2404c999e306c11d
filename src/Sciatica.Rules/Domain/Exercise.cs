namespace Sciatica.Rules;

/// <summary>
/// One exercise of a catalog: what it is, the movements it performs (which contraindications match
/// against), its starting dose and the bounds within which a review may change that dose.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. A catalog checks the content of its exercises when it is built
/// (see <see cref="Catalogs.ExerciseCatalog"/>); an exercise on its own is only a value.
/// </remarks>
public sealed record Exercise
{
    /// <summary>Gets the stable id, in lower-case kebab form (for example <c>knee-to-chest</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Gets the name shown to the person.</summary>
    public required string Name { get; init; }

    /// <summary>Gets what the exercise is for.</summary>
    public required ExerciseKind Kind { get; init; }

    /// <summary>Gets the starting position.</summary>
    public required BodyPosition Position { get; init; }

    /// <summary>Gets the movements the exercise performs; contraindications are matched against these.</summary>
    public required IReadOnlyList<MovementPattern> Movements
    {
        get;
        init
        {
            field = ValueList.Of(value);
            MovementBits = 0;
            foreach (var movement in field)
            {
                MovementBits |= 1UL << ((int)movement & 63);
            }
        }
    }

    /// <summary>Gets the movements as bits (bit n = the movement with value n), for the engine's checks.</summary>
    internal ulong MovementBits { get; private set; }

    /// <summary>Gets whether the exercise performs a movement, without allocating.</summary>
    internal bool Moves(MovementPattern movement) => (MovementBits & (1UL << ((int)movement & 63))) != 0;

    /// <summary>Gets the starting dose.</summary>
    public required Dosage Dosage { get; init; }

    /// <summary>
    /// Gets the lowest dose a review may regress to: the lower bound of each axis (repetitions or minutes, times
    /// per day, sets, hold). An exercise stops only when it is at this dose on every axis.
    /// </summary>
    public required Dosage MinimumDosage { get; init; }

    /// <summary>Gets the highest dose a review may progress to.</summary>
    public required Dosage MaximumDosage { get; init; }

    /// <summary>
    /// Gets how the dose changes by one step of progression (added) or regression (subtracted), for
    /// example one more repetition or five more minutes of walking. Fields left null do not change.
    /// </summary>
    public required Dosage ProgressionStep { get; init; }

    /// <summary>
    /// Gets the id of an easier exercise of the same kind that a review names when this one has to stop, or
    /// <see langword="null"/> when the catalog has none. A review names it only when the person's program includes it.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Alternative { get; init; }

    /// <summary>Gets the steps, in plain language, in the order they are done.</summary>
    public required IReadOnlyList<string> Instructions { get; init => field = ValueList.Of(value); }

    /// <summary>Gets why the exercise helps, shown when it is included.</summary>
    public required string Rationale { get; init; }

    /// <summary>Gets the id of the clinical source behind the exercise (see <see cref="Catalogs.ClinicalSources"/>).</summary>
    public required string Source { get; init; }

    /// <summary>
    /// Gets whether only a clinician may add the exercise to a program, through a
    /// <see cref="ClinicianOverride"/> of the rule <c>clinician-enabled-only</c>.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool ClinicianEnabledOnly { get; init; }
}
