using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Sciatica.Rules.CdsHooks;
using Task = System.Threading.Tasks.Task;
using static Sciatica.Rules.WebApi.Tests.CdsHooks.CdsHooksHost;

namespace Sciatica.Rules.WebApi.Tests.CdsHooks;

/// <summary>Who may call: the CDS client's JWT (CDS Hooks 2.0 "Trusting CDS Clients"), CORS for the configured origins.</summary>
public sealed class CdsHooksSecurityTests(CdsHooksHost host) : IClassFixture<CdsHooksHost>
{
    private static JsonObject Body => Request(Intake(Disc));

    [Fact]
    public async Task ValidEhrToken_200()
    {
        using var client = host.CreateClient();

        using var response = await Send(client, host.EhrToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string> Refused => ["none", "forged", "expired", "wrong-audience", "five-hours", "no-iat", "future-iat", "not-jwt", "unknown-jku"];

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task BadToken_401WithProblem(string kind)
    {
        using var client = host.CreateClient();
        var token = kind switch
        {
            "none" => null,
            "forged" => ForgedToken(),
            "expired" => host.EhrToken(now: DateTimeOffset.UtcNow.AddMinutes(-10)),
            "wrong-audience" => host.EhrToken(audience: PublicBase + "/cds-services/another-service"),
            "five-hours" => host.EhrToken(lifetime: TimeSpan.FromHours(5)),
            "no-iat" => host.EhrToken(withIat: false),
            "future-iat" => host.EhrToken(now: DateTimeOffset.UtcNow.AddMinutes(3), lifetime: TimeSpan.FromMinutes(1)),
            "not-jwt" => "not.a.jwt",
            _ => host.SandboxToken(jku: "https://attacker.example/jwks.json"),
        };

        using var response = await Send(client, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplayedToken_SecondCallRefused()
    {
        using var client = host.CreateClient();
        var token = host.EhrToken();

        using var first = await Send(client, token);
        using var second = await Send(client, token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Contains("used before", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_NeedsAToken()
    {
        using var client = host.CreateClient();
        using var content = Json(JsonNode.Parse("""{"feedback":[{"card":"9368d37b-3fa6-4e42-9ec4-c61a1c1c1a0b","outcome":"accepted","outcomeTimestamp":"2026-12-05T10:00:00Z"}]}""")!);

        using var anonymous = await client.PostAsync(Service + "/feedback", content);
        using var request = new HttpRequestMessage(HttpMethod.Post, Service + "/feedback") { Content = Json(JsonNode.Parse("""{"feedback":[{"card":"9368d37b-3fa6-4e42-9ec4-c61a1c1c1a0b","outcome":"overridden","overrideReason":{"reason":{"code":"clinician-assessed","system":"http://sciatica-rules.org/fhir/CodeSystem/override-reason"},"userComment":"seen"},"outcomeTimestamp":"2026-12-05T10:00:00Z"}]}""")!) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.EhrToken(audience: PublicBase + Service + "/feedback"));
        using var signed = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
    }

    [Fact]
    public async Task DevelopmentMode_UnsignedCallsAnswered_ButASentTokenIsStillChecked()
    {
        using var development = host.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.PostConfigure<SciaticaCdsHooksOptions>(o => o.AllowUnauthenticatedCalls = true)));
        using var client = development.CreateClient();

        using var unsigned = await client.PostAsync(Service, Json(Body));
        using var forged = await Send(client, ForgedToken());

        Assert.Equal(HttpStatusCode.OK, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public void NoIssuersAndNotDevelopmentMode_TheServiceDoesNotStart()
    {
        using var open = host.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.PostConfigure<SciaticaCdsHooksOptions>(o => o.Issuers.Clear())));

        var error = Assert.ThrowsAny<Exception>(() => open.CreateClient());

        Assert.Contains("Issuers", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preflight_AllowedOrigin_AllowsPostWithAuthorization()
    {
        using var client = host.CreateClient();

        using var response = await Preflight(client, SandboxOrigin);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(SandboxOrigin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("POST", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);
        Assert.Contains("authorization", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preflight_OtherOrigin_NoCorsHeaders()
    {
        using var client = host.CreateClient();

        using var response = await Preflight(client, "https://attacker.example");

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    /// <summary>
    /// What the public CDS Hooks sandbox sends: a preflight, then the call from its origin with an ES384 token naming its
    /// key by kid and its key set by jku (fetched here from the stub), fhirServer, fhirAuthorization and the prefetch.
    /// </summary>
    [Fact]
    public async Task EndToEnd_AsThePublicSandboxCalls()
    {
        using var client = host.CreateClient();
        using var preflight = await Preflight(client, SandboxOrigin);
        var body = Request(Bundle(Intake(Disc)), fhirServer: "https://launch.smarthealthit.org/v/r4/fhir", hookInstance: Guid.NewGuid().ToString());
        body["fhirAuthorization"] = new JsonObject { ["access_token"] = "sandbox-access-token", ["token_type"] = "Bearer", ["expires_in"] = 3600, ["scope"] = "patient/*.read", ["subject"] = "cds-service" };
        using var request = new HttpRequestMessage(HttpMethod.Post, Service) { Content = Json(body) };
        request.Headers.Add("Origin", SandboxOrigin);
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.SandboxToken());

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SandboxOrigin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        var card = CdsHooksServiceTests.Card(await response.Content.ReadAsStringAsync());
        Assert.Equal("info", (string?)card["indicator"]);
        Assert.NotNull(card["suggestions"]);
    }

    private static async Task<HttpResponseMessage> Preflight(HttpClient client, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, Service);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Service) { Content = Json(Body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request);
    }
}
