namespace Sciatica.Rules.Catalogs;

/// <summary>
/// The numbers the rules use, which sources set differently and a host may tighten: age limits for
/// serious-pathology risk, the earliest week after surgery, and pain ceilings.
/// </summary>
/// <remarks>Immutable and thread-safe. A <see cref="RuleSet"/> validates its thresholds.</remarks>
public sealed record RuleThresholds
{
    /// <summary>Gets the thresholds of the default rule set.</summary>
    public static RuleThresholds Default { get; } = new();

    /// <summary>
    /// Gets the age below which serious pathology is more likely [AHCPR: under 20]. With an injury, an
    /// age outside the limits raises the suspicion of fracture.
    /// </summary>
    /// <value>The default value is 20.</value>
    public int SeriousPathologyMinimumAge { get; init; } = 20;

    /// <summary>
    /// Gets the age above which serious pathology is more likely [AHCPR: over 50; other UK pathways use 55].
    /// An injury in a person older than this sends them to be assessed first.
    /// </summary>
    /// <value>The default value is 50.</value>
    public int SeriousPathologyMaximumAge { get; init; } = 50;

    /// <summary>Gets the earliest whole week after spine surgery at which a program may start [POSTOP: 4-6 weeks].</summary>
    /// <value>The default value is 4.</value>
    public int MinimumWeeksAfterSpineSurgery { get; init; } = 4;

    /// <summary>
    /// Gets the leg or back pain (0-10) from which pain counts as severe: at or above it the person seeks medical
    /// advice so that symptoms are controlled before exercise can be tolerated [SEED; NRS: 7-10 is severe]. A
    /// host may lower it (down to 1), never raise it above 7.
    /// </summary>
    /// <value>The default value is 7.</value>
    public int SeverePainFrom { get; init; } = 7;

    /// <summary>Gets the highest pain during an exercise (0-10) that is acceptable [PMM: 5/10]; above it the exercise regresses.</summary>
    /// <value>The default value is 5.</value>
    public int MaximumPainDuringExercise { get; init; } = 5;

    /// <summary>Gets the highest pain during an exercise (0-10) at which it may progress.</summary>
    /// <value>The default value is 3.</value>
    public int MaximumPainForProgression { get; init; } = 3;
}
