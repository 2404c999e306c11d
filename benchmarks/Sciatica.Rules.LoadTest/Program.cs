// Load test of the web sample: 64 concurrent clients send a seeded mix of valid and hostile bodies.
//
//   dotnet run -c Release --project benchmarks/Sciatica.Rules.LoadTest -- [--requests 20000] [--clients 64] [--seed 1] [--url http://host:port]
//
// Without --url it starts the web sample built beside it (same configuration) as its own process on a free
// local port, so the server's memory is measured apart from the load generator's. Exits 1 when any response
// differs from the status planned for its body, or any request got no response.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Sciatica.Rules.LoadTest;

var requests = Option("--requests", 20_000);
var clients = Option("--clients", 64);
var seed = Option("--seed", 1);
var url = OptionText("--url");

using var server = url is null ? StartServer(out url) : null;
var baseAddress = new Uri(url);
await WaitUntilUp(baseAddress);

var mix = RequestMix.Plan(requests, seed);
var rssBefore = Memory("VmRSS");
await LoadGenerator.RunAsync(baseAddress, RequestMix.Plan(2_000, seed + 1), clients); // warm-up, not reported
var report = await LoadGenerator.RunAsync(baseAddress, mix, clients);
var rssAfter = Memory("VmRSS");
var rssPeak = Memory("VmHWM");

Console.WriteLine(FormattableString.Invariant($"{report.Requests} requests, {clients} clients, seed {seed}: {report.Elapsed.TotalSeconds:F1} s, {report.Throughput:F0} requests/s"));
Console.WriteLine(FormattableString.Invariant($"latency p50 {report.LatencyP50.TotalMilliseconds:F1} ms, p99 {report.LatencyP99.TotalMilliseconds:F1} ms, max {report.LatencyMax.TotalMilliseconds:F1} ms"));
Console.WriteLine(FormattableString.Invariant($"largest refusal {report.LargestResponseBytes} bytes"));
Console.WriteLine("| status | responses |");
Console.WriteLine("|---|---|");
foreach (var (status, count) in report.StatusCounts.OrderBy(p => p.Key))
{
    Console.WriteLine(FormattableString.Invariant($"| {status} | {count} |"));
}

Console.WriteLine(FormattableString.Invariant($"bodies: {string.Join(", ", mix.GroupBy(r => r.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))}"));
if (server is not null)
{
    Console.WriteLine(FormattableString.Invariant($"server RSS: {rssBefore / 1024} MiB before, {rssAfter / 1024} MiB after, peak {rssPeak / 1024} MiB"));
}

foreach (var (what, count) in report.Unexpected.OrderBy(p => p.Key, StringComparer.Ordinal))
{
    Console.WriteLine(FormattableString.Invariant($"UNEXPECTED {what}: {count}"));
}

foreach (var (kind, count) in report.TransportFailures.OrderBy(p => p.Key, StringComparer.Ordinal))
{
    Console.WriteLine(FormattableString.Invariant($"NO RESPONSE {kind}: {count}"));
}

if (server is not null)
{
    server.Kill();
    await server.WaitForExitAsync();
}

return report.Unexpected.Count == 0 && report.TransportFailures.Count == 0 ? 0 : 1;

int Option(string name, int fallback) =>
    OptionText(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

string? OptionText(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

long Memory(string field)
{
    if (server is null || !File.Exists($"/proc/{server.Id}/status"))
    {
        return 0;
    }

    var line = File.ReadLines($"/proc/{server.Id}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
    return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}

static Process StartServer(out string url)
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Sciatica.Rules.sln")))
    {
        directory = directory.Parent;
    }

    var configuration = typeof(RequestMix).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
    var dll = Path.Combine(directory?.FullName ?? ".", "samples", "Sciatica.Rules.WebApi", "bin", configuration, "net10.0", "Sciatica.Rules.WebApi.dll");
    if (!File.Exists(dll))
    {
        throw new FileNotFoundException($"Build the web sample first ({dll} is missing).", dll);
    }

    using (var probe = new TcpListener(IPAddress.Loopback, 0))
    {
        probe.Start();
        url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}";
        probe.Stop();
    }

    var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    start.ArgumentList.Add(dll);
    start.ArgumentList.Add("--urls");
    start.ArgumentList.Add(url);
    start.Environment["Logging__LogLevel__Default"] = "Warning";
    start.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
    start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
    var process = Process.Start(start) ?? throw new InvalidOperationException("The web sample did not start.");
    process.OutputDataReceived += (_, _) => { };
    process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine($"server: {e.Data}"); } };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    return process;
}

static async Task WaitUntilUp(Uri baseAddress)
{
    using var http = new HttpClient { BaseAddress = baseAddress };
    for (var attempt = 0; ; attempt++)
    {
        try
        {
            using var response = await http.GetAsync("/api/rules");
            if (response.IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException) when (attempt < 100)
        {
        }

        await Task.Delay(100);
    }
}
