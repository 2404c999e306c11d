using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Sciatica.Rules.Tests.Properties;

namespace Sciatica.Rules.Tests.Serialization;

/// <summary>
/// One answer per document whatever the entry point: the text, bytes, stream, asynchronous stream, parsed element and
/// NDJSON line readers accept the same documents with equal profiles, and refuse the same documents with the same
/// problems (path, message, line).
/// </summary>
public sealed class ReaderAgreementTests
{
    private static readonly string[] Insertions =
    [
        "\"legPain\":3,", "\"redFlags\":[],", "\"redFlags\":[\"bladderDysfunction\"],", "\"legpain\":3,", "\"causes\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]],",
        "\"\\ud800\":1,", "\"age\":1e400,", "\"x\":{\"a\":1,\"a\":2},",
    ];

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 1000, QuietOnSuccess = true)]
    public Property MutatedDocument_EveryOverload_SameAnswer() =>
        Prop.ForAll(
            (from s in Arbitraries.Scenario().Generator
             from kind in Gen.Choose(0, 6)
             from at in Gen.Choose(0, 10_000)
             from insertion in Gen.Elements(Insertions)
             from b in Gen.Choose(0, 255)
             select Mutate(SciaticaJson.WriteProfile(s.Profile), kind, at, insertion, (byte)b)).ToArbitrary(),
            bytes =>
            {
                var expected = Answer(() => SciaticaJson.ReadProfile(bytes));
                Assert.Equal(expected, Answer(() => SciaticaJson.ReadProfile(new MemoryStream(bytes))));
                Assert.Equal(expected, Answer(() => SciaticaJson.ReadProfileAsync(new MemoryStream(bytes)).GetAwaiter().GetResult()));
                if (IsUtf8(bytes))
                {
                    Assert.Equal(expected, Answer(() => SciaticaJson.ReadProfile(Encoding.UTF8.GetString(bytes))));
                }

                if (!bytes.AsSpan().ContainsAny((byte)'\n', (byte)'\r') && !bytes.AsSpan().Trim(" \t"u8).IsEmpty)
                {
                    var line = SciaticaNdjson.ReadProfileLine(1, bytes);
                    Assert.Equal(expected, line.Error is { } error ? Refused(error) : Accepted(line.Value!));
                }

                // An element of a document parsed leniently (repeated properties allowed) gets the same answer as the document.
                if (Element(bytes) is { } document)
                {
                    using (document)
                    {
                        Assert.Equal(expected, Answer(() => SciaticaJson.ReadProfile(document.RootElement)));
                    }
                }
            });

    [Fact]
    public void ReadProfileElement_RedFlagsRepeatedEmpty_RefusedAsTheBytesAre()
    {
        const string Json = """{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"medicalClearance":true,"symptomsTolerateExercise":true,"redFlags":["bladderDysfunction","saddleAnesthesia"],"redFlags":[]}""";
        using var document = JsonDocument.Parse(Json, new JsonDocumentOptions { AllowDuplicateProperties = true });

        var fromElement = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(document.RootElement));
        var fromBytes = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(Encoding.UTF8.GetBytes(Json)));

        Assert.Equal(fromBytes.Problems, fromElement.Problems);
        Assert.Equal("$.redFlags", Assert.Single(fromElement.Problems).Path);
    }

    [Fact]
    public void ReadProfileLine_DoubleByteOrderMark_RefusedAsTheBytesAre()
    {
        byte[] line = [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(SciaticaJson.WriteProfile(Profiles.Clear))];

        var error = SciaticaNdjson.ReadProfileLine(1, line).Error;

        Assert.NotNull(error);
        Assert.Equal(Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(line)).Problems, error.Problems);
    }

    private static JsonDocument? Element(byte[] bytes)
    {
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        if (bytes.Length == start || bytes[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            return null; // lines count from the element's first line: only a document that starts with it compares.
        }

        try
        {
            return JsonDocument.Parse(bytes.AsMemory(start), new JsonDocumentOptions { AllowDuplicateProperties = true, MaxDepth = 256 });
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsUtf8(byte[] bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    private static string Answer(Func<PatientProfile> read)
    {
        try
        {
            return Accepted(read());
        }
        catch (SciaticaValidationException ex)
        {
            return Refused(ex);
        }
    }

    private static string Accepted(PatientProfile profile) => "accepted " + SciaticaJson.WriteProfile(profile);

    private static string Refused(SciaticaValidationException error) => "refused " + string.Join("\n", error.Problems);

    private static byte[] Mutate(string json, int kind, int at, string insertion, byte value)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var i = at % Math.Max(1, bytes.Length);
        return kind switch
        {
            0 => [.. bytes[..i], value, .. bytes[i..]],                                 // a byte inserted
            1 => bytes[..i],                                                             // cut short
            2 => Encoding.UTF8.GetBytes(json.Insert(1, insertion)),                      // a property first
            3 => Encoding.UTF8.GetBytes(json.Insert(json.Length - 1, "," + insertion.TrimEnd(','))), // a property last (a repeat is the later one)
            4 => [0xEF, 0xBB, 0xBF, .. value % 2 == 0 ? [0xEF, 0xBB, 0xBF] : Array.Empty<byte>(), .. bytes], // one or two byte order marks
            5 => [.. bytes, .. " \t"u8],                                                 // whitespace after
            _ => bytes,
        };
    }
}
