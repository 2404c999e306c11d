using System.Text.Json.Serialization;

namespace Sciatica.Rules;

/// <summary>
/// A change to a profile, as its JSON Merge Patch (RFC 7396): only the inputs a clinician can act on. Each member
/// that is set is one change, except <see cref="ClinicianOverrides"/>, where each override added is one.
/// </summary>
/// <remarks>
/// Immutable and thread-safe, with value equality. Written as JSON with its members in this order (the order of the
/// contract): <c>medicalClearance</c>, <c>symptomsTolerateExercise</c>, <c>directionalPreference</c>,
/// <c>clinicianOverrides</c>, <c>poolAccess</c>, <c>legPain</c>, <c>backPain</c>; members that are not set are left
/// out. A merge patch replaces an array whole, so <see cref="ClinicianOverrides"/> holds the profile's overrides
/// and the added ones.
/// </remarks>
[JsonConverter(typeof(ProfilePatchConverter))]
public sealed record ProfilePatch
{
    /// <summary>Gets the medical clearance to set (only ever <see langword="true"/>), or <see langword="null"/> to leave it.</summary>
    public bool? MedicalClearance { get; init; }

    /// <summary>Gets whether symptoms tolerate exercise, to set (only ever <see langword="true"/>), or <see langword="null"/> to leave it.</summary>
    public bool? SymptomsTolerateExercise { get; init; }

    /// <summary>Gets whether the patch sets the directional preference (to <see cref="DirectionalPreference"/>, which may be none).</summary>
    public bool SetsDirectionalPreference { get; init; }

    /// <summary>Gets the clinician-assessed directional preference to set, when <see cref="SetsDirectionalPreference"/>; <see langword="null"/> means none.</summary>
    public DirectionalPreference? DirectionalPreference { get; init; }

    /// <summary>Gets the whole list of clinician overrides to set (the profile's and the added ones), or <see langword="null"/> to leave them.</summary>
    public IReadOnlyList<ClinicianOverride>? ClinicianOverrides { get; init => field = value is null ? null : ValueList.Of(value); }

    /// <summary>Gets the pool access to set (only ever <see langword="true"/>), or <see langword="null"/> to leave it.</summary>
    public bool? PoolAccess { get; init; }

    /// <summary>Gets the leg pain to set (lower than the profile's), or <see langword="null"/> to leave it.</summary>
    public int? LegPain { get; init; }

    /// <summary>Gets the back pain to set (lower than the profile's), or <see langword="null"/> to leave it.</summary>
    public int? BackPain { get; init; }

    /// <summary>Applies the patch to a profile, as a JSON Merge Patch of its document would.</summary>
    /// <param name="profile">The profile to change.</param>
    /// <returns>The changed profile.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A pain value is outside 0..10.</exception>
    public PatientProfile ApplyTo(PatientProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile with
        {
            MedicalClearance = MedicalClearance ?? profile.MedicalClearance,
            SymptomsTolerateExercise = SymptomsTolerateExercise ?? profile.SymptomsTolerateExercise,
            DirectionalPreference = SetsDirectionalPreference ? DirectionalPreference : profile.DirectionalPreference,
            ClinicianOverrides = ClinicianOverrides ?? profile.ClinicianOverrides,
            PoolAccess = PoolAccess ?? profile.PoolAccess,
            LegPain = LegPain ?? profile.LegPain,
            BackPain = BackPain ?? profile.BackPain,
        };
    }
}
