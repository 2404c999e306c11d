#if SCIATICA_BASELINE
extern alias baseline;

using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Before = baseline::Sciatica.Rules;

namespace Sciatica.Rules.Benchmarks;

/// <summary>
/// This library beside an earlier build of itself, in one run: the same profiles decided by both, each pair with the
/// earlier build as its baseline. Compiled only when the build is given the earlier assembly (docs/benchmarks.md,
/// section 8): <c>SciaticaBaseline=/path/to/Sciatica.Rules.Baseline.dll</c>, an assembly built from the earlier commit
/// with <c>-p:AssemblyName=Sciatica.Rules.Baseline</c> and referenced under the alias <c>baseline</c>.
/// </summary>
/// <remarks>
/// <c>Fresh</c>: 64 distinct mixed profiles (<see cref="MixedProfiles"/>), the row of the targets table.
/// <c>Overrides</c>: the same profiles with the three clinician overrides of <see cref="SelectBenchmarks.Overrides"/>
/// (a lift, an override of a rule that does not apply, one of a rule that does not exclude the exercise; about half
/// the profiles are refused by screening). <c>OverridesManyCauses</c>: one many-cause program with those overrides.
/// <c>ReadProfile</c>: the 64 profiles read from their contract JSON, beside the bare tokens of the same lines.
/// <c>BatchLine</c>: a line as a host runs it (UTF-8 in, decide, UTF-8 out). <c>Batch</c>: the whole NDJSON stream of
/// 1,025 lines (the 64 profiles 16 times over and one invalid line) read, decided and written to <c>Stream.Null</c>;
/// mean per line.
/// Rows return counts, never a type of the earlier build: BenchmarkDotNet's generated project does not reference it.
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class BaselineBenchmarks
{
    private const int Count = 64;

    /// <summary>Lines of the NDJSON batch: the 64 profiles 16 times over and one invalid line, so that a batch's set-up (buffers, tasks) is spread thin.</summary>
    private const int BatchLines = (16 * Count) + 1;
    private readonly ProgramSelector now = new();
    private readonly Before.ProgramSelector before = new();
    private readonly PatientProfile[] fresh = MixedProfiles.Create(Count);
    private readonly PatientProfile[] overrides = [.. MixedProfiles.Create(Count).Select(p => p with { ClinicianOverrides = SelectBenchmarks.Overrides })];
    private readonly byte[][] lines = [.. MixedProfiles.Create(Count).Select(p => Encoding.UTF8.GetBytes(SciaticaJson.WriteProfile(p)))];
    private readonly ArrayBufferWriter<byte> output = new(1 << 16);
    private byte[] batch = [];
    private Before.PatientProfile[] freshBefore = [];
    private Before.PatientProfile[] overridesBefore = [];
    private Before.PatientProfile manyCausesBefore = null!;

    [GlobalSetup]
    public void Setup()
    {
        // The same profiles, read by each build from the same contract JSON.
        freshBefore = [.. fresh.Select(p => Before.SciaticaJson.ReadProfile(SciaticaJson.WriteProfile(p)))];
        overridesBefore = [.. overrides.Select(p => Before.SciaticaJson.ReadProfile(SciaticaJson.WriteProfile(p)))];
        manyCausesBefore = Before.SciaticaJson.ReadProfile(SciaticaJson.WriteProfile(SelectBenchmarks.ManyCausesWithOverridesProfile));
        for (var i = 0; i < Count; i++)
        {
            // Both builds must give the same decisions (rules, reasons, exercises), or the comparison means nothing.
            Same(now.Select(fresh[i]), before.Select(freshBefore[i]));
            Same(now.Select(overrides[i]), before.Select(overridesBefore[i]));
        }

        Same(now.Select(SelectBenchmarks.ManyCausesWithOverridesProfile), before.Select(manyCausesBefore));
        batch = [.. Enumerable.Repeat(lines, 16).SelectMany(all => all).SelectMany(line => line.Append((byte)'\n')), .. "{\"causes\":[\"herniatedDsc\"]}\n"u8.ToArray()];
        using var answersNow = new MemoryStream();
        using var answersBefore = new MemoryStream();
        if (BatchNow(answersNow) != 1 || BatchBefore(answersBefore) != 1)
        {
            throw new InvalidOperationException("Each build must answer the batch's one invalid line, and only it, with an error.");
        }

        // The same answers but for what may change between builds without a rule changing: safety advice, the rule-set version and error wording.
        if (answersNow.Length < batch.Length || Math.Abs(answersNow.Length - answersBefore.Length) > answersBefore.Length / 10)
        {
            throw new InvalidOperationException($"The two builds answer the batch with {answersBefore.Length} and {answersNow.Length} bytes.");
        }
    }

    [BenchmarkCategory("Fresh"), Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int FreshBefore()
    {
        var included = 0;
        foreach (var profile in freshBefore)
        {
            included += before.Select(profile).Exercises.Count;
        }

        return included;
    }

    [BenchmarkCategory("Fresh"), Benchmark(OperationsPerInvoke = Count)]
    public int FreshNow()
    {
        var included = 0;
        foreach (var profile in fresh)
        {
            included += now.Select(profile).Exercises.Count;
        }

        return included;
    }

    [BenchmarkCategory("Overrides"), Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int OverridesBefore()
    {
        var included = 0;
        foreach (var profile in overridesBefore)
        {
            included += before.Select(profile).Exercises.Count;
        }

        return included;
    }

    [BenchmarkCategory("Overrides"), Benchmark(OperationsPerInvoke = Count)]
    public int OverridesNow()
    {
        var included = 0;
        foreach (var profile in overrides)
        {
            included += now.Select(profile).Exercises.Count;
        }

        return included;
    }

    [BenchmarkCategory("OverridesManyCauses"), Benchmark(Baseline = true)]
    public int OverridesManyCausesBefore() => before.Select(manyCausesBefore).Reasons.Count;

    [BenchmarkCategory("OverridesManyCauses"), Benchmark]
    public int OverridesManyCausesNow() => now.Select(SelectBenchmarks.ManyCausesWithOverridesProfile).Reasons.Count;

    [BenchmarkCategory("ReadProfile"), Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int ReadProfileBefore()
    {
        var causes = 0;
        foreach (var line in lines)
        {
            causes += Before.SciaticaJson.ReadProfile(line).Causes.Count;
        }

        return causes;
    }

    [BenchmarkCategory("ReadProfile"), Benchmark(OperationsPerInvoke = Count)]
    public int ReadProfileNow()
    {
        var causes = 0;
        foreach (var line in lines)
        {
            causes += SciaticaJson.ReadProfile(line).Causes.Count;
        }

        return causes;
    }

    /// <summary>The floor of any reader on <c>Utf8JsonReader</c>: every token of the same lines read and nothing done with it.</summary>
    [BenchmarkCategory("ReadProfile"), Benchmark(OperationsPerInvoke = Count)]
    public int ReadProfileTokensOnly()
    {
        var tokens = 0;
        foreach (var line in lines)
        {
            var reader = new System.Text.Json.Utf8JsonReader(line);
            while (reader.Read())
            {
                tokens++;
            }
        }

        return tokens;
    }

    [BenchmarkCategory("BatchLine"), Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int BatchLineBefore()
    {
        var written = 0;
        foreach (var line in lines)
        {
            output.ResetWrittenCount();
            Before.SciaticaJson.WriteDecisionUtf8(before.Select(Before.SciaticaJson.ReadProfile(line)), output);
            written += output.WrittenCount;
        }

        return written;
    }

    [BenchmarkCategory("BatchLine"), Benchmark(OperationsPerInvoke = Count)]
    public int BatchLineNow()
    {
        var written = 0;
        foreach (var line in lines)
        {
            output.ResetWrittenCount();
            SciaticaJson.WriteDecisionUtf8(now.Select(SciaticaJson.ReadProfile(line)), output);
            written += output.WrittenCount;
        }

        return written;
    }

    [BenchmarkCategory("Batch"), Benchmark(Baseline = true, OperationsPerInvoke = BatchLines)]
    public int BatchBefore() => BatchBefore(Stream.Null);

    [BenchmarkCategory("Batch"), Benchmark(OperationsPerInvoke = BatchLines)]
    public int BatchNow() => BatchNow(Stream.Null);

    // The answers go to Stream.Null: a growing MemoryStream (about 9 KB a line) would make the row measure its copies
    // and page faults rather than the library; the set-up checks once that both builds write the same bytes.
    private int BatchBefore(Stream answers)
    {
        using var input = new MemoryStream(batch, writable: false);
        var decisions = Before.SciaticaNdjson.SelectAllAsync(before, Before.SciaticaNdjson.ReadProfilesAsync(input));
        return Before.SciaticaNdjson.WriteDecisionsAsync(decisions, answers).GetAwaiter().GetResult();
    }

    private int BatchNow(Stream answers)
    {
        using var input = new MemoryStream(batch, writable: false);
        var decisions = SciaticaNdjson.SelectAllAsync(now, SciaticaNdjson.ReadProfilesAsync(input));
        return SciaticaNdjson.WriteDecisionsAsync(decisions, answers).GetAwaiter().GetResult();
    }

    private static void Same(ProgramDecision now, Before.ProgramDecision before)
    {
        // Safety advice and the rule-set version (a content hash) may change between builds without a rule changing.
        var written = Before.SciaticaJson.WriteDecision(before with { SafetyAdvice = [], RuleSetVersion = "-" });
        if (SciaticaJson.WriteDecision(now with { SafetyAdvice = [], RuleSetVersion = "-" }) != written)
        {
            throw new InvalidOperationException("The two builds decide differently: " + written);
        }
    }
}
#endif
