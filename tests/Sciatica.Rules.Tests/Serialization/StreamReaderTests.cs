using System.Text;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Tests.Serialization;

/// <summary>Reading documents from streams, synchronously and (for request bodies that refuse synchronous reads) asynchronously.</summary>
public sealed class StreamReaderTests
{
    private const string Profile = """{"causes":["herniatedDisc"],"legPain":3,"backPain":2,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}""";

    [Fact]
    public async Task ReadProfileAsync_StreamThatRefusesSynchronousReads_Reads()
    {
        var profile = await SciaticaJson.ReadProfileAsync(new AsyncOnlyStream(Encoding.UTF8.GetBytes(Profile)));

        Assert.Equal(SciaticaJson.ReadProfile(Profile), profile);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Profile));
        Assert.Equal(profile, SciaticaJson.ReadProfile(stream));
    }

    [Fact]
    public async Task LoadAsync_StreamThatRefusesSynchronousReads_LoadsTheCatalog()
    {
        var document = Encoding.UTF8.GetBytes(CatalogLoader.Write(ExerciseCatalog.Default, RuleSet.Default));

        var engine = await CatalogLoader.LoadAsync(new AsyncOnlyStream(document));

        Assert.Equal(ProgramSelector.Default.RuleSetVersion, engine.RuleSetVersion);
    }

    [Fact]
    public async Task ReadReviewRequestAsync_Reads()
    {
        var json = "{\"profile\":" + Profile + ",\"feedback\":{\"nextMorning\":\"same\",\"newNumbness\":false,\"newWeakness\":false,\"newRedFlags\":[]}}";

        var request = await SciaticaJson.ReadReviewRequestAsync(new AsyncOnlyStream(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(NextMorningChange.Same, request.Feedback.NextMorning);
    }

    [Fact]
    public async Task ReadProfileAsync_Cancelled_ThrowsOperationCanceled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SciaticaJson.ReadProfileAsync(new AsyncOnlyStream(Encoding.UTF8.GetBytes(Profile)), cancelled.Token));
    }

    [Fact]
    public async Task ReadProfileAsync_LargerThanTheLimit_RefusedBeforeReadingItAll()
    {
        var huge = new AsyncOnlyStream(new byte[SciaticaJson.MaximumDocumentBytes + 200_000]);

        var error = await Assert.ThrowsAsync<SciaticaValidationException>(() => SciaticaJson.ReadProfileAsync(huge));

        Assert.Contains("larger than", Assert.Single(error.Problems).Message, StringComparison.Ordinal);
        Assert.True(huge.Position < huge.Length, "the reader stopped at the limit");
    }

    /// <summary>Like an ASP.NET Core request body: synchronous reads throw.</summary>
    private sealed class AsyncOnlyStream(byte[] content) : Stream
    {
        private int position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => content.Length;

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(buffer.Length, content.Length - position);
            content.AsSpan(position, count).CopyTo(buffer.Span);
            position += count;
            return ValueTask.FromResult(count);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
