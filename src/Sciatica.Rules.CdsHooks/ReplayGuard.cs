using System.Collections.Concurrent;

namespace Sciatica.Rules.CdsHooks;

/// <summary>
/// Remembers each accepted token's issuer and <c>jti</c> until the token expires, so that a captured token cannot be
/// sent again. Bounded: when full of unexpired entries it refuses new tokens (fails closed) rather than forgetting.
/// </summary>
internal sealed class ReplayGuard(TimeProvider time)
{
    private const int Capacity = 100_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);

    /// <summary>Records the token; false when it was seen before (a replay) or the guard is full.</summary>
    public bool TryRecord(string issuer, string jti, DateTimeOffset expires)
    {
        var now = time.GetUtcNow();
        if (seen.Count >= Capacity / 2)
        {
            foreach (var entry in seen)
            {
                if (entry.Value < now)
                {
                    seen.TryRemove(entry);
                }
            }

            if (seen.Count >= Capacity)
            {
                return false;
            }
        }

        return seen.TryAdd(issuer + "\n" + jti, expires);
    }
}
