using System.Text;

namespace Sciatica.Rules.Tests.Serialization;

/// <summary>
/// The stream readers' size limit, at its edge: a document of exactly <see cref="SciaticaJson.MaximumDocumentBytes"/>
/// is read, one byte more is refused with a message naming the limit and the kind of document.
/// </summary>
public sealed class DocumentSizeLimitTests
{
    private const string Profile = """{"causes":["herniatedDisc"],"legPain":3,"backPain":2,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}""";

    private const string Feedback = ""","feedback":{"nextMorning":"same","newNumbness":false,"newWeakness":false,"newRedFlags":[]}}""";

    [Fact]
    public async Task ReadProfile_ExactlyTheLimit_Read()
    {
        var document = Padded(Profile, SciaticaJson.MaximumDocumentBytes);

        Assert.Equal(SciaticaJson.ReadProfile(Profile), SciaticaJson.ReadProfile(new MemoryStream(document)));
        Assert.Equal(SciaticaJson.ReadProfile(Profile), await SciaticaJson.ReadProfileAsync(new MemoryStream(document)));
    }

    [Fact]
    public async Task ReadProfile_OneByteOverTheLimit_RefusedNamingTheLimit()
    {
        var document = Padded(Profile, SciaticaJson.MaximumDocumentBytes + 1);

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(new MemoryStream(document)));
        var asyncError = await Assert.ThrowsAsync<SciaticaValidationException>(() => SciaticaJson.ReadProfileAsync(new MemoryStream(document)));

        const string expected = "$: is larger than 1048576 bytes, the largest profile document accepted.";
        Assert.Equal("profile", error.Subject);
        Assert.Equal(expected, Assert.Single(error.Problems).ToString());
        Assert.Equal(expected, Assert.Single(asyncError.Problems).ToString());
    }

    [Fact]
    public async Task ReadReviewRequest_AtAndOverTheLimit_ReadThenRefusedAsAReviewRequest()
    {
        var json = "{\"profile\":" + Profile + Feedback;
        var atLimit = Padded(json, SciaticaJson.MaximumDocumentBytes);
        var over = Padded(json, SciaticaJson.MaximumDocumentBytes + 1);

        Assert.Equal(SciaticaJson.ReadReviewRequest(json), SciaticaJson.ReadReviewRequest(new MemoryStream(atLimit)));
        Assert.Equal(SciaticaJson.ReadReviewRequest(json), await SciaticaJson.ReadReviewRequestAsync(new MemoryStream(atLimit)));
        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadReviewRequest(new MemoryStream(over)));
        var asyncError = await Assert.ThrowsAsync<SciaticaValidationException>(() => SciaticaJson.ReadReviewRequestAsync(new MemoryStream(over)));

        const string expected = "$: is larger than 1048576 bytes, the largest review request document accepted.";
        Assert.Equal("review request", error.Subject);
        Assert.Equal(expected, Assert.Single(error.Problems).ToString());
        Assert.Equal(expected, Assert.Single(asyncError.Problems).ToString());
    }

    [Fact]
    public void ReadProfile_StreamOfManySmallReads_ReadWhole()
    {
        // More than one 80 KiB chunk, handed out a few bytes at a time: every chunk is kept, in order.
        var document = Padded(Profile, 200_000);

        Assert.Equal(SciaticaJson.ReadProfile(Profile), SciaticaJson.ReadProfile(new TrickleStream(document, 1000)));
    }

    /// <summary>The document with spaces after its opening brace, to exactly <paramref name="length"/> bytes.</summary>
    private static byte[] Padded(string json, int length)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        return [(byte)'{', .. Enumerable.Repeat((byte)' ', length - bytes.Length), .. bytes[1..]];
    }

    /// <summary>Hands out at most a few bytes per synchronous read.</summary>
    private sealed class TrickleStream(byte[] bytes, int most) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, most));
    }
}
