using Sciatica.Rules;

namespace Sciatica.Rules.Tests.Properties;

/// <summary>
/// Invariants 13 and 14 (version 2 of the clinical review): missing data is never less cautious than any value
/// it could have had, and the tensioner, osteoporosis-flexion and pregnancy-position guards hold over generated
/// profiles and catalogs.
/// </summary>
public sealed class VersionTwoInvariantTests
{
    [SafetyProperty]
    public void Invariant13_MissingAge_NeverLessCautiousThanAnyRecordedAge(Scenario s, byte any)
    {
        var t = s.Selector.RuleSet.Thresholds;
        int[] ages = [16, t.SeriousPathologyMinimumAge - 1, t.SeriousPathologyMinimumAge, t.SeriousPathologyMaximumAge, t.SeriousPathologyMaximumAge + 1, 120, 16 + (any % 105)];

        AssertMissingIsMostCautious(s.Selector, s.Profile with { Age = null }, ages.Select(age => s.Profile with { Age = Math.Clamp(age, 16, 120) }));
    }

    [SafetyProperty]
    public void Invariant13_MissingSymptomWeeks_NeverLessCautiousThanAnyRecordedDuration(Scenario s, ushort any) =>
        AssertMissingIsMostCautious(s.Selector, s.Profile with { SymptomWeeks = null }, new[] { 0, 5, 6, 520, any % 521 }.Select(w => s.Profile with { SymptomWeeks = w }));

    [SafetyProperty]
    public void Invariant14_NoTensionerWithModerateLegPain_NoSpinalFlexionWithOsteoporosis_NoLyingFlatInLaterPregnancy(GuardScenario g)
    {
        var p = g.Profile;
        var decision = g.Selector.Select(p);

        foreach (var included in decision.Exercises)
        {
            var exercise = g.Selector.Catalog.Find(included.Id)!;
            bool Lifted(string ruleId) => p.ClinicianOverrides.Any(o => o.ExerciseId == exercise.Id && o.RuleId == ruleId);

            Assert.False(
                p.LegPain >= 4 && exercise.Movements.Contains(MovementPattern.NeuralTension) && !Lifted("irritable-nerve-avoid-tensioner"),
                $"neural tensioner '{exercise.Id}' with leg pain {p.LegPain}");
            Assert.False(
                p.Causes.Contains(Cause.Osteoporosis) && (exercise.Movements.Contains(MovementPattern.LumbarFlexion) || exercise.Movements.Contains(MovementPattern.LoadedFlexion)),
                $"spinal flexion '{exercise.Id}' with osteoporosis (absolute: no override lifts it)");
            Assert.False(
                p.PregnancyWeeks >= 20 && exercise.Position == BodyPosition.Supine && !Lifted("pregnancy-avoid-supine"),
                $"'{exercise.Id}' lying on the back at {p.PregnancyWeeks} weeks of pregnancy");
            Assert.False(
                p.PregnancyWeeks >= 12 && exercise.Position == BodyPosition.Prone && !Lifted("pregnancy-avoid-prone"),
                $"'{exercise.Id}' lying face down at {p.PregnancyWeeks} weeks of pregnancy");
        }
    }

    private static void AssertMissingIsMostCautious(ProgramSelector selector, PatientProfile missing, IEnumerable<PatientProfile> recorded)
    {
        var unknown = selector.Select(missing);
        foreach (var known in recorded.Select(selector.Select))
        {
            Assert.True(unknown.Decision >= known.Decision, $"missing value gives {unknown.Decision}, a recorded one {known.Decision}");
            var added = unknown.Exercises.Select(e => e.Id).Except(known.Exercises.Select(e => e.Id)).ToList();
            Assert.True(added.Count == 0, "missing value adds: " + string.Join(", ", added));
        }
    }
}
