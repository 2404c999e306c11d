using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Sciatica.Rules.Tests.Properties;

namespace Sciatica.Rules.Tests.Serialization;

/// <summary>
/// The one profile reader, a forward pass over UTF-8: it reads every valid document to an equal profile, and what it
/// accepts of a mutated document is only a document that is valid JSON (one object, no property twice) and reads back
/// to the same profile; what it refuses it refuses with at least one problem.
/// </summary>
public sealed class ProfileReaderTests
{
    private static readonly string[] Replacements =
    [
        "0", "-1", "11", "121", "6.0", "1e1", "null", "true", "\"x\"", "[]", "{}", "\"herniatedDisc\"", "\"HerniatedDisc\"", "\"\\u0068erniatedDisc\"", "999999999999",
        // Numbers and literals JSON spells one way only, and lists that are nearly lists.
        "05", "-0", "00", "-", "5x", "5 x", "1234567890", "2147483648", "truex", "tru", "nulll", "False", " 5 ", "\t44\r\n",
        "[\"herniatedDisc\",]", "[,]", "[\"herniatedDisc\" \"l5\"]", "[\"herniatedDisc\"", "\"herniatedDisc\"]", "[\"herni\u00e9\"]", "[\"l5\",\"l5\"]",
    ];

    [SafetyProperty]
    public void ValidDocument_ReadToAnEqualProfile(Scenario s, bool indented)
    {
        var bytes = Encoding.UTF8.GetBytes(SciaticaJson.WriteProfile(s.Profile, indented));

        Assert.Equal(s.Profile, SciaticaJson.ReadProfile(bytes));
        // The text overload reads the same bytes.
        Assert.Equal(s.Profile, SciaticaJson.ReadProfile(Encoding.UTF8.GetString(bytes)));
    }

    [Theory]
    [InlineData("{\"causes\":[\"herniatedDisc\uD800\"],\"legPain\":5,\"backPain\":3,\"medicalClearance\":true,\"redFlags\":[],\"symptomsTolerateExercise\":true}")]
    [InlineData("{\"causes\":[\"herniatedDisc\"],\"legPain\":5,\"backPain\":3,\"medicalClearance\":true,\"redFlags\":[],\"symptomsTolerateExercise\":true}\uDC00")]
    public void Text_WithALoneSurrogate_Refused(string json)
    {
        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(json));
        Assert.NotEmpty(error.Problems);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 3000, QuietOnSuccess = true)]
    public Property MutatedDocument_AcceptedOnlyWhenValidJsonAndReadBackEqual() =>
        Prop.ForAll(
            (from s in Arbitraries.Scenario().Generator
             from kind in Gen.Frequency((3, Gen.Constant(2)), (4, Gen.Choose(0, 7)))
             from at in Gen.Choose(0, 10_000)
             from pick in Gen.Choose(0, Replacements.Length - 1)
             from b in Gen.Choose(0, 255)
             select Mutate(SciaticaJson.WriteProfile(s.Profile with { ClinicianOverrides = [] }), kind, at, Replacements[pick], (byte)b)).ToArbitrary(),
            bytes =>
            {
                PatientProfile read;
                try
                {
                    read = SciaticaJson.ReadProfile(bytes);
                }
                catch (SciaticaValidationException ex)
                {
                    Assert.NotEmpty(ex.Problems);
                    return;
                }

                // Accepted: one JSON object without a repeated property (the framework's strict parser agrees), and it reads back the same.
                var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
                using (var document = System.Text.Json.JsonDocument.Parse(bytes.AsMemory(start), new System.Text.Json.JsonDocumentOptions { AllowDuplicateProperties = false }))
                {
                    Assert.Equal(System.Text.Json.JsonValueKind.Object, document.RootElement.ValueKind);
                }

                Assert.Equal(read, SciaticaJson.ReadProfile(SciaticaJson.WriteProfile(read)));
            });

    [Theory]
    [InlineData("""{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true,"legPain":5}""")]
    [InlineData("""{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true} x""")]
    [InlineData("""{"causes":[],"legPain":5,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}""")]
    [InlineData("""{"causes":["herniatedDisc"],"legPain":5,"backPain":3}""")]
    [InlineData("""{"causes":["herniatedDisc"],"legPain":5.0,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}""")]
    public void Invalid_Refused(string json) =>
        Assert.NotEmpty(Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(Encoding.UTF8.GetBytes(json))).Problems);

    [Fact]
    public void ClinicianOverride_ReadWithItsText()
    {
        var profile = SciaticaJson.ReadProfile("""{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true,"clinicianOverrides":[{"exerciseId":"bridge","ruleId":"x","reason":"y \u00e9"}]}"""u8.ToArray());

        Assert.Equal(new ClinicianOverride { ExerciseId = "bridge", RuleId = "x", Reason = "y \u00e9" }, Assert.Single(profile.ClinicianOverrides));
    }

    [Fact]
    public void RedFlagsInsideAnyValue_ScreenTheRefusal()
    {
        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(
            """{"causes":["herniatedDisc"],"legPain":5,"backPain":"3","medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true,"x":{"y":[{"newRedFlags":["saddleAnesthesia"]}]}}"""u8.ToArray()));

        Assert.Equal(DecisionKind.Emergency, error.Screening?.Decision);
    }

    [Fact]
    public void RepeatedPropertyDeepInAnUnknownValue_NamedWithItsPath()
    {
        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(
            "{\"causes\":[\"herniatedDisc\"],\"x\":[1,{\"a\":1,\n\"a\":2}]}"u8.ToArray()));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.x[1].a", problem.Path);
        Assert.Equal(2, problem.LineNumber);
    }

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
