using System.Globalization;
using System.Text;

namespace Sciatica.Rules.LoadTest;

/// <summary>One request the load generator sends: where, what bytes, and the statuses a correct server may answer.</summary>
/// <param name="Kind">The class of body, for the report.</param>
/// <param name="Path">The endpoint.</param>
/// <param name="Body">The raw request body.</param>
/// <param name="Expected">The one status a correct server answers for this body.</param>
/// <param name="Raw">For framings an HTTP client will not send: the raw request, sent on its own connection.</param>
public sealed record PlannedRequest(string Kind, string Path, byte[] Body, int Expected, RawRequest? Raw = null);

/// <summary>
/// A seeded mix of valid and hostile request bodies: distinct valid profiles and review requests next to lone surrogates,
/// invalid UTF-8, deep nesting, oversized arrays, thousands of unknown properties, empty bodies, bodies over the size limit,
/// and raw requests with broken chunked framing or a body an early answer leaves unread (<see cref="RawRequest.Cases"/>).
/// Some of each go to the handout endpoints (/handout, /handout/review), which read bodies the same way. The same
/// seed gives the same requests.
/// </summary>
public static class RequestMix
{
    private static readonly string[] Causes = ["bulgingDisc", "herniatedDisc", "rupturedDisc", "spinalStenosis", "osteoarthritis", "spondylolisthesis", "osteoporosis", "poorPosture", "tightMuscles", "injury", "unknown"];
    private static readonly string[] Kinds = ["valid profile", "valid review", "invalid fields", "lone surrogate", "invalid utf-8", "deep nesting", "huge array", "unknown properties", "empty", "over size limit", "hostile framing"];

    /// <summary>The kinds of body in the mix, in report order.</summary>
    public static IReadOnlyList<string> BodyKinds => Kinds;

    /// <summary>Plans <paramref name="count"/> requests; about half are valid.</summary>
    public static IReadOnlyList<PlannedRequest> Plan(int count, int seed)
    {
        var random = new Random(seed);
        var requests = new PlannedRequest[count];
        for (var i = 0; i < count; i++)
        {
            var roll = random.Next(100);
            requests[i] = roll switch
            {
                < 40 => new("valid profile", i % 8 == 0 ? "/handout" : "/api/decisions", Encoding.UTF8.GetBytes(ValidProfile(random, i)), 200),
                < 50 => new("valid review", i % 8 == 0 ? "/handout/review" : "/api/reviews", Encoding.UTF8.GetBytes(ValidReview(random, i)), 200),
                < 58 => new("invalid fields", i % 4 == 0 ? "/handout" : "/api/decisions", """{"causes":["slippedDisc"],"legPain":11,"backPain":-1,"medicalClearance":"yes","redFlags":[],"symptomsTolerateExercise":true,"extra":1}"""u8.ToArray(), 400),
                < 66 => new("lone surrogate", "/api/decisions", Encoding.ASCII.GetBytes("{\"causes\":[\"\\ud800\"],\"\\udc00\":1,\"legPain\":1,\"backPain\":1,\"medicalClearance\":true,\"redFlags\":[],\"symptomsTolerateExercise\":true}"), 400),
                < 73 => new("invalid utf-8", (i % 4) switch { 0 => "/api/decisions", 1 => "/api/reviews", 2 => "/handout", _ => "/handout/review" }, [.. "{\"causes\":[\"herniated"u8, 0xFF, 0xED, 0xA0, 0x80, .. "Disc\"]}"u8], 400),
                < 78 => new("deep nesting", i % 2 == 0 ? "/handout/review" : "/api/decisions", Encoding.ASCII.GetBytes(new string('[', 10_000)), 400),
                < 84 => new("huge array", "/api/decisions", Encoding.ASCII.GetBytes("{\"causes\":[" + string.Join(',', Enumerable.Repeat("\"x\"", 15_000)) + "],\"legPain\":1,\"backPain\":1,\"medicalClearance\":true,\"redFlags\":[],\"symptomsTolerateExercise\":true}"), 400),
                < 90 => new("unknown properties", "/api/decisions", Encoding.ASCII.GetBytes("{" + string.Join(',', Enumerable.Range(0, 5_000).Select(n => $"\"u{n}\":0")) + "}"), 400),
                < 93 => new("empty", "/api/decisions", [], 400),
                < 95 => Framing(RawRequest.Cases[i % RawRequest.Cases.Count]),
                _ => new("over size limit", "/api/decisions", Encoding.ASCII.GetBytes(new string(' ', 100_000) + "{}"), 413),
            };
        }

        return requests;
    }

    private static PlannedRequest Framing(RawRequest raw) => new("hostile framing", raw.Kind, [], raw.Expected, raw);

    private static string ValidProfile(Random random, int salt)
    {
        var causes = Enumerable.Range(0, 1 + random.Next(2)).Select(_ => Causes[random.Next(Causes.Length)]).Distinct();
        return string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"causes":[{{string.Join(',', causes.Select(c => $"\"{c}\""))}}],"legPain":{{random.Next(11)}},"backPain":{{random.Next(11)}},"medicalClearance":{{(random.Next(10) > 0 ? "true" : "false")}},"redFlags":[],"symptomsTolerateExercise":true,"age":{{16 + (salt % 90)}},"symptomWeeks":{{random.Next(12)}},"poolAccess":{{(random.Next(2) == 0 ? "true" : "false")}}}""");
    }

    private static string ValidReview(Random random, int salt) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"profile":{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true,"age":{{16 + (salt % 90)}},"symptomWeeks":2},"feedback":{"exercises":[{"id":"knee-to-chest","painDuring":{{random.Next(11)}},"symptomChange":"centralized"}],"nextMorning":"same","newNumbness":false,"newWeakness":false,"newRedFlags":[]} }""");
}
