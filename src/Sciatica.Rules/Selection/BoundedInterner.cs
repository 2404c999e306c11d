using System.Collections.Concurrent;

namespace Sciatica.Rules;

/// <summary>
/// Shares equal parts of decisions (reason lists, refusals): the first decision that needs a part builds it,
/// later ones reuse it. Bounded: once <c>capacity</c> parts are kept, further parts are built for the one
/// decision and not kept, so memory never grows with the number of distinct people. Counted with one
/// interlocked add per kept part; never a lock of the whole table.
/// </summary>
internal sealed class BoundedInterner<TValue>(int capacity)
    where TValue : class
{
    private readonly ConcurrentDictionary<ulong, TValue> parts = new();
    private int kept;

    public TValue GetOrCreate<TState>(ulong key, TState state, Func<ulong, TState, TValue> create)
    {
        if (parts.TryGetValue(key, out var part))
        {
            return part;
        }

        part = create(key, state);
        if (Volatile.Read(ref kept) >= capacity)
        {
            return part;
        }

        var shared = parts.GetOrAdd(key, part);
        if (ReferenceEquals(shared, part))
        {
            Interlocked.Increment(ref kept);
        }

        return shared;
    }
}
