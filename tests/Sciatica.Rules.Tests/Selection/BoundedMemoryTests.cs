using Xunit.Abstractions;
using System.Globalization;

namespace Sciatica.Rules.Tests.Selection;

/// <summary>No decision is memoised, shared parts are bounded and decision JSON is not kept: many distinct profiles leave a bounded live heap.</summary>
/// <remarks>20,000 profiles by default; set SCIATICA_MEMORY_PROFILES=1000000 for the long run.</remarks>
[Collection(nameof(BoundedMemoryTests))]
[CollectionDefinition(nameof(BoundedMemoryTests), DisableParallelization = true)]
public sealed class BoundedMemoryTests(ITestOutputHelper output)
{
    private static readonly Cause[][] CauseSets =
        [[Cause.HerniatedDisc], [Cause.SpinalStenosis], [Cause.TightMuscles, Cause.Osteoporosis], [Cause.Spondylolisthesis, Cause.PoorPosture], [Cause.BulgingDisc, Cause.Osteoarthritis]];

    [Fact]
    public void SelectAndWriteDecision_ManyDistinctProfiles_LiveHeapStaysBounded()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("SCIATICA_MEMORY_PROFILES"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 20_000;
        var selector = new ProgramSelector();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var written = 0L;
        var distinct = new HashSet<PatientProfile>();
        for (var i = 0; i < count; i++)
        {
            var profile = Distinct(i);
            if (i < 20_000)
            {
                distinct.Add(profile);
            }

            written += SciaticaJson.WriteDecision(selector.Select(profile)).Length;
        }

        var sampled = distinct.Count;
        distinct = null;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;

        GC.KeepAlive(selector);
        output.WriteLine($"{retained / 1024 / 1024} MB retained after {count} distinct profiles ({written / 1024 / 1024} MB of JSON written)");
        Assert.Equal(Math.Min(count, 20_000), sampled);
        Assert.True(retained < 100L * 1024 * 1024, $"{retained / 1024 / 1024} MB retained after {count} distinct profiles ({written / 1024 / 1024} MB of JSON written)");
    }

    /// <summary>The i-th of about 6.5 million distinct profiles: every index decodes to different field values.</summary>
    private static PatientProfile Distinct(int i) => new()
    { RedFlags = [], SymptomsTolerateExercise = true,
        Causes = CauseSets[i % 5],
        LegPain = i / 5 % 7,
        BackPain = i / 35 % 7,
        LandWalkingPainful = i / 245 % 2 == 1,
        Age = 16 + (i / 490 % 105),
        SymptomWeeks = i / 51_450 % 127,
        MedicalClearance = true,
    };
}
