using System.Runtime.InteropServices;

namespace Sciatica.Rules;

/// <summary>
/// Shares equal parts of decisions (reason lists, exercise lists, refusals): the first decision that needs a part
/// builds it, later ones reuse it. Keyed by a short run of numbers (a bit set), looked up without copying the key.
/// Bounded: once <c>capacity</c> parts are kept, further parts are built for the one decision and not kept, so
/// memory never grows with the number of distinct people.
/// </summary>
/// <remarks>
/// A hash table of its own rather than a <c>ConcurrentDictionary</c> with an alternate lookup, whose generic
/// instantiations the JIT compiles in every process before the first decision, even in a ReadyToRun build
/// (docs/benchmarks.md, cold start). Lookups take no lock: chains are immutable, and a new entry or a grown table is
/// published with a volatile write. Adding takes a lock, at most <c>capacity</c> times in the table's life.
/// </remarks>
internal sealed class BoundedInterner<TValue>
    where TValue : class
{
    private const int InitialBuckets = 16;

    private readonly Lock gate = new();
    private readonly int capacity;
    private Entry?[] buckets = new Entry?[InitialBuckets];
    private int kept;

    public BoundedInterner(int capacity) => this.capacity = capacity;

    public TValue GetOrCreate<TState>(ReadOnlySpan<ulong> key, TState state, CreatePart<TState, TValue> create)
    {
        var hash = Hash(key);
        if (Find(Volatile.Read(ref buckets), key, hash) is { } found)
        {
            return found;
        }

        var part = create(key, state);
        if (Volatile.Read(ref kept) >= capacity)
        {
            return part;
        }

        lock (gate)
        {
            var table = buckets;
            if (Find(table, key, hash) is { } shared)
            {
                return shared;
            }

            if (kept >= capacity)
            {
                return part;
            }

            if (kept >= table.Length - (table.Length >> 2))
            {
                table = Grow(table);
                Volatile.Write(ref buckets, table);
            }

            ref var head = ref table[hash & (table.Length - 1)];
            Volatile.Write(ref head, new Entry(Copy(key), hash, part, head));
            Volatile.Write(ref kept, kept + 1);
            return part;
        }
    }

    private static TValue? Find(Entry?[] table, ReadOnlySpan<ulong> key, int hash)
    {
        for (var entry = Volatile.Read(ref table[hash & (table.Length - 1)]); entry is not null; entry = entry.Next)
        {
            if (entry.Hash == hash && Same(entry.Key, key))
            {
                return entry.Value;
            }
        }

        return null;
    }

    /// <summary>A table twice the size with new chains: readers still walking the old one see it unchanged.</summary>
    private static Entry?[] Grow(Entry?[] table)
    {
        var grown = new Entry?[table.Length * 2];
        foreach (var chain in table)
        {
            for (var entry = chain; entry is not null; entry = entry.Next)
            {
                ref var head = ref grown[entry.Hash & (grown.Length - 1)];
                head = new Entry(entry.Key, entry.Hash, entry.Value, head);
            }
        }

        return grown;
    }

    private static bool Same(ulong[] kept, ReadOnlySpan<ulong> key)
    {
        if (kept.Length != key.Length)
        {
            return false;
        }

        for (var i = 0; i < kept.Length; i++)
        {
            if (kept[i] != key[i])
            {
                return false;
            }
        }

        return true;
    }

    private static ulong[] Copy(ReadOnlySpan<ulong> key)
    {
        var copy = new ulong[key.Length];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = key[i];
        }

        return copy;
    }

    /// <summary>The runtime's per-process randomised hash, so that no input can be chosen to fill one chain.</summary>
    private static int Hash(ReadOnlySpan<ulong> key)
    {
        var hash = default(HashCode);
        hash.AddBytes(MemoryMarshal.AsBytes(key));
        return hash.ToHashCode();
    }

    /// <summary>A kept part: its own copy of the key; immutable once published.</summary>
    private sealed class Entry(ulong[] key, int hash, TValue value, Entry? next)
    {
        public ulong[] Key { get; } = key;

        public int Hash { get; } = hash;

        public TValue Value { get; } = value;

        public Entry? Next { get; } = next;
    }
}

/// <summary>Builds a part from its key.</summary>
internal delegate TValue CreatePart<in TState, out TValue>(ReadOnlySpan<ulong> key, TState state);
