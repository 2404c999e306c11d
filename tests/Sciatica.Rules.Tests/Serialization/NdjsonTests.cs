using System.Text;
using System.Text.Json;

namespace Sciatica.Rules.Tests.Serialization;

/// <summary>The streaming API: output line N answers input line N for any bytes, and cancellation leaves whole lines.</summary>
public sealed class NdjsonTests
{
    private const string Valid = """{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}""";

    [Fact]
    public async Task Stream_AnyBytes_OneAnswerPerLineInOrder()
    {
        byte[] input =
        [
            .. "\uFEFF"u8, .. Encoding.UTF8.GetBytes(Valid), .. "\r\n"u8,           // 1: BOM, CRLF
            .. "\n"u8,                                                              // 2: blank
            .. "{\"causes\":[\"herniatedDisc\"],\r\"legPain\":6,\"backPain\":3,\"medicalClearance\":true,\"redFlags\":[],\"symptomsTolerateExercise\":true}\n"u8, // 3: bare CR inside
            .. """{"causes":["\ud800"],"legPain":1}"""u8, .. "\n"u8,                // 4: lone surrogate escape
            .. """{"causes":["herniated"""u8, 0xFF, .. "Disc\"]}\n"u8,              // 5: invalid UTF-8
            .. Encoding.UTF8.GetBytes(new string(' ', SciaticaNdjson.MaximumLineBytes + 10)), .. "\n"u8, // 6: too long
            .. Encoding.UTF8.GetBytes(Valid),                                       // 7: no newline at the end
        ];

        var lines = await Run(new TrickleStream(input, 7));

        Assert.Equal(7, lines.Length);
        Assert.Equal("program", Decision(lines[0]));
        Assert.Equal(2, ErrorLine(lines[1]));
        Assert.Equal("program", Decision(lines[2]));
        Assert.Equal(4, ErrorLine(lines[3]));
        Assert.Equal(5, ErrorLine(lines[4]));
        Assert.Equal(6, ErrorLine(lines[5]));
        Assert.Contains("longer than", lines[5], StringComparison.Ordinal);
        Assert.Equal(SciaticaJson.WriteDecision(ProgramSelector.Default.Select(SciaticaJson.ReadProfile(Valid))), lines[6]);
    }

    [Fact]
    public async Task WriteDecisionsAsync_CountsErrors()
    {
        var input = new MemoryStream(Encoding.UTF8.GetBytes(Valid + "\n{}\n\n" + Valid + "\n"));
        var output = new MemoryStream();

        var errors = await SciaticaNdjson.WriteDecisionsAsync(ProgramSelector.Default.SelectAllAsync(SciaticaNdjson.ReadProfilesAsync(input)), output);

        Assert.Equal(2, errors);
        Assert.Equal(4, Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Cancelled_StopsWithOperationCanceledAndWritesOnlyWholeLines()
    {
        using var cancel = new CancellationTokenSource();
        var output = new MemoryStream();
        var endless = new EndlessStream(Encoding.UTF8.GetBytes(Valid + "\n"), afterLines: 5_000, cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            SciaticaNdjson.WriteDecisionsAsync(ProgramSelector.Default.SelectAllAsync(SciaticaNdjson.ReadProfilesAsync(endless, cancel.Token), cancel.Token), output, cancel.Token));

        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.True(text.Length == 0 || text.EndsWith('\n'), "a partial line was written");
    }

    private static async Task<string[]> Run(Stream input)
    {
        var output = new MemoryStream();
        await SciaticaNdjson.WriteDecisionsAsync(ProgramSelector.Default.SelectAllAsync(SciaticaNdjson.ReadProfilesAsync(input)), output);
        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        return text[..^1].Split('\n');
    }

    private static string? Decision(string line) => JsonDocument.Parse(line).RootElement.GetProperty("decision").GetString();

    private static int ErrorLine(string line)
    {
        using var document = JsonDocument.Parse(line);
        Assert.True(document.RootElement.TryGetProperty("error", out _), line);
        return document.RootElement.GetProperty("line").GetInt32();
    }

    /// <summary>Hands out a few bytes per read, so that lines straddle every read boundary.</summary>
    private sealed class TrickleStream(byte[] bytes, int most) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, most)], cancellationToken);
    }

    /// <summary>Repeats a line without end and cancels the run after a number of lines have been read.</summary>
    private sealed class EndlessStream(byte[] line, int afterLines, CancellationTokenSource cancel) : Stream
    {
        private long served;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            for (var i = 0; i < count; i++)
            {
                buffer[offset + i] = line[(int)(served++ % line.Length)];
            }

            if (served / line.Length >= afterLines)
            {
                cancel.Cancel();
            }

            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
