using Sciatica.Rules;

namespace Sciatica.Rules.Benchmarks;

/// <summary>
/// Distinct, seeded profiles of every kind: about half are cleared people with mechanical causes (programs of
/// different shapes), the rest anything (red flags, serious causes, no clearance, severe pain), so that a
/// benchmark over them pays for every path the engine takes. The same seed gives the same profiles.
/// </summary>
public static class MixedProfiles
{
    private static readonly Cause[] ProgramCauses =
        [Cause.BulgingDisc, Cause.HerniatedDisc, Cause.RupturedDisc, Cause.SpinalStenosis, Cause.Osteoarthritis, Cause.Spondylolisthesis, Cause.Osteoporosis, Cause.PoorPosture, Cause.TightMuscles];

    public static PatientProfile[] Create(int count, int seed = 7)
    {
        var random = new Random(seed);
        var causes = Enum.GetValues<Cause>();
        var flags = Enum.GetValues<RedFlag>();
        var profiles = new HashSet<PatientProfile>();
        var ordered = new List<PatientProfile>();
        while (ordered.Count < count)
        {
            var program = random.Next(2) == 0;
            var profile = new PatientProfile
            {
                Causes = [.. Enumerable.Range(0, 1 + random.Next(3)).Select(_ => program ? ProgramCauses[random.Next(ProgramCauses.Length)] : causes[random.Next(causes.Length)]).Distinct()],
                RedFlags = program || random.Next(3) > 0 ? [] : [flags[random.Next(flags.Length)]],
                LegPain = random.Next(program ? 7 : 11),
                BackPain = random.Next(program ? 7 : 11),
                MedicalClearance = program || random.Next(6) > 0,
                SymptomsTolerateExercise = program || random.Next(8) > 0,
                LandWalkingPainful = random.Next(4) == 0,
                PoolAccess = random.Next(3) == 0,
                Age = random.Next(10) == 0 ? null : 18 + random.Next(70),
                SymptomWeeks = random.Next(8) == 0 ? null : random.Next(20),
                PregnancyWeeks = random.Next(10) == 0 ? random.Next(43) : null,
                WeeksSinceSpineSurgery = random.Next(10) == 0 ? random.Next(30) : null,
                DirectionalPreference = random.Next(5) switch { 0 => DirectionalPreference.Extension, 1 => DirectionalPreference.Flexion, _ => null },
            };
            if (profiles.Add(profile))
            {
                ordered.Add(profile);
            }
        }

        return [.. ordered];
    }
}
