using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Sciatica.Rules.CdsHooks;

/// <summary>
/// Verifies the CDS client's JWT (CDS Hooks 2.0, "Trusting CDS Clients"): signed ES384 or RS384 by a key of an allow-listed
/// issuer (a <c>jku</c> only when it is that issuer's configured key set), <c>aud</c> the service's endpoint, <c>exp</c> in the
/// future and at most five minutes away, <c>iat</c> not in the future, and a <c>jti</c> never seen before.
/// </summary>
internal sealed partial class ClientAuthenticator(IOptions<SciaticaCdsHooksOptions> options, KeySets keySets, ReplayGuard replays, TimeProvider time, ILogger<ClientAuthenticator> logger)
{
    private static readonly TimeSpan LongestLifetime = TimeSpan.FromMinutes(5);
    private static readonly JsonWebTokenHandler Handler = new() { MaximumTokenSizeInBytes = 16 * 1024 };

    /// <summary>Null when the call may proceed; otherwise why it may not (for the 401 answer).</summary>
    /// <param name="context">The call.</param>
    /// <param name="path">The service's path, which (under the public base address) the token's <c>aud</c> must name.</param>
    public async Task<string?> RefusalAsync(HttpContext context, string path)
    {
        var settings = options.Value;
        var header = context.Request.Headers.Authorization;
        if (header.Count == 0)
        {
            return settings.AllowUnauthenticatedCalls ? null : Refuse("no Authorization header; send the CDS client's JWT as a bearer token.");
        }

        var value = header.Count == 1 ? header[0] ?? string.Empty : string.Empty;
        if (!value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || value.Length == 7)
        {
            return Refuse("the Authorization header is not one bearer token.");
        }

        var text = value[7..].Trim();
        JsonWebToken token;
        try
        {
            token = Handler.ReadJsonWebToken(text);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException or FormatException or System.Text.Json.JsonException)
        {
            return Refuse("the bearer token is not a JWT.");
        }

        var issuer = settings.Issuers.FirstOrDefault(i => string.Equals(i.Issuer, token.Issuer, StringComparison.Ordinal));
        if (issuer is null)
        {
            return Refuse("the token's issuer is not an allowed CDS client.");
        }

        if (token.TryGetHeaderValue<string>("jku", out var jku) && (issuer.JwksUrl is null || !Uri.TryCreate(jku, UriKind.Absolute, out var named) || named != issuer.JwksUrl))
        {
            return Refuse("the token's jku is not the key set configured for its issuer.");
        }

        var (keys, failure) = await keySets.KeysAsync(issuer, string.IsNullOrEmpty(token.Kid) ? null : token.Kid, context.RequestAborted).ConfigureAwait(false);
        if (keys.Count == 0)
        {
            return Refuse("no key of the issuer could be had" + (failure is null ? "." : ": " + failure));
        }

        var audience = Audience(settings, context, path);
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = issuer.Issuer,
            ValidAudience = audience,
            IssuerSigningKeys = keys,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.RsaSha384],
            RequireSignedTokens = true,
            RequireExpirationTime = true,

            // Lifetime is checked below against the injected clock, so that it is testable and the same clock as the intake's age.
            ValidateLifetime = false,
        };
        var result = await Handler.ValidateTokenAsync(text, parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return Refuse(result.Exception switch
            {
                SecurityTokenInvalidAudienceException => $"the token's aud is not this service's endpoint ({audience}).",
                SecurityTokenInvalidAlgorithmException => "the token is not signed with ES384 or RS384.",
                SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "the token's signature does not verify with the issuer's keys.",
                _ => "the token is not valid.",
            });
        }

        var now = time.GetUtcNow();
        if (!token.TryGetPayloadValue<long>("exp", out _) || token.ValidTo + settings.ClockSkew < now.UtcDateTime)
        {
            return Refuse("the token has expired.");
        }

        if (token.TryGetPayloadValue<long>("nbf", out _) && token.ValidFrom - settings.ClockSkew > now.UtcDateTime)
        {
            return Refuse("the token is not valid yet.");
        }

        if (!token.TryGetPayloadValue<long>("iat", out _) || token.IssuedAt.ToUniversalTime() > now.UtcDateTime + settings.ClockSkew)
        {
            return Refuse("the token has no iat, or one in the future.");
        }

        if (token.ValidTo > now.UtcDateTime + LongestLifetime + settings.ClockSkew)
        {
            return Refuse("the token expires more than five minutes from now; CDS clients issue short-lived tokens.");
        }

        if (string.IsNullOrEmpty(token.Id) || token.Id.Length > 256)
        {
            return Refuse("the token has no jti.");
        }

        if (!replays.TryRecord(issuer.Issuer, token.Id, new DateTimeOffset(token.ValidTo, TimeSpan.Zero) + settings.ClockSkew))
        {
            return Refuse("the token was used before (its jti has been seen); send a new token with every call.");
        }

        return null;
    }

    private static string Audience(SciaticaCdsHooksOptions settings, HttpContext context, string path)
    {
        var request = context.Request;
        var origin = settings.PublicBaseUrl is { } configured
            ? configured.GetLeftPart(UriPartial.Authority) + configured.AbsolutePath.TrimEnd('/')
            : request.Scheme + "://" + request.Host + request.PathBase;
        return origin + path;
    }

    private string Refuse(string reason)
    {
        LogRefused(logger, reason);
        return reason;
    }

    [LoggerMessage(EventId = 2601, Level = LogLevel.Warning, Message = "CDS Hooks call refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
