using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Sciatica.Rules.Tests.Serialization;

/// <summary>
/// What a stream's reader is told about a bad line, word for word: the empty line, the line one byte too long (and the
/// longest line that is still read), the error line's JSON with its screening notice, and text that UTF-8 cannot hold.
/// </summary>
public sealed class NdjsonProblemTests
{
    private const string Valid = """{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}""";

    private const string EmptyLine = "$: the line is empty; each line must hold one profile object.";

    private static readonly string TooLongLine = $"$: the line is longer than {SciaticaNdjson.MaximumLineBytes} bytes; each line must hold one profile object.";

    public static TheoryData<string> BlankLines => new() { "", " ", "\t \t", "\r", " \r", "\uFEFF", "\uFEFF \t", "\uFEFF\r" };

    [Theory]
    [MemberData(nameof(BlankLines))]
    public void ReadProfileLine_Blank_SaysTheLineIsEmpty(string text)
    {
        var line = SciaticaNdjson.ReadProfileLine(3, Encoding.UTF8.GetBytes(text));

        Assert.Equal(3, line.LineNumber);
        Assert.Null(line.Value);
        Assert.Equal("profile", line.Error?.Subject);
        Assert.Equal(EmptyLine, Assert.Single(line.Error!.Problems).ToString());
    }

    [Fact]
    public void ReadProfileLine_CarriageReturnAtTheEnd_Dropped()
    {
        var line = SciaticaNdjson.ReadProfileLine(1, Encoding.UTF8.GetBytes(Valid + "\r"));

        Assert.True(line.IsValid, line.Error?.Message);
        Assert.Equal(SciaticaJson.ReadProfile(Valid), line.Value);
    }

    [Fact]
    public void ReadProfileLine_TwoByteOrderMarks_NotEmptyButInvalid()
    {
        var line = SciaticaNdjson.ReadProfileLine(1, Encoding.UTF8.GetBytes("\uFEFF\uFEFF"));

        Assert.False(line.IsValid);
        Assert.NotEqual(EmptyLine, line.Error!.Problems[0].ToString());
    }

    [Fact]
    public void ReadProfileLine_LongestLine_ReadAndOneByteMore_TooLong()
    {
        var longest = Padded(SciaticaNdjson.MaximumLineBytes);

        var read = SciaticaNdjson.ReadProfileLine(1, longest);
        var tooLong = SciaticaNdjson.ReadProfileLine(2, Padded(SciaticaNdjson.MaximumLineBytes + 1));

        Assert.True(read.IsValid, read.Error?.Message);
        Assert.Equal(2, tooLong.LineNumber);
        Assert.Equal(TooLongLine, Assert.Single(tooLong.Error!.Problems).ToString());
        Assert.Equal("profile", tooLong.Error.Subject);
    }

    [Fact]
    public async Task ReadProfilesAsync_LongestLineRead_OneByteMoreTooLong_AndTheNextLineReadAfterIt()
    {
        byte[] input =
        [
            .. Padded(SciaticaNdjson.MaximumLineBytes), .. "\n"u8,
            .. Padded(SciaticaNdjson.MaximumLineBytes + 1), .. "\n"u8,
            .. Encoding.UTF8.GetBytes(Valid), .. "\n"u8,
            .. Padded(SciaticaNdjson.MaximumLineBytes + 1),
        ];

        var lines = await ReadAll(new MemoryStream(input));

        Assert.Equal([1, 2, 3, 4], lines.Select(l => l.LineNumber));
        Assert.True(lines[0].IsValid, lines[0].Error?.Message);
        Assert.Equal(TooLongLine, Assert.Single(lines[1].Error!.Problems).ToString());
        Assert.Equal(SciaticaJson.ReadProfile(Valid), lines[2].Value);
        Assert.Equal(TooLongLine, Assert.Single(lines[3].Error!.Problems).ToString());
    }

    [Fact]
    public async Task ReadProfilesAsync_EmptyStreamAndEndingNewline_NoLineAfterTheLast()
    {
        Assert.Empty(await ReadAll(new MemoryStream([])));

        var lines = await ReadAll(new MemoryStream(Encoding.UTF8.GetBytes(Valid + "\n\n")));

        Assert.Equal(2, lines.Length);
        Assert.True(lines[0].IsValid);
        Assert.Equal(EmptyLine, Assert.Single(lines[1].Error!.Problems).ToString());
    }

    [Fact]
    public void WriteLine_EmptyLine_WritesLineAndErrorOnly()
    {
        var output = new ArrayBufferWriter<byte>();

        SciaticaNdjson.WriteLine(SciaticaNdjson.SelectLine(ProgramSelector.Default, SciaticaNdjson.ReadProfileLine(7, "  "u8.ToArray())), output);

        Assert.Equal("{\"line\":7,\"error\":\"" + EmptyLine + "\"}\n", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void WriteLine_NeitherValueNorError_SaysTheLineIsInvalid()
    {
        var output = new ArrayBufferWriter<byte>();

        SciaticaNdjson.WriteLine(new NdjsonLine<ProgramDecision>(4, null, null), output);

        Assert.Equal("{\"line\":4,\"error\":\"$: the line is invalid.\"}\n", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void WriteLine_SeveralProblems_JoinedWithSemicolons()
    {
        var output = new ArrayBufferWriter<byte>();
        var error = new SciaticaValidationException("profile", [new ValidationProblem("$.legPain", "is 11.", 2), new ValidationProblem("$.backPain", "is 12.")]);

        SciaticaNdjson.WriteLine(new NdjsonLine<ProgramDecision>(9, null, error), output);

        Assert.Equal("{\"line\":9,\"error\":\"$.legPain (line 2): is 11.; $.backPain: is 12.\"}\n", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void WriteLine_RefusedLineWithAnEmergencySign_CarriesTheScreeningNotice()
    {
        const string broken = """{"causes":["herniatedDisc"],,"legPain":5,"redFlags":["bladderDysfunction"]}""";
        var line = SciaticaNdjson.SelectLine(ProgramSelector.Default, SciaticaNdjson.ReadProfileLine(2, Encoding.UTF8.GetBytes(broken)));
        var output = new ArrayBufferWriter<byte>();

        SciaticaNdjson.WriteLine(line, output);

        var text = Encoding.UTF8.GetString(output.WrittenSpan);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(text);
        Assert.Equal(2, document.RootElement.GetProperty("line").GetInt32());
        Assert.Contains("not valid JSON", document.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(SciaticaJson.WriteScreening(line.Error!.Screening!), document.RootElement.GetProperty("screening").GetRawText());
        Assert.Equal("emergency", document.RootElement.GetProperty("screening").GetProperty("decision").GetString());
    }

    [Fact]
    public void WriteLine_RefusedLineWithoutRedFlags_HasNoScreening()
    {
        var output = new ArrayBufferWriter<byte>();

        SciaticaNdjson.WriteLine(SciaticaNdjson.SelectLine(ProgramSelector.Default, SciaticaNdjson.ReadProfileLine(1, "{}"u8.ToArray())), output);

        using var document = JsonDocument.Parse(output.WrittenMemory);
        Assert.False(document.RootElement.TryGetProperty("screening", out _));
    }

    [Fact]
    public void WriteLine_LoneSurrogatesInAMessage_ReplacedAndPairsKept()
    {
        var output = new ArrayBufferWriter<byte>();
        var message = "\udc00a\ud800b\ud83d\ude00c\udc00\ud83d\ude00\ud800";
        var error = new SciaticaValidationException("profile", [new ValidationProblem("$", message)]);

        SciaticaNdjson.WriteLine(new NdjsonLine<ProgramDecision>(1, null, error), output);

        using var document = JsonDocument.Parse(output.WrittenMemory);
        Assert.Equal("$: \uFFFDa\uFFFDb\ud83d\ude00c\uFFFD\ud83d\ude00\uFFFD", document.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public void ReadProfileLine_BrokenLineEndingInCarriageReturn_SameProblemAsWithoutIt()
    {
        // A CRLF file's line is told the same place as the LF file's line, not a position one past the CR.
        const string broken = """{"causes":["herniatedDisc"],"legPain":5""";

        var lf = SciaticaNdjson.ReadProfileLine(1, Encoding.UTF8.GetBytes(broken));
        var crlf = SciaticaNdjson.ReadProfileLine(1, Encoding.UTF8.GetBytes(broken + "\r"));

        Assert.Contains("not valid JSON", lf.Error!.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal(lf.Error.Problems, crlf.Error!.Problems);
    }

    [Fact]
    public async Task ReadProfilesAsync_HugeLine_NotKeptInMemory()
    {
        var input = new byte[16 * SciaticaNdjson.MaximumLineBytes];
        input.AsSpan().Fill((byte)' ');
        input[^1] = (byte)'\n';
        var stream = new MemoryStream(input);

        // A memory stream completes every read at once, so the whole read runs on this thread, synchronously.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var reading = ReadAll(stream);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(reading.IsCompleted);
        var lines = await reading;

        Assert.Equal(TooLongLine, Assert.Single(Assert.Single(lines).Error!.Problems).ToString());
        Assert.True(allocated < 4 * SciaticaNdjson.MaximumLineBytes, $"{allocated} bytes allocated for a line of {input.Length} bytes");
    }

    [Fact]
    public void SelectLine_OverrideTheCatalogCannotApply_AnErrorLineNotAnException()
    {
        var json = Valid[..^1] + ""","clinicianOverrides":[{"exerciseId":"no-such-exercise","ruleId":"disc-avoid-rotation","reason":"seen"}]}""";
        var profile = SciaticaNdjson.ReadProfileLine(5, Encoding.UTF8.GetBytes(json));
        Assert.True(profile.IsValid, profile.Error?.Message);

        var line = ProgramSelector.Default.SelectLine(profile);

        Assert.Equal(5, line.LineNumber);
        Assert.Null(line.Value);
        Assert.Equal("$.clinicianOverrides[0].exerciseId", Assert.Single(line.Error!.Problems).Path);
    }

    [Fact]
    public async Task NullArguments_RefusedNamingTheArgument()
    {
        var invalid = new NdjsonLine<PatientProfile>(1, null, new SciaticaValidationException("profile", [new ValidationProblem("$", "x")]));
        var invalidDecision = new NdjsonLine<ProgramDecision>(1, null, invalid.Error);
        var output = new ArrayBufferWriter<byte>();

        Assert.Throws<ArgumentNullException>("utf8Json", () => SciaticaNdjson.ReadProfilesAsync(null!));
        Assert.Throws<ArgumentNullException>("selector", () => SciaticaNdjson.SelectAllAsync(null!, Lines(invalid)));
        Assert.Throws<ArgumentNullException>("profiles", () => ProgramSelector.Default.SelectAllAsync(null!));
        Assert.Throws<ArgumentNullException>("selector", () => SciaticaNdjson.SelectLine(null!, invalid));
        Assert.Throws<ArgumentNullException>("profile", () => ProgramSelector.Default.SelectLine(null!));
        await Assert.ThrowsAsync<ArgumentNullException>("decisions", () => SciaticaNdjson.WriteDecisionsAsync(null!, new MemoryStream()));
        await Assert.ThrowsAsync<ArgumentNullException>("utf8Output", () => SciaticaNdjson.WriteDecisionsAsync(Lines(invalidDecision), null!));
        Assert.Throws<ArgumentNullException>("line", () => SciaticaNdjson.WriteLine(null!, output));
        Assert.Throws<ArgumentNullException>("output", () => SciaticaNdjson.WriteLine(invalidDecision, null!));
    }

    [Fact]
    public async Task WriteDecisionsAsync_ManyLines_EachWrittenOnceInOrderInLargeWritesThenFlushed()
    {
        // Far more than one 64 KiB chunk of output, so that the writer flushes several times.
        var input = new StringBuilder();
        for (var i = 0; i < 400; i++)
        {
            input.Append(i % 5 == 4 ? "{}" : Valid.Replace("\"legPain\":5", $"\"legPain\":{i % 10}", StringComparison.Ordinal)).Append('\n');
        }

        var output = new RecordingStream();
        var errors = await SciaticaNdjson.WriteDecisionsAsync(
            ProgramSelector.Default.SelectAllAsync(SciaticaNdjson.ReadProfilesAsync(new MemoryStream(Encoding.UTF8.GetBytes(input.ToString())))), output);

        // Output goes out in writes of 64 KiB or more (not one per line), and the stream is flushed after the last.
        Assert.Equal("flush", output.Events[^1]);
        Assert.InRange(output.Events.Count(e => e != "flush"), 2, (output.Length / (64 * 1024)) + 1);
        Assert.All(output.Events.Where(e => e != "flush").SkipLast(1), e => Assert.True(int.Parse(e, System.Globalization.CultureInfo.InvariantCulture) >= 64 * 1024, e));
        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n');
        Assert.True(output.Length > 3 * 64 * 1024, $"only {output.Length} bytes");
        Assert.Equal(80, errors);
        Assert.Equal(401, lines.Length);
        Assert.Equal(string.Empty, lines[400]);
        var profiles = input.ToString().Split('\n');
        for (var i = 0; i < 400; i++)
        {
            var expected = i % 5 == 4 ? null : SciaticaJson.WriteDecision(ProgramSelector.Default.Select(SciaticaJson.ReadProfile(profiles[i])));
            if (expected is null)
            {
                Assert.StartsWith($"{{\"line\":{i + 1},\"error\":", lines[i], StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(expected, lines[i]);
            }
        }
    }

    /// <summary>A valid profile line padded with spaces inside the object to exactly <paramref name="length"/> bytes.</summary>
    private static byte[] Padded(int length)
    {
        var bytes = Encoding.UTF8.GetBytes(Valid);
        return [.. bytes[..^1], .. Enumerable.Repeat((byte)' ', length - bytes.Length), (byte)'}'];
    }

    private static async IAsyncEnumerable<NdjsonLine<T>> Lines<T>(params NdjsonLine<T>[] lines)
        where T : class
    {
        foreach (var line in lines)
        {
            yield return line;
        }

        await Task.CompletedTask;
    }

    private static async Task<NdjsonLine<PatientProfile>[]> ReadAll(Stream input)
    {
        var lines = new List<NdjsonLine<PatientProfile>>();
        await foreach (var line in SciaticaNdjson.ReadProfilesAsync(input))
        {
            lines.Add(line);
        }

        return [.. lines];
    }

    /// <summary>A memory stream that records each write's length and each flush.</summary>
    private sealed class RecordingStream : MemoryStream
    {
        public List<string> Events { get; } = [];

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Events.Add(buffer.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return base.WriteAsync(buffer, cancellationToken);
        }

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            Events.Add("flush");
            return base.FlushAsync(cancellationToken);
        }
    }
}
