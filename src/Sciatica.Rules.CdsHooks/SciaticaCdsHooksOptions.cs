namespace Sciatica.Rules.CdsHooks;

/// <summary>
/// How the CDS Hooks service checks the records it decides from and the clients that call it. Bind it from
/// configuration (the web sample binds the <c>SciaticaCdsHooks</c> section); it is validated when the host starts.
/// </summary>
/// <remarks>Mutable while the host is configured; read once per request afterwards. Not thread-safe to change while serving.</remarks>
public sealed class SciaticaCdsHooksOptions
{
    /// <summary>
    /// Gets or sets the public address of the host, as the CDS client calls it (for example <c>https://cds.example.org</c>).
    /// The JWT's <c>aud</c> must be the service's endpoint under it (<c>{PublicBaseUrl}/cds-services/sciatica-exercise-program</c>).
    /// Required unless <see cref="AllowUnauthenticatedCalls"/> is set: an audience taken from the request's Host header would
    /// let a token meant for another service be replayed here.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>
    /// Gets or sets the CDS clients whose signed JWTs are accepted (the issuer allow-list), each with its keys or the
    /// address of its JSON Web Key Set.
    /// </summary>
    public IList<CdsClientIssuer> Issuers { get; } = [];

    /// <summary>
    /// Gets or sets a value indicating whether calls without an <c>Authorization</c> header are answered. For development
    /// against a local client only: the host logs a warning at start while it is set. A token that is sent is still
    /// verified.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool AllowUnauthenticatedCalls { get; set; }

    /// <summary>
    /// Gets the browser origins allowed to call the service (CORS), for example the public CDS Hooks sandbox,
    /// <c>https://sandbox.cds-hooks.org</c>. Empty: no cross-origin browser calls.
    /// </summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>
    /// Gets the FHIR server base addresses the service may fetch from when prefetch lacks the intake (the request's
    /// <c>fhirServer</c> must start with one of them). Empty: any <c>https</c> server, and <c>http</c> on the loopback only.
    /// </summary>
    public IList<string> FhirServers { get; } = [];

    /// <summary>Gets or sets how old an intake may be (from its <c>authored</c> time) and still decide today's plan.</summary>
    /// <value>The default value is 30 days.</value>
    public TimeSpan MaximumIntakeAge { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Gets or sets how long a fetch from the FHIR server (or of a JSON Web Key Set) may take before the service gives up.</summary>
    /// <value>The default value is 5 seconds.</value>
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the clock difference tolerated between the CDS client and this host for <c>exp</c>, <c>iat</c> and <c>authored</c>.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the largest request body (and FHIR server answer) read, in bytes.</summary>
    /// <value>The default value is 262,144 (256 KiB).</value>
    public int MaximumRequestBytes { get; set; } = 256 * 1024;

    /// <summary>Gets or sets the page that documents the rules, linked from every card's source.</summary>
    /// <value>The default value is <c>https://sciatica-rules.org/docs/rules</c>.</value>
    public Uri RuleDocumentationUrl { get; set; } = new("https://sciatica-rules.org/docs/rules");
}
