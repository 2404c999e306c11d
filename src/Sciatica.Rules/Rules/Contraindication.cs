using Sciatica.Rules.Domain;

namespace Sciatica.Rules.Rules;

/// <summary>
/// A rule that excludes every exercise performing one of <see cref="Movements"/> for a person to whom
/// the rule applies: one who has any of <see cref="Causes"/> (or any cause, when the list is empty),
/// the <see cref="WhenDirectionalPreference"/> when one is given, and spine surgery when
/// <see cref="AfterSpineSurgery"/> is set. The contraindications of all of a person's causes apply.
/// </summary>
/// <remarks>Immutable and thread-safe. A <see cref="RuleSet"/> validates its contraindications.</remarks>
public sealed record Contraindication
{
    /// <summary>Gets the stable rule id (for example <c>disc-avoid-extension</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Gets the causes the rule applies to; empty means it applies whatever the cause.</summary>
    /// <value>The default value is empty.</value>
    public EquatableArray<Cause> Causes { get; init; }

    /// <summary>Gets the directional preference the rule is limited to, or <see langword="null"/> for any.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public DirectionalPreference? WhenDirectionalPreference { get; init; }

    /// <summary>Gets whether the rule applies only after spine surgery.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool AfterSpineSurgery { get; init; }

    /// <summary>Gets the movement patterns to avoid.</summary>
    public required EquatableArray<MovementPattern> Movements { get; init; }

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

    /// <summary>Gets whether the rule applies to a person (before any lifting by directional preference).</summary>
    /// <param name="profile">The person.</param>
    /// <returns><see langword="true"/> when the person meets every condition of the rule.</returns>
    public bool AppliesTo(PatientProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return (Causes.IsEmpty || SharesCause(profile))
            && (WhenDirectionalPreference is null || WhenDirectionalPreference == profile.DirectionalPreference)
            && (!AfterSpineSurgery || profile.WeeksSinceSpineSurgery is not null);
    }

    private bool SharesCause(PatientProfile profile)
    {
        foreach (var cause in Causes)
        {
            if (profile.Causes.Contains(cause))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Gets whether the person's directional preference lifts this rule.</summary>
    /// <param name="profile">The person.</param>
    /// <returns><see langword="true"/> when the rule is relative and lifted by the person's preference.</returns>
    public bool IsLiftedFor(PatientProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return Strength == ContraindicationStrength.Relative
            && LiftedByDirectionalPreference is not null
            && LiftedByDirectionalPreference == profile.DirectionalPreference;
    }
}
