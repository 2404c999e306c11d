using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Sciatica.Rules.Tests.Properties;

namespace Sciatica.Rules.Tests.Serialization;

/// <summary>
/// The fast profile reader (straight on Utf8JsonReader) may only accept what the strict reader accepts, with an
/// equal profile; it must accept plain valid documents (or it buys nothing); errors always come from the strict reader.
/// </summary>
public sealed class FastProfileReaderTests
{
    private static readonly string[] Replacements =
    [
        "0", "-1", "11", "121", "6.0", "1e1", "null", "true", "\"x\"", "[]", "{}", "\"herniatedDisc\"", "\"HerniatedDisc\"", "\"\\u0068erniatedDisc\"", "999999999999",
        // Numbers and literals JSON spells one way only, and lists that are nearly lists.
        "05", "-0", "00", "-", "5x", "5 x", "1234567890", "2147483648", "truex", "tru", "nulll", "False", " 5 ", "\t44\r\n",
        "[\"herniatedDisc\",]", "[,]", "[\"herniatedDisc\" \"l5\"]", "[\"herniatedDisc\"", "\"herniatedDisc\"]", "[\"herni\u00e9\"]", "[\"l5\",\"l5\"]",
    ];

    [SafetyProperty]
    public void ValidDocument_FastReaderAcceptsAndAgreesWithStrictReader(Scenario s, bool indented)
    {
        var profile = s.Profile with { ClinicianOverrides = [] };
        var bytes = Encoding.UTF8.GetBytes(SciaticaJson.WriteProfile(profile, indented));

        var fast = FastProfileReader.TryRead(bytes);

        Assert.NotNull(fast);
        Assert.Equal(SciaticaJson.ReadProfileStrictly(bytes), fast);
        Assert.Equal(profile, fast);
        // The text overload takes the same fast path.
        Assert.Equal(profile, SciaticaJson.ReadProfile(Encoding.UTF8.GetString(bytes)));
    }

    [Theory]
    [InlineData("{\"causes\":[\"herniatedDisc\uD800\"],\"legPain\":5,\"backPain\":3,\"medicalClearance\":true,\"redFlags\":[],\"symptomsTolerateExercise\":true}")]
    [InlineData("{\"causes\":[\"herniatedDisc\"],\"legPain\":5,\"backPain\":3,\"medicalClearance\":true,\"redFlags\":[],\"symptomsTolerateExercise\":true}\uDC00")]
    public void Text_WithALoneSurrogate_IsLeftToTheStrictReaderAndRefused(string json)
    {
        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(json));
        Assert.NotEmpty(error.Problems);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 3000, QuietOnSuccess = true)]
    public Property MutatedDocument_FastReaderNeverAcceptsWhatTheStrictReaderRefusesOrReadsItDifferently() =>
        Prop.ForAll(
            (from s in Arbitraries.Scenario().Generator
             from kind in Gen.Frequency((3, Gen.Constant(2)), (4, Gen.Choose(0, 7)))
             from at in Gen.Choose(0, 10_000)
             from pick in Gen.Choose(0, Replacements.Length - 1)
             from b in Gen.Choose(0, 255)
             select Mutate(SciaticaJson.WriteProfile(s.Profile with { ClinicianOverrides = [] }), kind, at, Replacements[pick], (byte)b)).ToArbitrary(),
            bytes =>
            {
                var fast = FastProfileReader.TryRead(bytes);
                if (fast is null)
                {
                    return;
                }

                var strict = SciaticaJson.ReadProfileStrictly(bytes); // throws (failing the property) when the strict reader refuses
                Assert.Equal(strict, fast);
            });

    [Theory]
    [InlineData("""{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true,"legPain":5}""")]
    [InlineData("""{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true} x""")]
    [InlineData("""{"causes":[],"legPain":5,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}""")]
    [InlineData("""{"causes":["herniatedDisc"],"legPain":5,"backPain":3}""")]
    [InlineData("""{"causes":["herniatedDisc"],"legPain":5.0,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}""")]
    [InlineData("""{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true,"clinicianOverrides":[{"exerciseId":"bridge","ruleId":"x","reason":"y"}]}""")]
    public void NotPlainlyValid_LeftToTheStrictReader(string json) =>
        Assert.Null(FastProfileReader.TryRead(Encoding.UTF8.GetBytes(json)));

    private static byte[] Mutate(string json, int kind, int at, string replacement, byte value)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var i = at % Math.Max(1, bytes.Length);
        switch (kind)
        {
            case 0: // one byte changed
                bytes[i] = value;
                return bytes;
            case 1: // cut short
                return bytes[..i];
            case 2: // the value of one property replaced
                var colons = Enumerable.Range(0, json.Length).Where(c => json[c] == ':').ToArray();
                var colon = colons[at % colons.Length];
                var end = json[colon + 1] == '[' ? json.IndexOf(']', colon) + 1 : json.IndexOfAny([',', '}'], colon);
                return Encoding.UTF8.GetBytes(json[..(colon + 1)] + replacement + json[end..]);
            case 3: // a property repeated
                return Encoding.UTF8.GetBytes(json.Insert(1, "\"legPain\":3,"));
            case 4: // an unknown property
                return Encoding.UTF8.GetBytes(json.Insert(1, "\"legpain\":3,"));
            case 5: // a byte inserted
                return [.. bytes[..i], value, .. bytes[i..]];
            case 6: // a byte removed
                return bytes.Length == 0 ? bytes : [.. bytes[..i], .. bytes[(i + 1)..]];
            default: // something after the document
                return [.. bytes, .. Encoding.UTF8.GetBytes(value % 2 == 0 ? " " : replacement)];
        }
    }
}
