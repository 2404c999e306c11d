using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace Sciatica.Rules;

/// <summary>
/// What a person's intake records: causes, symptoms, red flags and the clinician's findings. The
/// engine decides from this alone.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Every list is kept sorted and free of duplicates, so two profiles that
/// list the same values in a different order are equal and give the same decision. Invalid values
/// throw as soon as they are set, so an invalid profile can never reach the engine.
/// </remarks>
public sealed record PatientProfile
{
    /// <summary>Gets the diagnosed causes; at least one. Use <see cref="Cause.Unknown"/> when none is diagnosed.</summary>
    /// <exception cref="ArgumentException">The list is empty or holds an undefined value.</exception>
    public required IReadOnlyList<Cause> Causes
    {
        get;
        init
        {
            field = Normalize(value, out var bits);
            CauseBits = bits;
            if (field.Count == 0)
            {
                throw new ArgumentException("At least one cause is required; use Cause.Unknown when the cause is not diagnosed.", nameof(Causes));
            }
        }
    }

    /// <summary>Gets the affected nerve roots.</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<NerveRoot> AffectedRoots { get; init => field = Normalize(value, out _); } = ValueList.Empty<NerveRoot>();

    /// <summary>
    /// Gets which leg the symptoms are in, or <see langword="null"/> when not recorded. Stable symptoms in both legs gate
    /// nothing; new or worsening symptoms in both legs are the <see cref="RedFlag.BilateralLegSymptoms"/> red flag [CES].
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not defined.</exception>
    public AffectedSide? AffectedSide
    {
        get;
        init => field = value is { } v && !ContractNames.IsDefined(v) ? throw new ArgumentOutOfRangeException(nameof(AffectedSide), v, "Unknown affected side.") : value;
    }

    /// <summary>Gets the usual leg pain over the last 24 hours on the 0-10 numeric rating scale (not the worst moment) [NRS].</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 0..10.</exception>
    public required int LegPain { get; init => field = InRange(value, 0, 10); }

    /// <summary>Gets the usual back pain over the last 24 hours on the 0-10 numeric rating scale (not the worst moment) [NRS].</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 0..10.</exception>
    public required int BackPain { get; init => field = InRange(value, 0, 10); }

    /// <summary>
    /// Gets the red flags found. Required: intake asks about each one, and an empty list means "asked, none present";
    /// red flags that were never asked about are not an answer.
    /// </summary>
    public required IReadOnlyList<RedFlag> RedFlags
    {
        get;
        init
        {
            field = Normalize(value, out var bits);
            RedFlagBits = bits;
        }
    }

    /// <summary>Gets whether a clinician has cleared the person to exercise [SEED].</summary>
    public required bool MedicalClearance { get; init; }

    /// <summary>
    /// Gets whether symptoms are controlled enough to tolerate exercise [SEED]. Required: a question that was never asked
    /// is not a yes.
    /// </summary>
    public required bool SymptomsTolerateExercise { get; init; }

    /// <summary>Gets whether walking on land is too painful [SEED].</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool LandWalkingPainful { get; init; }

    /// <summary>Gets whether the person can use a pool for water walking [SEED, AQUA].</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool PoolAccess { get; init; }

    /// <summary>Gets the age in years, or <see langword="null"/> when not recorded.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 16..120.</exception>
    public int? Age { get; init => field = value is null ? null : InRange(value.Value, 16, 120); }

    /// <summary>Gets the whole weeks since spine surgery, or <see langword="null"/> when there was none [POSTOP].</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int? WeeksSinceSpineSurgery { get; init => field = value is null ? null : InRange(value.Value, 0, int.MaxValue); }

    /// <summary>
    /// Gets how long this episode of sciatica has lasted, in whole weeks, or <see langword="null"/> when not
    /// recorded. Sciatica lasting 6 weeks or more that is not improving is reviewed by a clinician [JENSEN].
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 0..520.</exception>
    public int? SymptomWeeks { get; init => field = value is null ? null : InRange(value.Value, 0, 520); }

    /// <summary>
    /// Gets the weeks of pregnancy, or <see langword="null"/> when the person is not pregnant [ACOG]. From 12
    /// weeks exercises lying face down are left out, from 20 weeks exercises lying on the back.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 0..42.</exception>
    public int? PregnancyWeeks { get; init => field = value is null ? null : InRange(value.Value, 0, 42); }

    /// <summary>Gets the clinician-assessed directional preference, or <see langword="null"/> when none was found [DP].</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not defined.</exception>
    public DirectionalPreference? DirectionalPreference
    {
        get;
        init => field = value is { } v && !ContractNames.IsDefined(v) ? throw new ArgumentOutOfRangeException(nameof(DirectionalPreference), v, "Unknown directional preference.") : value;
    }

    /// <summary>Gets the clinician's overrides of relative exclusion rules, kept sorted by exercise id then rule id.</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<ClinicianOverride> ClinicianOverrides
    {
        get;
        init => field = new EquatableArray<ClinicianOverride>([.. (value ?? throw new ArgumentNullException(nameof(ClinicianOverrides), "A list must not be null; use an empty list."))
            .OrderBy(o => o.ExerciseId, StringComparer.Ordinal)
            .ThenBy(o => o.RuleId, StringComparer.Ordinal)
            .ThenBy(o => o.Reason, StringComparer.Ordinal)]);
    }

    = ValueList.Empty<ClinicianOverride>();

    /// <summary>Gets the causes as bits (bit n = the cause with value n), for the engine's checks.</summary>
    internal ulong CauseBits { get; private init; }

    /// <summary>Gets the red flags as bits (bit n = the red flag with value n), for the engine's checks.</summary>
    internal ulong RedFlagBits { get; private init; }

    /// <summary>Gets whether the person has a cause, without allocating.</summary>
    internal bool Has(Cause cause) => (CauseBits & (1UL << (int)cause)) != 0;

    /// <summary>Gets whether the person has a red flag, without allocating.</summary>
    internal bool Has(RedFlag flag) => (RedFlagBits & (1UL << (int)flag)) != 0;

    private static EquatableArray<T> Normalize<T>(IReadOnlyList<T> values, out ulong bits, [CallerMemberName] string name = "")
        where T : struct, Enum
    {
        // Every enum here has fewer than 64 values numbered from 0, so a bitmask both removes repeats and sorts.
        var mask = 0UL;
        if (values is null)
        {
            throw new ArgumentNullException(name, "A list must not be null; use an empty list.");
        }

        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            if (!ContractNames.IsDefined(value))
            {
                throw new ArgumentException($"'{value}' is not a defined {typeof(T).Name} value.", name);
            }

            mask |= 1UL << System.Runtime.CompilerServices.Unsafe.As<T, int>(ref value);
        }

        bits = mask;
        return EquatableArray.FromEnumBits<T>(mask);
    }

    private static int InRange(int value, int minimum, int maximum, [CallerMemberName] string name = "") =>
        value < minimum || value > maximum
            ? throw new ArgumentOutOfRangeException(name, value, $"Allowed values are {minimum}..{maximum}.")
            : value;
}
