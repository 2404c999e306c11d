using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Sciatica.Rules.Tests.Serialization;

/// <summary>
/// The contract's encoder must write exactly what the relaxed encoder writes: it only skips building that encoder
/// for plain ASCII, so any difference is a bug in its idea of "plain".
/// </summary>
public sealed class ContractEncoderTests
{
    private static readonly JavaScriptEncoder Relaxed = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    [Fact]
    public void EveryUtf16CodeUnit_AtAnyPlaceInAVectorOrAfterIt_IsWrittenAsTheRelaxedEncoderWritesIt()
    {
        // Plain text scans 16 bytes (8 UTF-16 units) at a time, then one at a time: the unit is put at the start,
        // the end and the middle of a block, past the last whole block, and in a text too short for a block.
        (int Before, int After)[] places = [(0, 40), (7, 30), (8, 30), (15, 30), (16, 30), (21, 2), (31, 0), (1, 1)];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            foreach (var (before, after) in places)
            {
                var text = new string('a', before) + (char)c + new string('~', after);
                Assert.True(Write(text, Relaxed) == Write(text, ContractEncoder.Instance), $"U+{c:X4} after {before} plain characters is written differently.");
                Assert.True(WriteUtf8(text, Relaxed) == WriteUtf8(text, ContractEncoder.Instance), $"U+{c:X4} after {before} plain characters is written differently from UTF-8.");
            }
        }
    }

    [Fact]
    public void EveryScalarValue_IsEncodedAsTheRelaxedEncoderEncodesIt()
    {
        for (var scalar = 0; scalar <= 0x10FFFF; scalar++)
        {
            if (scalar is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            Assert.True(Relaxed.WillEncode(scalar) == ContractEncoder.Instance.WillEncode(scalar), $"WillEncode differs for U+{scalar:X4}.");
            if (scalar > 0xFFFF && scalar % 97 == 0)
            {
                var text = char.ConvertFromUtf32(scalar);
                Assert.True(Write(text, Relaxed) == Write(text, ContractEncoder.Instance), $"U+{scalar:X5} is written differently.");
            }
        }

        Assert.Equal(Relaxed.MaxOutputCharactersPerInputCharacter, ContractEncoder.Instance.MaxOutputCharactersPerInputCharacter);
    }

    [Property(MaxTest = 2000, QuietOnSuccess = true)]
    public Property AnyText_IsWrittenAsTheRelaxedEncoderWritesIt() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.Frequency(
                    (6, Gen.Choose(0x20, 0x7E)),
                    (2, Gen.Elements(0x00, 0x09, 0x0A, 0x1F, 0x22, 0x5C, 0x7F, 0x80, 0x85, 0xA0, 0xAD, 0xE9, 0x2028, 0x2029, 0xFEFF, 0xFFFD, 0xFFFF)),
                    (1, Gen.Choose(0x80, 0xFFFF)),
                    (1, Gen.Choose(0xD800, 0xDFFF))))
                .Select(units => new string([.. units.Select(u => (char)u)]))
                .ToArbitrary(),
            text =>
            {
                Assert.Equal(Write(text, Relaxed), Write(text, ContractEncoder.Instance));
                Assert.Equal(WriteUtf8(text, Relaxed), WriteUtf8(text, ContractEncoder.Instance));
                Assert.Equal(Relaxed.Encode(text), ContractEncoder.Instance.Encode(text));
            });

    [Fact]
    public void ADecisionOnTheDefaultCatalog_IsWrittenAsTheRelaxedEncoderWritesIt()
    {
        var decision = ProgramSelector.Default.Select(Profiles.With(Cause.HerniatedDisc));
        var options = new JsonSerializerOptions(ContractJsonContext.Default.Options) { Encoder = Relaxed };

        Assert.Equal(
            JsonSerializer.Serialize(decision, new ContractJsonContext(options).ProgramDecision),
            SciaticaJson.WriteDecision(decision));
    }

    /// <summary>A string written through Utf8JsonWriter with the encoder, as text; the writer's own error when it refuses the text.</summary>
    private static string Write(string text, JavaScriptEncoder encoder) => Written(encoder, writer => writer.WriteStringValue(text));

    /// <summary>The same, given to the writer as UTF-8 (lone surrogates become U+FFFD on the way).</summary>
    private static string WriteUtf8(string text, JavaScriptEncoder encoder) => Written(encoder, writer => writer.WriteStringValue(Encoding.UTF8.GetBytes(text)));

    private static string Written(JavaScriptEncoder encoder, Action<Utf8JsonWriter> write)
    {
        try
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = encoder }))
            {
                write(writer);
            }

            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        catch (ArgumentException ex)
        {
            return "refused: " + ex.GetType().Name;
        }
    }
}
