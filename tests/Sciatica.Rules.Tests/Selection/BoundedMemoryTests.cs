namespace Sciatica.Rules.Tests.Selection;

/// <summary>The memo is bounded and decision JSON is not kept: many distinct profiles leave a bounded live heap.</summary>
[Collection(nameof(BoundedMemoryTests))]
[CollectionDefinition(nameof(BoundedMemoryTests), DisableParallelization = true)]
public sealed class BoundedMemoryTests
{
    [Fact]
    public void SelectAndWriteDecision_ManyDistinctProfiles_LiveHeapStaysBounded()
    {
        var selector = new ProgramSelector();
        Causes[] causeSets = [new([Cause.HerniatedDisc]), new([Cause.SpinalStenosis]), new([Cause.TightMuscles, Cause.Osteoporosis]), new([Cause.Spondylolisthesis, Cause.PoorPosture])];
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var written = 0L;
        var count = 0;
        foreach (var causes in causeSets)
        {
            for (var leg = 0; leg <= 6; leg++)
            {
                for (var back = 0; back <= 6; back++)
                {
                    for (var weeks = -1; weeks <= 42; weeks++)
                    {
                        foreach (var landPainful in new[] { false, true })
                        {
                            var profile = new PatientProfile
                            {
                                Causes = causes.Values, LegPain = leg, BackPain = back, MedicalClearance = true, LandWalkingPainful = landPainful,
                                PregnancyWeeks = weeks < 0 ? null : weeks, Age = 40,
                            };
                            written += SciaticaJson.WriteDecision(selector.Select(profile)).Length;
                            count++;
                        }
                    }
                }
            }
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;

        GC.KeepAlive(selector);
        Assert.True(count > 15_000, $"{count} profiles");
        Assert.True(retained < 100L * 1024 * 1024, $"{retained / 1024 / 1024} MB retained after {count} distinct profiles ({written / 1024 / 1024} MB of JSON written)");
    }

    public sealed record Causes(Cause[] Values);
}
