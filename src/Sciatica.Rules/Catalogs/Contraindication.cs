
namespace Sciatica.Rules.Catalogs;

/// <summary>
/// A rule that excludes every exercise performing one of <see cref="Movements"/>, or done in one of
/// <see cref="Positions"/>, for a person to whom the rule applies: one who has any of <see cref="Causes"/>
/// (or any cause, when the list is empty), the <see cref="WhenDirectionalPreference"/> when one is given,
/// spine surgery when <see cref="AfterSpineSurgery"/> is set, leg pain of at least
/// <see cref="MinimumLegPain"/> and pregnancy of at least <see cref="MinimumPregnancyWeeks"/> when those are
/// set. Every condition that is set must hold. The contraindications of all of a person's causes apply.
/// </summary>
/// <remarks>Immutable and thread-safe. A <see cref="RuleSet"/> validates its contraindications.</remarks>
public sealed record Contraindication
{
    /// <summary>Gets the stable rule id (for example <c>disc-avoid-extension</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Gets the causes the rule applies to; empty means it applies whatever the cause.</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<Cause> Causes { get; init => field = ValueList.Of(value); } = ValueList.Empty<Cause>();

    /// <summary>Gets the directional preference the rule is limited to, or <see langword="null"/> for any.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public DirectionalPreference? WhenDirectionalPreference { get; init; }

    /// <summary>Gets whether the rule applies only after spine surgery.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool AfterSpineSurgery { get; init; }

    /// <summary>Gets the leg pain (0-10) from which the rule applies, or <see langword="null"/> for any pain.</summary>
    /// <value>The default value is <see langword="null"/>. The default rule set uses 4 (moderate [NRS]) to keep neural tensioners away from an irritable nerve [NEURO].</value>
    public int? MinimumLegPain { get; init; }

    /// <summary>Gets the week of pregnancy from which the rule applies, or <see langword="null"/> when the rule is not about pregnancy.</summary>
    /// <value>The default value is <see langword="null"/>. The default rule set uses 12 for lying face down and 20 for lying on the back [ACOG].</value>
    public int? MinimumPregnancyWeeks { get; init; }

    /// <summary>Gets the movement patterns to avoid; may be empty when <see cref="Positions"/> is not.</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<MovementPattern> Movements { get; init => field = ValueList.Of(value); } = ValueList.Empty<MovementPattern>();

    /// <summary>Gets the starting positions to avoid, whatever the movement (for example lying on the back late in pregnancy).</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<BodyPosition> Positions { get; init => field = ValueList.Of(value); } = ValueList.Empty<BodyPosition>();

    /// <summary>
    /// Gets whether the rule is declared to guard custom catalogs only: it excludes no exercise of the default
    /// catalog (which has no such movement) but stays so that a host's exercises are checked too.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool GuardsCustomCatalogsOnly { get; init; }

    /// <summary>Gets whether a clinician may lift the rule.</summary>
    public required ContraindicationStrength Strength { get; init; }

    /// <summary>
    /// Gets the directional preference that lifts this (relative) rule, or <see langword="null"/> when none
    /// does; for example an extension preference lifts the disc rule against back bends [DP, TBC].
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public DirectionalPreference? LiftedByDirectionalPreference { get; init; }

    /// <summary>Gets the rationale shown to users when the rule excludes an exercise.</summary>
    public required string Rationale { get; init; }

    /// <summary>Gets the clinical source id (see <see cref="ClinicalSources"/>).</summary>
    public required string Source { get; init; }

    /// <summary>Compiles whether the rule applies to a person (before any lifting by directional preference) to a test of the person's <see cref="Facts"/>.</summary>
    internal Condition CompileCondition()
    {
        var causes = Facts.None;
        for (var i = 0; i < Causes.Count; i++)
        {
            causes = causes.With(Facts.Cause(Causes[i]));
        }

        var condition = new Condition(Facts.None, causes);
        if (WhenDirectionalPreference is { } preference)
        {
            condition = condition.And(Facts.Prefers(preference));
        }

        if (AfterSpineSurgery)
        {
            condition = condition.And(Facts.SpineSurgeryRecorded);
        }

        if (MinimumLegPain is { } pain)
        {
            condition = condition.And(Facts.LegPainOfAtLeast(pain));
        }

        if (MinimumPregnancyWeeks is { } weeks)
        {
            condition = condition.And(Facts.PregnancyOfAtLeast(weeks));
        }

        return condition;
    }

    /// <summary>Gets whether the rule touches an exercise: it performs an avoided movement or starts in an avoided position.</summary>
    internal bool Touches(Exercise exercise)
    {
        // Indexed loops over the lists, not LINQ over the enums: engines are built at start-up (docs/benchmarks.md, cold start).
        for (var i = 0; i < Movements.Count; i++)
        {
            if (exercise.Moves(Movements[i]))
            {
                return true;
            }
        }

        for (var i = 0; i < Positions.Count; i++)
        {
            if (Positions[i] == exercise.Position)
            {
                return true;
            }
        }

        return false;
    }

}
