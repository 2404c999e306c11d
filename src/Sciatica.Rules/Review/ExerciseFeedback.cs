namespace Sciatica.Rules;

/// <summary>How one exercise of the program went.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ExerciseFeedback
{
    /// <summary>Gets the id of an exercise of the program selected for the profile.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the pain during the exercise, 0-10.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 0..10.</exception>
    public required int PainDuring
    {
        get;
        init => field = value is < 0 or > 10 ? throw new ArgumentOutOfRangeException(nameof(PainDuring), value, "Allowed values are 0..10.") : value;
    }

    /// <summary>Gets how the leg symptoms moved.</summary>
    public required SymptomChange SymptomChange { get; init; }

    /// <summary>
    /// Gets the dose the person did, or <see langword="null"/> for the program's starting dose. A host
    /// passes the dose of the previous review here, so that the program adapts over sessions.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Dosage? Dosage { get; init; }
}
