using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Sciatica.Rules.LoadTest;

namespace Sciatica.Rules.WebApi.Tests;

/// <summary>The web sample behind real Kestrel (not the in-memory test server): connections, slow bodies and concurrent hostile load.</summary>
public sealed class KestrelServer : WebApplicationFactory<Program>
{
    /// <summary>Starts Kestrel on a free local port.</summary>
    public KestrelServer()
    {
        UseKestrel(0);
        StartServer();
    }

    /// <summary>The address Kestrel listens on.</summary>
    public Uri Address => ClientOptions.BaseAddress;
}

public sealed class KestrelTests(KestrelServer server) : IClassFixture<KestrelServer>
{
    [Fact]
    public async Task Load_64ClientsMixedValidAndHostile_EveryResponseAsPlannedNoServerErrorNoDroppedConnection()
    {
        var requests = RequestMix.Plan(3_000, seed: 17);

        var report = await LoadGenerator.RunAsync(server.Address, requests, clients: 64);

        Assert.Empty(report.TransportFailures);
        Assert.Empty(report.Unexpected);
        Assert.DoesNotContain(report.StatusCounts.Keys, status => status >= 500);
        Assert.All(RequestMix.BodyKinds, kind => Assert.Contains(requests, r => r.Kind == kind));
        // Reports are capped at 100 problems of bounded length, so no answer to a 64 KiB body comes near its size times ten.
        Assert.InRange(report.LargestResponseBytes, 1, 64 * 1024);
    }

    [Fact]
    public async Task SlowBody_OneBytePerSecond_CutWith408OrClosedNever500()
    {
        var answer = await SendSlowly(bytesPerTick: 1, tick: TimeSpan.FromSeconds(1), stallAfter: int.MaxValue);

        AssertCutCleanly(answer);
    }

    [Fact]
    public async Task StalledBody_HalfSentThenSilent_CutWith408OrClosedNever500()
    {
        var answer = await SendSlowly(bytesPerTick: 40, tick: TimeSpan.FromMilliseconds(10), stallAfter: 2);

        AssertCutCleanly(answer);
    }

    private static void AssertCutCleanly(string answer)
    {
        // Either Kestrel's 408 (with our problem document or its own), or the connection closed without a response.
        if (answer.Length == 0)
        {
            return;
        }

        Assert.StartsWith("HTTP/1.1 408", answer, StringComparison.Ordinal);
        Assert.DoesNotContain(" 500 ", answer, StringComparison.Ordinal);
    }

    /// <summary>Sends a request whose 400-byte body arrives <paramref name="bytesPerTick"/> at a time, then returns whatever the server answered before closing.</summary>
    private async Task<string> SendSlowly(int bytesPerTick, TimeSpan tick, int stallAfter)
    {
        const int bodyLength = 400;
        using var client = new TcpClient();
        await client.ConnectAsync(server.Address.Host, server.Address.Port);
        var stream = client.GetStream();
        var head = $"POST /api/decisions HTTP/1.1\r\nHost: {server.Address.Authority}\r\nContent-Type: application/json\r\nContent-Length: {bodyLength}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        var received = new MemoryStream();
        var reading = ReadUntilClosed(stream, received);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            for (var sent = 0; sent < bodyLength && !reading.IsCompleted && !deadline.IsCancellationRequested; sent += bytesPerTick)
            {
                if (sent / bytesPerTick < stallAfter)
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(new string(' ', bytesPerTick)), deadline.Token);
                }

                await Task.Delay(tick, deadline.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
        {
            // The server cut the connection while we were still sending: what we want to see.
        }

        await reading.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(received.Length > 0 || reading.IsCompleted, "The server neither answered nor closed the connection.");
        return Encoding.ASCII.GetString(received.ToArray());
    }

    private static async Task ReadUntilClosed(NetworkStream stream, MemoryStream into)
    {
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                into.Write(buffer, 0, read);
            }
        }
        catch (IOException)
        {
            // Reset by the server: counts as closed.
        }
    }
}

/// <summary>Hostile framings and early answers (issue #27) replayed byte for byte on real Kestrel.</summary>
public sealed class KestrelFramingTests(KestrelServer server) : IClassFixture<KestrelServer>
{
    public static TheoryData<string> Kinds => [.. RawRequest.Cases.Select(c => c.Kind)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task RawRequest_HostileFramingOrEarlyAnswer_PlannedStatusAndTheConnectionStaysUsableOrIsClosed(string kind)
    {
        var request = RawRequest.Cases.Single(c => c.Kind == kind);

        var (status, closed, followUp, length) = await request.SendAsync(server.Address);

        Assert.Equal(request.Expected, status);
        Assert.True(length > 0, "no problem document");
        // Either the server said Connection: close, or the next request on the same connection is answered.
        Assert.True(closed || followUp == 200, $"the follow-up on the same connection got {followUp?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no answer"}");
    }
}
