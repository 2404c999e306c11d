using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Sciatica.Rules.LoadTest;

/// <summary>
/// A request sent as raw bytes over its own connection, for what an HTTP client library will not send: broken chunked
/// framing, a body left unread by an early answer. After the answer, a valid request follows on the same connection
/// unless the server said <c>Connection: close</c>; it must be answered 200.
/// </summary>
/// <param name="Kind">The class of request, for the report.</param>
/// <param name="Bytes">The whole request: request line, headers and body as sent.</param>
/// <param name="Expected">The one status a correct server answers.</param>
public sealed record RawRequest(string Kind, byte[] Bytes, int Expected)
{
    private const string ValidProfile = """{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}""";

    /// <summary>The hostile framings and early answers of issue #27, each with its planned status.</summary>
    public static IReadOnlyList<RawRequest> Cases { get; } =
    [
        new("chunk size overflow", Chunked("/api/decisions", "FFFFFFFFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n"), 400),
        new("chunk size not hex", Chunked("/api/reviews", "zz\r\n{}\r\n0\r\n\r\n"), 400),
        new("chunk size line too long", Chunked("/handout", "1" + new string(' ', 70_000) + "\r\n{\r\n0\r\n\r\n"), 400),
        new("chunk without its CRLF", Chunked("/api/decisions", "2\r\n{}XX0\r\n\r\n"), 400),
        new("empty array body", Post("/api/decisions", "[]"), 400),
        new("empty array review", Post("/api/reviews", "[]"), 400),
        new("empty array handout", Post("/handout", "[]"), 400),
        new("empty array handout review", Post("/handout/review", "[]"), 400),
        new("early 400 over 64 KiB", Post("/handout?lang=fr", new string(' ', 70_000) + ValidProfile), 400),
        new("early 400 chunked", Chunked("/handout/review?lang=xx", Chunk(new string(' ', 70_000)) + "0\r\n\r\n"), 400),
        new("early 415 with body", Post("/api/decisions", new string(' ', 20_000) + ValidProfile, "text/plain"), 415),
        new("early 400 small body", Post("/handout?lang=fr", ValidProfile), 400),
    ];

    /// <summary>The follow-up request: a valid profile.</summary>
    public static byte[] FollowUp { get; } = Post("/api/decisions", ValidProfile);

    /// <summary>Sends the request on a new connection; then, unless the answer closes it, the follow-up on the same one.</summary>
    /// <returns>The status, whether the answer closed the connection, the follow-up's status (or null when closed), and the answer's size.</returns>
    public async Task<(int Status, bool Closed, int? FollowUpStatus, int Length)> SendAsync(Uri address, CancellationToken cancel = default)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port, cancel).ConfigureAwait(false);
        var stream = client.GetStream();
        var reader = new ResponseReader(stream);
        try
        {
            await stream.WriteAsync(Bytes, cancel).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The server may answer and close before the whole request is sent: read its answer below.
        }

        var (status, closed, length) = await reader.ReadAsync(cancel).ConfigureAwait(false);
        if (closed)
        {
            return (status, true, null, length);
        }

        await stream.WriteAsync(FollowUp, cancel).ConfigureAwait(false);
        var (next, _, _) = await reader.ReadAsync(cancel).ConfigureAwait(false);
        return (status, false, next, length);
    }

    private static byte[] Post(string path, string body, string contentType = "application/json") =>
        Encoding.UTF8.GetBytes($"POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: {contentType}\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}");

    private static byte[] Chunked(string path, string framedBody) =>
        Encoding.UTF8.GetBytes($"POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n{framedBody}");

    private static string Chunk(string data) => data.Length.ToString("X", CultureInfo.InvariantCulture) + "\r\n" + data + "\r\n";

    /// <summary>Reads HTTP/1.1 responses from a connection: status line, headers, and a Content-Length or chunked body.</summary>
    private sealed class ResponseReader(Stream stream)
    {
        private readonly byte[] buffer = new byte[16384];
        private readonly MemoryStream pending = new();

        public async Task<(int Status, bool Closed, int Length)> ReadAsync(CancellationToken cancel)
        {
            var head = await ReadLineBlockAsync(cancel).ConfigureAwait(false);
            if (head is null)
            {
                return (0, true, 0);
            }

            var lines = head.Split("\r\n");
            var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
            string? Header(string name) => lines.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase)).Select(p => p[1].Trim()).FirstOrDefault();
            var closed = Header("Connection")?.Contains("close", StringComparison.OrdinalIgnoreCase) == true;
            var length = 0;
            if (Header("Content-Length") is { } contentLength)
            {
                length = int.Parse(contentLength, CultureInfo.InvariantCulture);
                await TakeAsync(length, cancel).ConfigureAwait(false);
            }
            else if (Header("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
            {
                while (await ReadLineAsync(cancel).ConfigureAwait(false) is { } size && int.Parse(size.Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture) is var n and > 0)
                {
                    length += n;
                    await TakeAsync(n + 2, cancel).ConfigureAwait(false);
                }

                await ReadLineAsync(cancel).ConfigureAwait(false);
            }

            return (status, closed, length);
        }

        private async Task<string?> ReadLineBlockAsync(CancellationToken cancel)
        {
            var text = new StringBuilder();
            while (await ReadLineAsync(cancel).ConfigureAwait(false) is { Length: > 0 } line)
            {
                text.Append(line).Append("\r\n");
            }

            return text.Length == 0 ? null : text.ToString();
        }

        private async Task<string?> ReadLineAsync(CancellationToken cancel)
        {
            while (true)
            {
                var bytes = pending.GetBuffer().AsSpan(0, (int)pending.Length);
                var end = bytes.IndexOf("\r\n"u8);
                if (end >= 0)
                {
                    var line = Encoding.ASCII.GetString(bytes[..end]);
                    Consume(end + 2);
                    return line;
                }

                if (!await FillAsync(cancel).ConfigureAwait(false))
                {
                    return null;
                }
            }
        }

        private async Task TakeAsync(int count, CancellationToken cancel)
        {
            while (pending.Length < count && await FillAsync(cancel).ConfigureAwait(false))
            {
            }

            Consume((int)Math.Min(count, pending.Length));
        }

        private async Task<bool> FillAsync(CancellationToken cancel)
        {
            int read;
            try
            {
                read = await stream.ReadAsync(buffer, cancel).ConfigureAwait(false);
            }
            catch (IOException)
            {
                return false;
            }

            pending.Write(buffer, 0, read);
            return read > 0;
        }

        private void Consume(int count)
        {
            var rest = pending.GetBuffer().AsSpan(count, (int)pending.Length - count).ToArray();
            pending.SetLength(0);
            pending.Write(rest);
        }
    }
}
