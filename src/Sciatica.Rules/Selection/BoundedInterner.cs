using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Sciatica.Rules;

/// <summary>
/// Shares equal parts of decisions (reason lists, exercise lists, refusals): the first decision that needs a part
/// builds it, later ones reuse it. Keyed by a short run of numbers (a bit set, a list of ids), looked up without
/// copying the key. Bounded: once <c>capacity</c> parts are kept, further parts are built for the one decision and
/// not kept, so memory never grows with the number of distinct people. Counted with one interlocked add per kept
/// part; never a lock of the whole table.
/// </summary>
internal sealed class BoundedInterner<TKey, TValue>
    where TKey : unmanaged, IEquatable<TKey>
    where TValue : class
{
    private readonly ConcurrentDictionary<Key, TValue> parts = new(KeyComparer.Instance);
    private readonly ConcurrentDictionary<Key, TValue>.AlternateLookup<ReadOnlySpan<TKey>> lookup;
    private readonly int capacity;
    private int kept;

    public BoundedInterner(int capacity)
    {
        this.capacity = capacity;
        lookup = parts.GetAlternateLookup<ReadOnlySpan<TKey>>();
    }

    public TValue GetOrCreate<TState>(ReadOnlySpan<TKey> key, TState state, CreatePart<TKey, TState, TValue> create)
    {
        if (lookup.TryGetValue(key, out var part))
        {
            return part;
        }

        part = create(key, state);
        if (Volatile.Read(ref kept) >= capacity)
        {
            return part;
        }

        if (lookup.TryAdd(key, part))
        {
            Interlocked.Increment(ref kept);
            return part;
        }

        return lookup.TryGetValue(key, out var shared) ? shared : part;
    }

    /// <summary>A kept key: its own copy of the numbers.</summary>
    private sealed class Key(TKey[] items)
    {
        public TKey[] Items { get; } = items;
    }

    private sealed class KeyComparer : IEqualityComparer<Key>, IAlternateEqualityComparer<ReadOnlySpan<TKey>, Key>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals(Key? x, Key? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.Items.AsSpan().SequenceEqual(y.Items));

        public int GetHashCode(Key obj) => Hash(obj.Items);

        public bool Equals(ReadOnlySpan<TKey> alternate, Key other) => alternate.SequenceEqual(other.Items);

        public int GetHashCode(ReadOnlySpan<TKey> alternate) => Hash(alternate);

        public Key Create(ReadOnlySpan<TKey> alternate) => new(alternate.ToArray());

        private static int Hash(ReadOnlySpan<TKey> items)
        {
            var hash = new HashCode();
            hash.AddBytes(MemoryMarshal.AsBytes(items));
            return hash.ToHashCode();
        }
    }
}

/// <summary>Builds a part from its key.</summary>
internal delegate TValue CreatePart<TKey, in TState, out TValue>(ReadOnlySpan<TKey> key, TState state)
    where TKey : unmanaged;
