using System.Collections.Concurrent;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Sciatica.Rules.CdsHooks;

/// <summary>
/// The public keys of the configured CDS clients: from configuration, or fetched from their JSON Web Key Set addresses,
/// kept for an hour and fetched again (at most once a minute) when a token names a key id not yet seen.
/// </summary>
internal sealed class KeySets(Fetching fetching, TimeProvider time)
{
    private static readonly TimeSpan Refresh = TimeSpan.FromHours(1);
    private static readonly TimeSpan MinimumRefetch = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<Uri, Entry> fetched = new();
    private readonly ConcurrentDictionary<string, IList<SecurityKey>> configured = new(StringComparer.Ordinal);

    /// <summary>The keys of <paramref name="issuer"/> that may have signed a token naming <paramref name="keyId"/>.</summary>
    public async Task<(IList<SecurityKey> Keys, string? Failure)> KeysAsync(CdsClientIssuer issuer, string? keyId, CancellationToken cancel)
    {
        var keys = new List<SecurityKey>();
        if (issuer.Jwks is { } document)
        {
            keys.AddRange(configured.GetOrAdd(document, d => SciaticaCdsHooksOptionsValidator.Keys(d) ?? []));
        }

        string? failure = null;
        if (issuer.JwksUrl is { } url && (keyId is null || !keys.Any(k => k.KeyId == keyId)))
        {
            var now = time.GetUtcNow();
            fetched.TryGetValue(url, out var entry);
            var stale = entry is null || now - entry.FetchedAt > Refresh || (keyId is not null && !entry.Keys.Any(k => k.KeyId == keyId) && now - entry.FetchedAt > MinimumRefetch);
            if (stale)
            {
                var (body, error) = await fetching.GetAsync(url, "application/json", bearerToken: null, cancel).ConfigureAwait(false);
                var parsed = body is null ? null : SciaticaCdsHooksOptionsValidator.Keys(Encoding.UTF8.GetString(body));
                if (parsed is not null)
                {
                    entry = new Entry(parsed, now);
                    fetched[url] = entry;
                }
                else
                {
                    failure = error ?? "the JSON Web Key Set holds no signing key.";
                }
            }

            if (entry is not null)
            {
                keys.AddRange(entry.Keys);
            }
        }

        return (keys, failure);
    }

    private sealed record Entry(IList<SecurityKey> Keys, DateTimeOffset FetchedAt);
}
