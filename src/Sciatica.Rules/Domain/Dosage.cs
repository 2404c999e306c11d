namespace Sciatica.Rules;

/// <summary>
/// How much of an exercise to do. A field that does not apply to the exercise is <see langword="null"/>;
/// every field that is set is a positive whole number.
/// </summary>
/// <remarks>Immutable and thread-safe. A stretch is held 30 seconds by default [SEED, STRETCH].</remarks>
public sealed record Dosage
{
    /// <summary>Gets how long each repetition is held, in seconds; set for stretches only.</summary>
    /// <value>The default value is <see langword="null"/> (not a held exercise).</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public int? HoldSeconds { get; init => field = Positive(value); }

    /// <summary>Gets the number of repetitions in a set.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public int? Repetitions { get; init => field = Positive(value); }

    /// <summary>Gets the number of sets.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public int? Sets { get; init => field = Positive(value); }

    /// <summary>Gets the duration in minutes; set for aerobic work.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public int? Minutes { get; init => field = Positive(value); }

    /// <summary>Gets how many times a day the exercise is done.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public int? TimesPerDay { get; init => field = Positive(value); }

    /// <summary>Gets whether every field that is set here lies between the same fields of two bounds.</summary>
    /// <param name="minimum">The lowest allowed dose.</param>
    /// <param name="maximum">The highest allowed dose.</param>
    /// <returns><see langword="true"/> when every set field lies within both bounds and each bound sets the same fields.</returns>
    public bool IsWithin(Dosage minimum, Dosage maximum)
    {
        ArgumentNullException.ThrowIfNull(minimum);
        ArgumentNullException.ThrowIfNull(maximum);
        return Within(HoldSeconds, minimum.HoldSeconds, maximum.HoldSeconds)
            && Within(Repetitions, minimum.Repetitions, maximum.Repetitions)
            && Within(Sets, minimum.Sets, maximum.Sets)
            && Within(Minutes, minimum.Minutes, maximum.Minutes)
            && Within(TimesPerDay, minimum.TimesPerDay, maximum.TimesPerDay);
    }

    /// <summary>Gets whether no field of this dose is larger than the same field of another.</summary>
    /// <param name="other">The dose to compare with.</param>
    /// <returns><see langword="true"/> when this dose is at most <paramref name="other"/> in every field.</returns>
    public bool IsAtMost(Dosage other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return AtMost(HoldSeconds, other.HoldSeconds)
            && AtMost(Repetitions, other.Repetitions)
            && AtMost(Sets, other.Sets)
            && AtMost(Minutes, other.Minutes)
            && AtMost(TimesPerDay, other.TimesPerDay);
    }

    /// <summary>
    /// The dose for a message, as the contract writes it: every member in order, <c>null</c> where it is not set, for
    /// example <c>{"holdSeconds":null,"repetitions":10,"sets":2,"minutes":null,"timesPerDay":null}</c> (a test holds it
    /// equal to the serializer's text).
    /// </summary>
    internal string Describe() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{{\"holdSeconds\":{Text(HoldSeconds)},\"repetitions\":{Text(Repetitions)},\"sets\":{Text(Sets)},\"minutes\":{Text(Minutes)},\"timesPerDay\":{Text(TimesPerDay)}}}");

    private static string Text(int? value) => value is { } v ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : "null";

    private static bool Within(int? value, int? minimum, int? maximum) =>
        value is null ? minimum is null && maximum is null : value >= minimum && value <= maximum;

    private static bool AtMost(int? value, int? other) => value is null || other is null || value <= other;

    private static int? Positive(int? value, [System.Runtime.CompilerServices.CallerMemberName] string name = "")
    {
        if (value is <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "A dose must be a positive whole number or null.");
        }

        return value;
    }
}
