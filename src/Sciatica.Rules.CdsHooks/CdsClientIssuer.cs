namespace Sciatica.Rules.CdsHooks;

/// <summary>
/// One CDS client (an EHR, or the public CDS Hooks sandbox) whose JWTs the service accepts: its <c>iss</c> value and where
/// its public keys come from. CDS Hooks 2.0 clients sign with ES384 or RS384 and name the key with <c>kid</c>; a token whose
/// header names a <c>jku</c> is accepted only when that address is this issuer's <see cref="JwksUrl"/>.
/// </summary>
public sealed class CdsClientIssuer
{
    /// <summary>Gets or sets the issuer, exactly as the client writes <c>iss</c> (for example <c>https://sandbox.cds-hooks.org</c>).</summary>
    /// <value>The default value is the empty string, which validation rejects.</value>
    public string Issuer { get; set; } = string.Empty;

    /// <summary>Gets or sets the address of the client's JSON Web Key Set, fetched on first use and refreshed hourly or when an unknown <c>kid</c> appears.</summary>
    /// <value>The default value is <see langword="null"/>: the keys come from <see cref="Jwks"/> only.</value>
    public Uri? JwksUrl { get; set; }

    /// <summary>Gets or sets the client's public keys as a JSON Web Key Set document (<c>{"keys":[...]}</c>), for clients that publish none.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Jwks { get; set; }
}
