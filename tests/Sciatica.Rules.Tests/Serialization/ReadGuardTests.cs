using System.Text;

namespace Sciatica.Rules.Tests.Serialization;

/// <summary>
/// The last guard of a catalog read (<c>SciaticaJson.Guard</c>): whatever the framework throws while decoding or
/// converting input ends as a validation problem at <c>$</c> that says what kind of input it was; anything else (a
/// defect of the library) is not dressed up as bad input. No catalog found by the hostile-input tests reaches it
/// today, as the one-pass reader reports undecodable text itself, so it is pinned here directly.
/// </summary>
public sealed class ReadGuardTests
{
    public static TheoryData<Exception> Undecodable => new()
    {
        new InvalidOperationException("Cannot transcode."),
        new DecoderFallbackException("Unable to translate bytes."),
        new EncoderFallbackException("Unable to translate a character."),
    };

    [Theory]
    [MemberData(nameof(Undecodable))]
    public void Guard_TextThatCannotBeDecoded_OneProblemAtTheDocument(Exception thrown)
    {
        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.Guard<int>("catalog", () => throw thrown));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$", problem.Path);
        Assert.Equal("contains text that is not valid Unicode (for example an unpaired surrogate such as \\ud800), so it cannot be read.", problem.Message);
        Assert.Equal("catalog", error.Subject);
    }

    [Theory]
    [InlineData("argument")]
    [InlineData("format")]
    [InlineData("overflow")]
    public void Guard_ValueThatCannotBeConverted_ProblemQuotesTheReasonShortened(string kind)
    {
        var reason = "The value '" + new string('9', 120) + "' is too large.";
        Exception thrown = kind switch
        {
            "argument" => new ArgumentException(reason),
            "format" => new FormatException(reason),
            _ => new OverflowException(reason),
        };

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.Guard<int>("catalog", () => throw thrown));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$", problem.Path);
        Assert.Equal("holds a value that cannot be read (The value '" + ProblemList.Echo(new string('9', 120)) + "' is too large.), so it cannot be read.", problem.Message);
    }

    [Fact]
    public void Guard_ReadSucceeds_ItsValue()
    {
        Assert.Equal(42, SciaticaJson.Guard("catalog", () => 42));
    }

    [Fact]
    public void Guard_DefectOfTheLibrary_NotDressedUpAsBadInput()
    {
        Assert.Throws<KeyNotFoundException>(() => SciaticaJson.Guard<int>("catalog", () => throw new KeyNotFoundException()));
    }
}
