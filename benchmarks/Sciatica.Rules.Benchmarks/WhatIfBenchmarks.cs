using BenchmarkDotNet.Attributes;
using Sciatica.Rules;

namespace Sciatica.Rules.Benchmarks;

/// <summary>
/// What would change it, against a plain decision, in one run over the same 64 distinct mixed profiles
/// (<see cref="MixedProfiles"/>): the plain <c>Select</c> (baseline, as in <see cref="PeerBenchmarks"/>), the overload
/// with the option off (it must cost the same), and the option on (the search on the compiled masks). Nothing is
/// shared between calls but the answers, by the person's facts, as the engine shares parts of decisions; the
/// <c>...Afresh</c> rows search every time (the cost of a profile whose facts were never seen). Plus the program and no-clearance archetypes alone.
/// </summary>
[MemoryDiagnoser]
public class WhatIfBenchmarks
{
    private const int Count = 64;
    private readonly PatientProfile[] profiles = MixedProfiles.Create(Count);
    private readonly ProgramSelector selector = new();

    private static readonly PatientProfile NoClearance = SelectBenchmarks.ProgramProfile with { LegPain = 8, MedicalClearance = false };

    [GlobalSetup]
    public void Warm()
    {
        foreach (var profile in profiles)
        {
            selector.Select(profile, SelectionOptions.WithWhatWouldChange);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public ProgramDecision? Plain()
    {
        ProgramDecision? last = null;
        foreach (var profile in profiles)
        {
            last = selector.Select(profile);
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public ProgramDecision? OptionOff()
    {
        ProgramDecision? last = null;
        foreach (var profile in profiles)
        {
            last = selector.Select(profile, SelectionOptions.None);
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public ProgramDecision? WhatIf()
    {
        ProgramDecision? last = null;
        foreach (var profile in profiles)
        {
            last = selector.Select(profile, SelectionOptions.WithWhatWouldChange);
        }

        return last;
    }

    /// <summary>The plain decision plus the search afresh, as a profile with facts never seen before costs (no shared answer).</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public IReadOnlyList<SuggestedChange>? WhatIfAfresh()
    {
        IReadOnlyList<SuggestedChange>? last = null;
        foreach (var profile in profiles)
        {
            last = selector.WhatWouldChangeAfresh(profile);
        }

        return last;
    }

    [Benchmark]
    public IReadOnlyList<SuggestedChange> WhatIfAfreshDiscProgram() => selector.WhatWouldChangeAfresh(SelectBenchmarks.ProgramProfile);

    [Benchmark]
    public ProgramDecision WhatIfDiscProgram() => selector.Select(SelectBenchmarks.ProgramProfile, SelectionOptions.WithWhatWouldChange);

    [Benchmark]
    public ProgramDecision WhatIfNoClearance() => selector.Select(NoClearance, SelectionOptions.WithWhatWouldChange);
}
