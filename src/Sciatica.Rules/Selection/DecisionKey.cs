using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules;

/// <summary>
/// Everything about a profile (without clinician overrides) that any rule reads, packed into 56 bits:
/// causes, red flags, the four booleans, the directional preference, leg and back pain exactly, weeks of
/// pregnancy exactly, and age, weeks since surgery and symptom weeks as the sides of their thresholds
/// they fall on (with "not recorded" as a side of its own). Two profiles with the same key get the same
/// decision. A rule that reads anything else must extend this key; the cache property test catches a
/// rule that does not.
/// </summary>
internal static class DecisionKey
{
    public static ulong Of(PatientProfile p, RuleThresholds t)
    {
        ulong key = 0;
        foreach (var cause in p.Causes)
        {
            key |= 1UL << (int)cause;
        }

        foreach (var flag in p.RedFlags)
        {
            key |= 1UL << (15 + (int)flag);
        }

        key |= (p.MedicalClearance ? 1UL : 0) << 30;
        key |= (p.SymptomsTolerateExercise ? 1UL : 0) << 31;
        key |= (p.LandWalkingPainful ? 1UL : 0) << 32;
        key |= (p.PoolAccess ? 1UL : 0) << 33;
        key |= (ulong)(p.DirectionalPreference is { } d ? 1 + (int)d : 0) << 34;
        var age = p.Age switch
        {
            null => 0UL,
            var a when a < t.SeriousPathologyMinimumAge => 1UL,
            var a when a > t.SeriousPathologyMaximumAge => 2UL,
            _ => 3UL,
        };
        key |= age << 36;
        var weeks = p.WeeksSinceSpineSurgery switch
        {
            null => 0UL,
            var w when w < t.MinimumWeeksAfterSpineSurgery => 1UL,
            _ => 2UL,
        };
        key |= weeks << 38;
        key |= (ulong)p.LegPain << 40;
        key |= (ulong)p.BackPain << 44;
        key |= (ulong)(p.PregnancyWeeks is { } pregnancy ? pregnancy + 1 : 0) << 48;
        var symptoms = p.SymptomWeeks switch
        {
            null => 0UL,
            < 6 => 1UL,
            _ => 2UL,
        };
        key |= symptoms << 54;
        return key;
    }
}
