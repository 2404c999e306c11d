using System.Text;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Tests.Serialization;

/// <summary>
/// Any bytes, however hostile, get a <see cref="SciaticaValidationException"/> with a bounded report: never another
/// exception type. A seeded mutation fuzzer runs a few seconds in the suite; set <c>SCIATICA_FUZZ_CASES</c> (for
/// example to 1000000) for a long run. The reproducers that once escaped as other exceptions are kept as fixed cases.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("SCIATICA_FUZZ_CASES"), out var n) && n > 0 ? n : 10_000;

    // The longest report: 100 listed problems of bounded length (path 200, message 300, line), one more counting the rest, and the heading.
    private const int MaximumReportLength = 101 * (200 + 300 + 30) + 200;

    public static TheoryData<string> Reproducers => new()
    {
        """{"causes":["\ud800"],"legPain":1,"backPain":1,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}""",
        """{"\udc00":1}""",
        "{\"causes\":[\"" + '\uD800' + "\"],\"legPain\":1,\"backPain\":1,\"medicalClearance\":true,\"redFlags\":[],\"symptomsTolerateExercise\":true}",
        """{"causes":["herniatedDisc"],"legPain":1,"backPain":1,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true,"clinicianOverrides":[{"exerciseId":"\ud800","ruleId":"x","reason":"y"}]}""",
        """{"causes":["herniatedDisc"],"legPain":1e400,"backPain":1,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}""",
        new string('[', 10_000),
        "\uFEFF\uFEFF{}",
    };

    [Theory]
    [MemberData(nameof(Reproducers))]
    public void ReadProfile_KnownReproducers_OnlyValidationErrors(string json)
    {
        AssertOnlyValidation(() => SciaticaJson.ReadProfile(json));
        AssertOnlyValidation(() => SciaticaJson.ReadProfile(Encoding.UTF8.GetBytes(json)));
        AssertOnlyValidation(() => SciaticaJson.ReadReviewRequest("{\"profile\":" + json + ",\"feedback\":{\"nextMorning\":\"same\"}}"));
    }

    [Fact]
    public void Readers_InvalidUtf8Bytes_OnlyValidationErrors()
    {
        byte[] profile = [.. """{"causes":["herniated"""u8, 0xFF, .. """Disc"],"legPain":1,"backPain":1,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}"""u8];

        AssertOnlyValidation(() => SciaticaJson.ReadProfile(profile));
        AssertOnlyValidation(() => CatalogLoader.Load(new MemoryStream([.. """{"name":"a"""u8, 0xC3, 0x28, .. "\"}"u8])));
    }

    [Fact]
    public void ReadProfile_HundredThousandWrongCauses_ReportIsBounded()
    {
        var json = "{\"causes\":[" + string.Join(",", Enumerable.Repeat("\"nope\"", 100_000)) + "],\"legPain\":1,\"backPain\":1,\"medicalClearance\":true,\"redFlags\":[],\"symptomsTolerateExercise\":true}";

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(json));

        Assert.Contains("at most 256", error.Problems[0].Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 10_000, $"{error.Message.Length} characters");
    }

    [Fact]
    public void ReadProfile_NineThousandUnknownProperties_AtMostAHundredListedAndTheRestCounted()
    {
        var json = "{" + string.Join(",", Enumerable.Range(0, 9000).Select(i => $"\"p{i}\":1")) + "}";

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(json));

        Assert.Equal(101, error.Problems.Count);
        Assert.Contains("more problems, not listed", error.Problems[^1].Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length <= MaximumReportLength);
    }

    [Theory]
    [InlineData("causes")]
    [InlineData("properties")]
    [InlineData("overrides")]
    public void ReadProfile_WorstCaseDocuments_AllocateLinearlyInTheirSize(string kind)
    {
        // Reading costs memory linear in the input with a small constant: no report or copy grows faster than the document.
        static string Document(string kind, int n) => kind switch
        {
            "causes" => "{\"causes\":[" + string.Join(",", Enumerable.Repeat("\"nope\"", n)) + "]}",
            "properties" => "{" + string.Join(",", Enumerable.Range(0, n).Select(i => $"\"p{i}\":1")) + "}",
            _ => "{\"causes\":[\"tightMuscles\"],\"legPain\":1,\"backPain\":1,\"medicalClearance\":true,\"redFlags\":[],\"symptomsTolerateExercise\":true,\"clinicianOverrides\":["
                + string.Join(",", Enumerable.Range(0, n).Select(i => $"{{\"exerciseId\":\"e{i}\",\"ruleId\":\"r\",\"reason\":\"x\"}}")) + "]}",
        };
        var bytes = Encoding.UTF8.GetBytes(Document(kind, 50_000));
        Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(bytes));

        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(bytes));
        var perByte = (double)(GC.GetAllocatedBytesForCurrentThread() - before) / bytes.Length;

        Assert.True(perByte < 8, $"{perByte:F1} bytes allocated per input byte for {bytes.Length} bytes of {kind}");
    }

    [Fact]
    public void Load_ProgressionStepAtIntMaxValue_RefusedNamingTheField()
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(CatalogLoader.Write(ExerciseCatalog.Default, RuleSet.Default))!;
        document["exercises"]![0]!["progressionStep"]!["repetitions"] = int.MaxValue;

        var error = Assert.Throws<SciaticaValidationException>(() => CatalogLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(document.ToJsonString()))));

        Assert.Contains(error.Problems, p => p.Path == "$.exercises[0].progressionStep.repetitions" && p.Message.Contains("above the largest allowed value", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadProfile_HugeStringValue_EchoedShortened()
    {
        var json = "{\"causes\":[\"" + new string('x', 200_000) + "\"],\"legPain\":1,\"backPain\":1,\"medicalClearance\":true,\"redFlags\":[],\"symptomsTolerateExercise\":true}";

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(json));

        Assert.True(error.Message.Length < 5_000, $"{error.Message.Length} characters");
    }

    [Fact]
    public void Fuzz_Profiles_OnlyValidationErrorsAndBoundedReports() =>
        Fuzz(1, Cases, Seeds("herniated-disc-l5.json", "stenosis-pool.json", "disc-extension-preference.json", "fever-iv-drug-use.json"), bytes =>
        {
            SciaticaJson.ReadProfile(bytes);
            SciaticaJson.ReadProfile(Encoding.UTF8.GetString(bytes));
        });

    [Fact]
    public void Fuzz_ReviewRequests_OnlyValidationErrorsAndBoundedReports() =>
        Fuzz(2, Cases / 2, Seeds("review-progress.json", "review-history.json", "review-new-bladder-dysfunction.json"), bytes =>
        {
            var request = SciaticaJson.ReadReviewRequest(bytes);
            new SessionReviewer().Review(request.Profile, request.Sessions);
        });

    [Fact]
    public void Fuzz_Catalogs_OnlyValidationErrorsAndBoundedReports() =>
        Fuzz(3, Math.Max(200, Cases / 20), [Encoding.UTF8.GetBytes(CatalogLoader.Write(ExerciseCatalog.Default, RuleSet.Default))], bytes =>
            CatalogLoader.Load(new MemoryStream(bytes)));

    private static byte[][] Seeds(params string[] names) => [.. names.Select(name => File.ReadAllBytes(Cli.CliRunner.ProfilePath(name)))];

    private static void Fuzz(int seed, int cases, byte[][] seeds, Action<byte[]> read)
    {
        var random = new Random(seed);
        for (var i = 0; i < cases; i++)
        {
            var input = Mutate(random, seeds[random.Next(seeds.Length)]);
            try
            {
                read(input);
            }
            catch (SciaticaValidationException ex)
            {
                Assert.True(ex.Message.Length <= MaximumReportLength, $"case {i}: a report of {ex.Message.Length} characters for {Reproducer(input)}");
                Assert.InRange(ex.Problems.Count, 1, 101);
                Assert.All(ex.Problems, p => Assert.True(p.Path.Length <= 200 && p.Message.Length <= 300, $"case {i}: {p}"));
            }
            catch (Exception ex)
            {
                Assert.Fail($"case {i} (seed {seed}) escaped as {ex.GetType().Name}: {ex.Message}\nreproducer (base64): {Reproducer(input)}");
            }
        }
    }

    /// <summary>One to three mutations of the kinds hostile clients send: bad bytes, bad escapes, truncation, nesting, huge numbers, repetition.</summary>
    private static byte[] Mutate(Random random, byte[] seed)
    {
        var bytes = new List<byte>(seed);
        for (var m = random.Next(1, 4); m > 0; m--)
        {
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            var quote = bytes.FindIndex(at, b => b == (byte)'"') is var q and >= 0 ? q + 1 : at;
            switch (random.Next(13))
            {
                case 0 when bytes.Count > 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes.InsertRange(at, Enumerable.Range(0, random.Next(1, 8)).Select(_ => (byte)random.Next(256))); break;
                case 2 when bytes.Count > 0: bytes.RemoveRange(at, Math.Min(random.Next(1, 40), bytes.Count - at)); break;
                case 3 when bytes.Count > 0: bytes.InsertRange(at, bytes.GetRange(at, Math.Min(random.Next(1, 60), bytes.Count - at))); break;
                case 4: bytes.InsertRange(quote, random.Next(2) == 0 ? "\\ud800"u8.ToArray() : "\\udfff\\ud800"u8.ToArray()); break;
                case 5: bytes.Insert(quote, 0xFF); break;
                case 6: bytes.InsertRange(quote, [0xED, 0xA0, 0x80]); break;
                case 7: bytes.RemoveRange(at, bytes.Count - at); break;
                case 8: bytes.InsertRange(at, Encoding.ASCII.GetBytes(new string('[', random.Next(20, 200)) + new string(']', random.Next(0, 200)))); break;
                case 9: bytes.InsertRange(at, Encoding.ASCII.GetBytes(random.Next(3) switch { 0 => "1e400", 1 => "-99999999999999999999", _ => "2147483648" })); break;
                case 10: bytes.InsertRange(random.Next(2) == 0 ? 0 : at, [0xEF, 0xBB, 0xBF]); break;
                case 11: bytes.InsertRange(quote, Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("x\",\"", random.Next(10, 400))))); break;
                default: bytes.Insert(at, (byte)'\r'); break;
            }
        }

        return [.. bytes];
    }

    private static string Reproducer(byte[] input) => Convert.ToBase64String(input.Length > 4096 ? input[..4096] : input);

    private static void AssertOnlyValidation(Action read)
    {
        var error = Record.Exception(read);
        Assert.True(error is null or SciaticaValidationException, $"{error?.GetType().Name}: {error?.Message}");
    }
}
