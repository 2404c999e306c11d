using Sciatica.Rules.Domain;
using Sciatica.Rules.Rules;

namespace Sciatica.Rules.Selection;

/// <summary>
/// Everything about a profile (without clinician overrides) that any rule reads, packed into 38 bits:
/// causes, red flags, the four booleans, the directional preference, and age, weeks since surgery and
/// pain as the sides of their thresholds they fall on. Two profiles with the same key get the same
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

        key |= (p.MedicalClearance ? 1UL : 0) << 27;
        key |= (p.SymptomsTolerateExercise ? 1UL : 0) << 28;
        key |= (p.LandWalkingPainful ? 1UL : 0) << 29;
        key |= (p.PoolAccess ? 1UL : 0) << 30;
        key |= (ulong)(p.DirectionalPreference is { } d ? 1 + (int)d : 0) << 31;
        var age = p.Age switch
        {
            null => 0UL,
            var a when a < t.SeriousPathologyMinimumAge => 1UL,
            var a when a > t.SeriousPathologyMaximumAge => 2UL,
            _ => 3UL,
        };
        key |= age << 33;
        var weeks = p.WeeksSinceSpineSurgery switch
        {
            null => 0UL,
            var w when w < t.MinimumWeeksAfterSpineSurgery => 1UL,
            _ => 2UL,
        };
        key |= weeks << 35;
        key |= (Math.Max(p.LegPain, p.BackPain) > t.MaximumPainForProgram ? 1UL : 0) << 37;
        return key;
    }
}
