using System.Diagnostics;
using System.Net.Http.Headers;

namespace Sciatica.Rules.LoadTest;

/// <summary>What one load run saw.</summary>
/// <param name="Requests">Requests sent.</param>
/// <param name="Elapsed">Wall-clock time of the run.</param>
/// <param name="StatusCounts">Responses by HTTP status.</param>
/// <param name="Unexpected">Responses whose status differed from the one planned for the body, by "kind: expected -> got".</param>
/// <param name="TransportFailures">Requests that got no HTTP response at all, by body kind.</param>
/// <param name="LargestResponseBytes">The largest refusal (4xx) body seen: a report of problems must stay bounded whatever the input; a valid answer, such as a handout, is as large as its content.</param>
/// <param name="LatencyP50">Median request latency.</param>
/// <param name="LatencyP99">99th percentile request latency.</param>
/// <param name="LatencyMax">Slowest request.</param>
public sealed record LoadReport(
    int Requests,
    TimeSpan Elapsed,
    IReadOnlyDictionary<int, int> StatusCounts,
    IReadOnlyDictionary<string, int> Unexpected,
    IReadOnlyDictionary<string, int> TransportFailures,
    long LargestResponseBytes,
    TimeSpan LatencyP50,
    TimeSpan LatencyP99,
    TimeSpan LatencyMax)
{
    /// <summary>Requests per second over the run.</summary>
    public double Throughput => Requests / Elapsed.TotalSeconds;
}

/// <summary>Sends a planned request mix from a number of concurrent clients over keep-alive connections.</summary>
public static class LoadGenerator
{
    /// <summary>Runs the mix against <paramref name="baseAddress"/>: <paramref name="clients"/> clients take requests from one queue until it is empty.</summary>
    public static async Task<LoadReport> RunAsync(Uri baseAddress, IReadOnlyList<PlannedRequest> requests, int clients, CancellationToken cancel = default)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var statuses = new int[600];
        var latencies = new long[requests.Count];
        var unexpected = new Dictionary<string, int>();
        var transport = new Dictionary<string, int>();
        long largest = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();

        async Task Client()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < requests.Count)
            {
                var planned = requests[index];
                if (planned.Raw is { } raw)
                {
                    await SendRaw(planned, raw, index).ConfigureAwait(false);
                    continue;
                }

                using var content = new ByteArrayContent(planned.Body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.PostAsync(planned.Path, content, cancel).ConfigureAwait(false);
                    var answer = await response.Content.ReadAsByteArrayAsync(cancel).ConfigureAwait(false);
                    latencies[index] = Stopwatch.GetTimestamp() - started;
                    var status = (int)response.StatusCode;
                    Interlocked.Increment(ref statuses[status]);
                    if (status >= 400)
                    {
                        InterlockedMax(ref largest, answer.Length);
                    }
                    if (status != planned.Expected)
                    {
                        Count(unexpected, $"{planned.Kind}: {planned.Expected} -> {status}");
                    }
                }
                catch (HttpRequestException)
                {
                    latencies[index] = Stopwatch.GetTimestamp() - started;
                    Count(transport, planned.Kind);
                }
            }
        }

        async Task SendRaw(PlannedRequest planned, RawRequest raw, int index)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                var (status, closed, followUp, length) = await raw.SendAsync(baseAddress, cancel).ConfigureAwait(false);
                latencies[index] = Stopwatch.GetTimestamp() - started;
                Interlocked.Increment(ref statuses[Math.Clamp(status, 0, statuses.Length - 1)]);
                if (status >= 400)
                {
                    InterlockedMax(ref largest, length);
                }
                if (status != planned.Expected)
                {
                    Count(unexpected, $"{raw.Kind}: {planned.Expected} -> {status}");
                }
                else if (!closed && followUp != 200)
                {
                    Count(unexpected, $"{raw.Kind}: next request on the connection -> {followUp?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no answer"}");
                }
            }
            catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or FormatException or IndexOutOfRangeException)
            {
                latencies[index] = Stopwatch.GetTimestamp() - started;
                Count(transport, raw.Kind);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(Client, cancel))).ConfigureAwait(false);
        clock.Stop();

        Array.Sort(latencies);
        TimeSpan At(double quantile) => Stopwatch.GetElapsedTime(0, latencies[Math.Min(latencies.Length - 1, (int)(quantile * latencies.Length))]);
        var counts = Enumerable.Range(0, statuses.Length).Where(s => statuses[s] > 0).ToDictionary(s => s, s => statuses[s]);
        return new LoadReport(requests.Count, clock.Elapsed, counts, unexpected, transport, largest, At(0.50), At(0.99), Stopwatch.GetElapsedTime(0, latencies[^1]));
    }

    private static void Count(Dictionary<string, int> counts, string key)
    {
        lock (counts)
        {
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
