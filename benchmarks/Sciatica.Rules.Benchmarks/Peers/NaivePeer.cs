using Sciatica.Rules;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Benchmarks.Peers;

/// <summary>
/// The same decisions written the obvious way: LINQ over the domain types, no explanations (no reasons, no
/// excluded list), no compilation. The floor a hand-written implementation reaches; the differential test
/// checks it agrees with the engine.
/// </summary>
public sealed class NaivePeer(RuleSet ruleSet, ExerciseCatalog catalog)
{
    public PeerDecision Decide(PatientProfile p)
    {
        var t = ruleSet.Thresholds;
        var kinds = ruleSet.Screening
            .Where(g => g.RedFlag is { } flag ? p.RedFlags.Contains(flag) : p.Causes.Contains(g.Cause!.Value))
            .Select(g => g.Decision)
            .ToList();
        var injury = p.Causes.Contains(Cause.Injury);
        if (injury && (p.Causes.Contains(Cause.Osteoporosis) || p.Age is null || p.Age > t.SeriousPathologyMaximumAge))
        {
            kinds.Add(DecisionKind.TreatCauseFirst);
        }

        if ((p.RedFlags.Contains(RedFlag.CancerHistory) || p.RedFlags.Contains(RedFlag.SuspectedCancer))
            && (p.RedFlags.Contains(RedFlag.ProgressiveWeakness) || p.RedFlags.Contains(RedFlag.FootDrop)
                || p.RedFlags.Contains(RedFlag.BilateralLegSymptoms) || p.RedFlags.Contains(RedFlag.CordCompressionSigns)))
        {
            kinds.Add(DecisionKind.Emergency);
        }

        if (!p.MedicalClearance || !p.SymptomsTolerateExercise || p.WeeksSinceSpineSurgery < t.MinimumWeeksAfterSpineSurgery
            || Math.Max(p.LegPain, p.BackPain) >= t.SeverePainFrom)
        {
            kinds.Add(DecisionKind.SeekMedicalAdvice);
        }

        if (kinds.Count > 0)
        {
            return new PeerDecision(kinds.Max(), []);
        }

        var enforced = ruleSet.Contraindications
            .Where(c => (c.Causes.Count == 0 || c.Causes.Any(p.Causes.Contains))
                && (c.WhenDirectionalPreference is null || c.WhenDirectionalPreference == p.DirectionalPreference)
                && (!c.AfterSpineSurgery || p.WeeksSinceSpineSurgery is not null)
                && (c.MinimumLegPain is null || p.LegPain >= c.MinimumLegPain)
                && (c.MinimumPregnancyWeeks is null || p.PregnancyWeeks >= c.MinimumPregnancyWeeks)
                && !(c.Strength == ContraindicationStrength.Relative && c.LiftedByDirectionalPreference is not null && c.LiftedByDirectionalPreference == p.DirectionalPreference))
            .ToList();
        var included = catalog.Exercises
            .Where(e => !enforced.Any(c => e.Movements.Any(c.Movements.Contains) || c.Positions.Contains(e.Position)))
            .Where(e => !(p.LandWalkingPainful && e.Movements.Contains(MovementPattern.WeightBearing)))
            .Where(e => !(!p.PoolAccess && e.Movements.Contains(MovementPattern.Aquatic)))
            .Where(e => !(!p.LandWalkingPainful && e.Kind == ExerciseKind.Aerobic && e.Movements.Contains(MovementPattern.Aquatic)))
            .Where(e => !(p.DirectionalPreference != DirectionalPreference.Extension && e.Movements.Contains(MovementPattern.LumbarExtension)))
            .Where(e => !e.ClinicianEnabledOnly)
            .OrderBy(e => e.Kind)
            .Select(e => e.Id)
            .ToList();
        return new PeerDecision(DecisionKind.Program, included);
    }
}
