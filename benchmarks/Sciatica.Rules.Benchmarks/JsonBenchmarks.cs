using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using Sciatica.Rules.Cli;
using Sciatica.Rules;

namespace Sciatica.Rules.Benchmarks;

/// <summary>
/// The contract end to end, per line of a batch: UTF-8 profile JSON in, decision JSON out, over 64 distinct mixed
/// profiles (<see cref="MixedProfiles"/>), and over one profile repeated; reading alone; the string API; and an
/// invalid line (every problem listed).
/// </summary>
[MemoryDiagnoser]
public class JsonBenchmarks
{
    private const int Count = 64;
    private const string Invalid = """{"causes":["herniated"],"legPain":11,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}""";
    private readonly ProgramSelector selector = new();
    private readonly byte[][] lines = [.. MixedProfiles.Create(Count).Select(p => Encoding.UTF8.GetBytes(SciaticaJson.WriteProfile(p)))];
    private readonly string[] texts = [.. MixedProfiles.Create(Count).Select(p => SciaticaJson.WriteProfile(p))];
    private readonly ArrayBufferWriter<byte> output = new(1 << 16);

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int Utf8InUtf8OutMixed()
    {
        var written = 0;
        foreach (var line in lines)
        {
            output.ResetWrittenCount();
            SciaticaJson.WriteDecisionUtf8(selector.Select(SciaticaJson.ReadProfile(line)), output);
            written += output.WrittenCount;
        }

        return written;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int Utf8InUtf8OutOneRepeated()
    {
        var written = 0;
        for (var i = 0; i < Count; i++)
        {
            output.ResetWrittenCount();
            SciaticaJson.WriteDecisionUtf8(selector.Select(SciaticaJson.ReadProfile(lines[0])), output);
            written += output.WrittenCount;
        }

        return written;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int ReadProfileUtf8Mixed()
    {
        var causes = 0;
        foreach (var line in lines)
        {
            causes += SciaticaJson.ReadProfile(line).Causes.Count;
        }

        return causes;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int StringInStringOutMixed()
    {
        var written = 0;
        foreach (var text in texts)
        {
            written += SciaticaJson.WriteDecision(selector.Select(SciaticaJson.ReadProfile(text))).Length;
        }

        return written;
    }

    [Benchmark]
    public string BatchInvalidLine()
    {
        var invalid = 0;
        return Batch.Decide(selector, Invalid, 1, ref invalid);
    }
}
