using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Sciatica.Rules.CdsHooks;
using Sciatica.Rules.Fhir;
using Task = System.Threading.Tasks.Task;

namespace Sciatica.Rules.WebApi.Tests.CdsHooks;

/// <summary>
/// The web sample with the CDS Hooks service configured as an EHR integrator would: one CDS client whose keys are in
/// configuration (the "EHR"), one that publishes them as a JSON Web Key Set and names it with jku (as the public sandbox
/// does), and a stub FHIR server on real Kestrel that serves intakes, a slow answer and the key set.
/// </summary>
public sealed class CdsHooksHost : IAsyncLifetime
{
    public const string Service = "/cds-services/sciatica-exercise-program";
    public const string PublicBase = "https://cds.example.org";
    public const string Ehr = "https://ehr.example.org";
    public const string Sandbox = "https://sandbox.cds-hooks.org";
    public const string SandboxOrigin = "https://sandbox.cds-hooks.org";

    private readonly ECDsa ehrKey = ECDsa.Create(ECCurve.NamedCurves.nistP384);
    private readonly ECDsa sandboxKey = ECDsa.Create(ECCurve.NamedCurves.nistP384);
    private WebApplication? fhir;
    private WebApplicationFactory<Program>? factory;

    /// <summary>The intake bundle the stub FHIR server answers with, by patient id.</summary>
    public ConcurrentDictionary<string, string> FhirBundles { get; } = new();

    /// <summary>The Authorization headers the stub FHIR server received.</summary>
    public ConcurrentQueue<string> FhirAuthorizations { get; } = new();

    public string FhirBase { get; private set; } = string.Empty;

    public string JwksUrl => FhirBase.Replace("/fhir", "/jwks.json", StringComparison.Ordinal);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        fhir = builder.Build();
        fhir.MapGet("/fhir/QuestionnaireResponse", (HttpContext http, string patient) =>
        {
            FhirAuthorizations.Enqueue(http.Request.Headers.Authorization.ToString());
            return FhirBundles.TryGetValue(patient, out var bundle) ? Results.Text(bundle, "application/fhir+json") : Results.StatusCode(500);
        });
        fhir.MapGet("/slow/QuestionnaireResponse", async (CancellationToken cancel) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(20), cancel);
            return Results.Text("{}", "application/fhir+json");
        });
        fhir.MapGet("/jwks.json", () => Results.Text(KeySet(sandboxKey, "sandbox-key"), "application/json"));
        await fhir.StartAsync();
        FhirBase = fhir.Urls.First() + "/fhir";

        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.PostConfigure<SciaticaCdsHooksOptions>(options =>
            {
                options.PublicBaseUrl = new Uri(PublicBase);
                options.FetchTimeout = TimeSpan.FromSeconds(1);
                options.Issuers.Clear();
                options.Issuers.Add(new CdsClientIssuer { Issuer = Ehr, Jwks = KeySet(ehrKey, "ehr-key") });
                options.Issuers.Add(new CdsClientIssuer { Issuer = Sandbox, JwksUrl = new Uri(JwksUrl) });
                options.AllowedOrigins.Clear();
                options.AllowedOrigins.Add(SandboxOrigin);
            })));
    }

    public async Task DisposeAsync()
    {
        factory?.Dispose();
        if (fhir is not null)
        {
            await fhir.DisposeAsync();
        }

        ehrKey.Dispose();
        sandboxKey.Dispose();
    }

    public WebApplicationFactory<Program> Factory => factory!;

    public HttpClient CreateClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(PublicBase) });

    /// <summary>A token as the EHR signs it: ES384, kid, for the service's endpoint, valid for five minutes.</summary>
    public string EhrToken(string? audience = null, DateTimeOffset? now = null, TimeSpan? lifetime = null, string? jti = null, bool withIat = true) =>
        Token(ehrKey, "ehr-key", Ehr, audience ?? PublicBase + Service, now ?? DateTimeOffset.UtcNow, lifetime ?? TimeSpan.FromMinutes(5), jti ?? Guid.NewGuid().ToString(), jku: null, withIat);

    /// <summary>A token as the public sandbox signs it: ES384 with kid and jku naming its key set.</summary>
    public string SandboxToken(string? jku = null) =>
        Token(sandboxKey, "sandbox-key", Sandbox, PublicBase + Service, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5), Guid.NewGuid().ToString(), jku ?? JwksUrl, withIat: true);

    /// <summary>A token signed by a key nobody configured, claiming to be the EHR.</summary>
    public static string ForgedToken()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        return Token(key, "ehr-key", Ehr, PublicBase + Service, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5), Guid.NewGuid().ToString(), jku: null, withIat: true);
    }

    private static string Token(ECDsa key, string kid, string issuer, string audience, DateTimeOffset now, TimeSpan lifetime, string jti, string? jku, bool withIat)
    {
        var claims = new Dictionary<string, object> { ["jti"] = jti, ["sub"] = "client-id" };
        if (withIat)
        {
            claims["iat"] = now.ToUnixTimeSeconds();
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Expires = (now + lifetime).UtcDateTime,
            NotBefore = null,
            Claims = claims,
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = kid }, SecurityAlgorithms.EcdsaSha384),
            AdditionalHeaderClaims = jku is null ? null : new Dictionary<string, object> { ["jku"] = jku },
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private static string KeySet(ECDsa key, string kid)
    {
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(key) { KeyId = kid });
        return new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = jwk.Kty, ["crv"] = jwk.Crv, ["x"] = jwk.X, ["y"] = jwk.Y, ["kid"] = kid, ["alg"] = "ES384", ["use"] = "sig",
            }),
        }.ToJsonString();
    }

    /// <summary>The intake for a profile in the JSON contract, about a patient, authored some days ago, as FHIR JSON.</summary>
    public static JsonObject Intake(string profileJson, string patient = "Patient/123", double daysAgo = 2)
    {
        var response = SciaticaFhir.IntakeResponse(SciaticaJson.ReadProfile(profileJson), new ResourceReference(patient), DateTimeOffset.UtcNow.AddDays(-daysAgo));
        return JsonNode.Parse(SciaticaFhir.ToJson(response))!.AsObject();
    }

    /// <summary>A searchset Bundle holding the resources, as a FHIR server answers a search.</summary>
    public static JsonObject Bundle(params JsonNode[] resources)
    {
        var bundle = new JsonObject { ["resourceType"] = "Bundle", ["type"] = "searchset", ["total"] = resources.Length };
        if (resources.Length > 0)
        {
            // FHIR has no empty arrays: a search that found nothing has no entry at all.
            bundle["entry"] = new JsonArray([.. resources.Select(r => (JsonNode)new JsonObject { ["fullUrl"] = "urn:uuid:" + Guid.NewGuid(), ["resource"] = r.DeepClone(), ["search"] = new JsonObject { ["mode"] = "match" } })]);
        }

        return bundle;
    }

    /// <summary>A card's detail as the clinician reads it: the markdown rendered to plain text.</summary>
    public static string Text(JsonNode card) => Markdig.Markdown.ToPlainText((string)card["detail"]!);

    /// <summary>A patient-view request shaped like the CDS Hooks 2.0 specification's example.</summary>
    public static JsonObject Request(JsonNode? intake, string patientId = "123", string? fhirServer = "https://ehr.example.org/fhir", string hookInstance = "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea", bool prefetch = true)
    {
        var request = new JsonObject
        {
            ["hookInstance"] = hookInstance,
            ["hook"] = "patient-view",
            ["context"] = new JsonObject { ["userId"] = "Practitioner/example", ["patientId"] = patientId },
        };
        if (fhirServer is not null)
        {
            request["fhirServer"] = fhirServer;
        }

        if (prefetch)
        {
            request["prefetch"] = new JsonObject { ["intake"] = intake?.DeepClone() };
        }

        return request;
    }

    public static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    public const string Disc = """{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"medicalClearance":true,"age":44,"symptomWeeks":2,"redFlags":[],"symptomsTolerateExercise":true}""";
}
