using System.Text;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Tests.Serialization;

/// <summary>
/// Refusing a hostile document costs work linear in its size, whatever its shape: a property name of thousands of
/// characters, then a long array, then a repeated property (the shape that once took 51.7 s at 840 KB). Work is
/// measured by what a reader allocates on its thread (a count, not a clock): per input byte it stays flat as the
/// document grows from 16 KB to 512 KB. Reports stay bounded whatever the input.
/// </summary>
public sealed class BoundedWorkTests
{
    public static TheoryData<string> Shapes => ["profile", "profile-duplicate", "review", "catalog", "catalog-duplicate", "ndjson"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Read_GrowingHostileDocuments_WorkPerByteStaysFlat(string shape)
    {
        var perByte = new List<(int Bytes, double PerByte)>();
        foreach (var size in new[] { 16_000, 64_000, 256_000, 512_000 })
        {
            var document = Document(shape, size);
            Read(shape, document);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var error = Read(shape, document);
            perByte.Add((document.Length, (double)(GC.GetAllocatedBytesForCurrentThread() - before) / document.Length));
            AssertBounded(error);
        }

        var text = string.Join(", ", perByte.Select(p => FormattableString.Invariant($"{p.Bytes} B: {p.PerByte:F2}")));
        Assert.All(perByte, p => Assert.True(p.PerByte < 24, $"{shape}: bytes allocated per input byte: {text}"));
        // Flat: the largest document costs per byte at most a little more than the smallest (a quadratic reader grows 32-fold here).
        Assert.True(perByte[^1].PerByte <= (perByte[0].PerByte * 2) + 1, $"{shape}: bytes allocated per input byte grow: {text}");
    }

    [Fact]
    public void ReadProfile_RepeatedLongPropertyName_PathAndEchoBounded()
    {
        var name = new string('n', 5_000);
        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile($"{{\"{name}\":1,\"{name}\":1}}"));

        var problem = Assert.Single(error.Problems);
        Assert.InRange(problem.Path.Length, 1, 200);
        Assert.Equal("$." + new string('n', 77) + "...", problem.Path);
    }

    [Fact]
    public void ReadProfile_SyntaxErrorBeforeLongText_MessageDoesNotEchoTheRest()
    {
        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile("{\"causes\":[\"x\"],\"a\":tru" + new string('x', 100_000) + "}"));

        var problem = Assert.Single(error.Problems);
        Assert.InRange(problem.Message.Length, 1, 300);
        Assert.DoesNotContain(new string('x', 78), problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CatalogWithOneLongNameAndManyObjects_RefusedByItsShapeWithinSmallMemory()
    {
        var json = Encoding.UTF8.GetBytes("{\"" + new string('a', 5_000) + "\":[" + string.Join(",", Enumerable.Repeat("{}", 115_000)) + "]}");
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<SciaticaValidationException>(() => CatalogLoader.Load(new MemoryStream(json)));

        Assert.Contains("at most 10000", Assert.Single(error.Problems).Message, StringComparison.Ordinal);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 8L * json.Length, "allocated more than 8 bytes per input byte");
    }

    private static byte[] Document(string shape, int size)
    {
        // A long unknown name, then a long array, then (for the duplicate shapes) a property given twice.
        var name = new string('a', Math.Min(5_000, size / 8));
        var items = (size - name.Length) / 3;
        // A catalog array may hold 10,000 items: its items grow instead (an object with a long text each).
        var array = shape.StartsWith("catalog", StringComparison.Ordinal)
            ? string.Join(",", Enumerable.Repeat("{\"z\":\"" + new string('z', Math.Max(1, (size - name.Length) / 9_000)) + "\"}", 9_000))
            : string.Join(",", Enumerable.Repeat("1", items));
        var duplicate = shape.EndsWith("duplicate", StringComparison.Ordinal) || shape is "ndjson" or "review" ? ",\"legPain\":1,\"legPain\":1" : string.Empty;
        var profile = "{\"" + name + "\":[" + array + "]" + duplicate + "}";
        return Encoding.UTF8.GetBytes(shape == "review" ? "{\"profile\":" + profile + ",\"feedback\":{\"nextMorning\":\"same\"}}" : profile);
    }

    private static SciaticaValidationException Read(string shape, byte[] document) => shape switch
    {
        "review" => Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadReviewRequest(document)),
        "catalog" or "catalog-duplicate" => Assert.Throws<SciaticaValidationException>(() => CatalogLoader.Load(new MemoryStream(document))),
        "ndjson" => SciaticaNdjson.ReadProfileLine(1, document).Error!,
        _ => Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(document)),
    };

    private static void AssertBounded(SciaticaValidationException error)
    {
        Assert.NotNull(error);
        Assert.InRange(error.Problems.Count, 1, 101);
        Assert.All(error.Problems, p => Assert.True(p.Path.Length <= 200 && p.Message.Length <= 300, p.ToString()));
    }
}
