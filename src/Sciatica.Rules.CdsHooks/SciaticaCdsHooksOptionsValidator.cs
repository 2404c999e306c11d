using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Sciatica.Rules.CdsHooks;

/// <summary>Checks the options once, at start: every problem in one message.</summary>
internal sealed class SciaticaCdsHooksOptionsValidator : IValidateOptions<SciaticaCdsHooksOptions>
{
    public ValidateOptionsResult Validate(string? name, SciaticaCdsHooksOptions options)
    {
        var problems = new List<string>();
        if (!options.AllowUnauthenticatedCalls)
        {
            if (options.PublicBaseUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                problems.Add("PublicBaseUrl: is required (an absolute http or https address, as clients call the host) unless AllowUnauthenticatedCalls is true: the JWT's aud is checked against it.");
            }

            if (options.Issuers.Count == 0)
            {
                problems.Add("Issuers: list at least one CDS client (Issuer and JwksUrl or Jwks) unless AllowUnauthenticatedCalls is true.");
            }
        }

        for (var i = 0; i < options.Issuers.Count; i++)
        {
            var issuer = options.Issuers[i];
            if (string.IsNullOrWhiteSpace(issuer.Issuer))
            {
                problems.Add($"Issuers[{i}].Issuer: is required.");
            }

            if (issuer.JwksUrl is null && issuer.Jwks is null)
            {
                problems.Add($"Issuers[{i}]: give JwksUrl or Jwks.");
            }

            if (issuer.JwksUrl is { } jwks && !Fetching.IsAllowedAddress(jwks))
            {
                problems.Add($"Issuers[{i}].JwksUrl: must be an absolute https address (http only on the loopback).");
            }

            if (issuer.Jwks is { } document && Keys(document) is null)
            {
                problems.Add($"Issuers[{i}].Jwks: is not a JSON Web Key Set with at least one signing key.");
            }
        }

        if (options.MaximumIntakeAge <= TimeSpan.Zero)
        {
            problems.Add("MaximumIntakeAge: must be positive.");
        }

        if (options.FetchTimeout <= TimeSpan.Zero || options.FetchTimeout > TimeSpan.FromMinutes(1))
        {
            problems.Add("FetchTimeout: must be more than zero and at most one minute.");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(5))
        {
            problems.Add("ClockSkew: must be between zero and five minutes.");
        }

        if (options.MaximumRequestBytes is < 1024 or > 16 * 1024 * 1024)
        {
            problems.Add("MaximumRequestBytes: must be between 1 KiB and 16 MiB.");
        }

        if (!options.RuleDocumentationUrl.IsAbsoluteUri)
        {
            problems.Add("RuleDocumentationUrl: must be an absolute address.");
        }

        foreach (var origin in options.AllowedOrigins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var parsed) || parsed.AbsolutePath != "/" || origin.EndsWith('/'))
            {
                problems.Add($"AllowedOrigins: '{origin}' is not an origin (scheme, host and port, no path, for example https://sandbox.cds-hooks.org).");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>The signing keys of a JSON Web Key Set document, or null when it is not one or holds none.</summary>
    internal static IList<SecurityKey>? Keys(string document)
    {
        try
        {
            var keys = new JsonWebKeySet(document).GetSigningKeys();
            return keys.Count == 0 ? null : keys;
        }
        catch (Exception ex) when (ex is ArgumentException or System.Text.Json.JsonException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }
}
