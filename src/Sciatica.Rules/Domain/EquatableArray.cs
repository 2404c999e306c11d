using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Sciatica.Rules;

/// <summary>
/// An immutable array compared by its elements, so that records holding lists (profiles, decisions)
/// have value equality: two decisions with the same content are equal.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
/// <remarks>
/// Thread-safe: the content never changes (the array is owned and never handed out writable). <c>default</c> is the
/// empty array. It keeps a plain array and loops over it itself rather than holding an <see cref="ImmutableArray{T}"/>:
/// the runtime's generic collections over the contract's enums are compiled by the JIT in every process, before the
/// first decision, even in a ReadyToRun build, while this type's own code over them is compiled ahead of time
/// (docs/benchmarks.md, cold start).
/// </remarks>
[CollectionBuilder(typeof(EquatableArray), nameof(EquatableArray.Create))]
internal readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
{
    private readonly T[]? items;

    /// <summary>Wraps an immutable array.</summary>
    /// <param name="items">The elements; a default array counts as empty.</param>
    public EquatableArray(ImmutableArray<T> items) => this.items = ImmutableCollectionsMarshal.AsArray(items);

    /// <summary>Takes an array the caller gives up: nothing else may write to it.</summary>
    /// <param name="owned">The elements.</param>
    private EquatableArray(T[] owned) => items = owned;

    /// <inheritdoc />
    public int Count => items is null ? 0 : items.Length;

    /// <summary>Gets whether the array has no elements.</summary>
    public bool IsEmpty => Count == 0;

    /// <inheritdoc />
    public T this[int index] => (items ?? [])[index];

    /// <summary>Wraps an array that nothing else will write to.</summary>
    /// <param name="owned">The elements.</param>
    /// <returns>The array.</returns>
    public static EquatableArray<T> FromOwned(T[] owned) => new(owned);

    /// <summary>Gets the elements as an immutable array (never a default one), without copying.</summary>
    /// <returns>The elements.</returns>
    public ImmutableArray<T> AsImmutableArray() => ImmutableCollectionsMarshal.AsImmutableArray(items ?? []);

    /// <summary>Gets whether the array holds an element equal to <paramref name="item"/>, without allocating.</summary>
    /// <param name="item">The element to look for.</param>
    /// <returns><see langword="true"/> when an equal element is present.</returns>
    public bool Contains(T item)
    {
        foreach (var own in items ?? [])
        {
            if (EqualityComparer<T>.Default.Equals(own, item))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Wraps an immutable array.</summary>
    /// <param name="items">The elements.</param>
    public static implicit operator EquatableArray<T>(ImmutableArray<T> items) => new(items);

    /// <summary>Compares two arrays element by element.</summary>
    /// <param name="left">The first array.</param>
    /// <param name="right">The second array.</param>
    /// <returns><see langword="true"/> when both hold equal elements in the same order.</returns>
    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    /// <summary>Compares two arrays element by element.</summary>
    /// <param name="left">The first array.</param>
    /// <param name="right">The second array.</param>
    /// <returns><see langword="true"/> when the arrays differ in length or in any element.</returns>
    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(EquatableArray<T> other)
    {
        var mine = items ?? ValueList.NoItems<T>.Array;
        var theirs = other.items ?? ValueList.NoItems<T>.Array;
        if (ReferenceEquals(mine, theirs))
        {
            return true;
        }

        if (mine.Length != theirs.Length)
        {
            return false;
        }

        for (var i = 0; i < mine.Length; i++)
        {
            if (!EqualityComparer<T>.Default.Equals(mine[i], theirs[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var item in items ?? [])
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <summary>Gets an enumerator over the elements without allocating.</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new(items ?? []);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => new BoxedEnumerator(items ?? []);

    IEnumerator IEnumerable.GetEnumerator() => new BoxedEnumerator(items ?? []);

    /// <inheritdoc />
    public override string ToString() => "[" + string.Join(", ", items ?? []) + "]";

    /// <summary>Enumerates the elements without allocating.</summary>
    /// <param name="items">The elements.</param>
    public struct Enumerator(T[] items)
    {
        private int index = -1;

        /// <summary>Gets the current element.</summary>
        public readonly T Current => items[index];

        /// <summary>Moves to the next element.</summary>
        /// <returns><see langword="false"/> after the last element.</returns>
        public bool MoveNext() => ++index < items.Length;
    }

    /// <summary>Enumerates the elements for callers that see the list through an interface.</summary>
    /// <param name="items">The elements.</param>
    private sealed class BoxedEnumerator(T[] items) : IEnumerator<T>
    {
        private int index = -1;

        public T Current => items[index];

        object? IEnumerator.Current => Current;

        public bool MoveNext() => ++index < items.Length;

        public void Reset() => index = -1;

        public void Dispose()
        {
        }
    }
}

/// <summary>Creates <see cref="EquatableArray{T}"/> values; also what collection expressions such as <c>[Cause.HerniatedDisc]</c> call.</summary>
internal static class EquatableArray
{
    /// <summary>Creates an array holding a copy of the given elements.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="items">The elements.</param>
    /// <returns>The array.</returns>
    public static EquatableArray<T> Create<T>(ReadOnlySpan<T> items)
    {
        var copy = new T[items.Length];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = items[i];
        }

        return EquatableArray<T>.FromOwned(copy);
    }

    /// <summary>Creates the sorted array of the enum values whose bits are set (bit n: the value n), each once.</summary>
    /// <typeparam name="T">An int-based enum with values 0..63.</typeparam>
    /// <param name="bits">The values as bits.</param>
    /// <returns>The array, in value order.</returns>
    public static EquatableArray<T> FromEnumBits<T>(ulong bits)
        where T : struct, Enum
    {
        var sorted = new T[System.Numerics.BitOperations.PopCount(bits)];
        for (var i = 0; bits != 0; bits &= bits - 1, i++)
        {
            var value = System.Numerics.BitOperations.TrailingZeroCount(bits);
            sorted[i] = Unsafe.As<int, T>(ref value);
        }

        return EquatableArray<T>.FromOwned(sorted);
    }

    /// <summary>Creates an array holding a copy of the given elements.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="items">The elements.</param>
    /// <returns>The array.</returns>
    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items) => new([.. items]);
}

/// <summary>
/// The lists of the public records: exposed as <see cref="IReadOnlyList{T}"/>, stored as an
/// <see cref="EquatableArray{T}"/> so that records compare by content.
/// </summary>
internal static class ValueList
{
    /// <summary>Copies a list into value-compared storage (a list already stored that way is kept).</summary>
    public static IReadOnlyList<T> Of<T>(IReadOnlyList<T>? items, [CallerArgumentExpression(nameof(items))] string name = "") =>
        items switch
        {
            null => throw new ArgumentNullException(name, "A list must not be null; use an empty list."),
            // The same boxed list, not a re-boxed copy: shared lists stay shared and cost nothing to store.
            EquatableArray<T> => items,
            _ => Copy(items),
        };

    /// <summary>Gets the shared empty list.</summary>
    public static IReadOnlyList<T> Empty<T>() => EmptyList<T>.Value;

    /// <summary>Copies a list by index (no enumerator, no framework collection over <typeparamref name="T"/>).</summary>
    private static EquatableArray<T> Copy<T>(IReadOnlyList<T> items)
    {
        var copy = new T[items.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = items[i];
        }

        return EquatableArray<T>.FromOwned(copy);
    }

    private static class EmptyList<T>
    {
        public static readonly IReadOnlyList<T> Value = EquatableArray<T>.FromOwned(NoItems<T>.Array);
    }

    /// <summary>
    /// An empty array of this library's own: <c>[]</c> and <c>Array.Empty</c> are the framework's generic code, which
    /// the JIT compiles for each element type even in a ReadyToRun build (docs/benchmarks.md, cold start).
    /// </summary>
    internal static class NoItems<T>
    {
#pragma warning disable CA1825 // One per element type, made once.
        public static readonly T[] Array = new T[0];
#pragma warning restore CA1825
    }
}

/// <summary>What the engine's own code asks of the public lists.</summary>
internal static class ValueListExtensions
{
    extension<T>(IReadOnlyList<T> list)
    {
        /// <summary>Gets whether the list has no elements.</summary>
        public bool IsEmpty => list.Count == 0;

        /// <summary>Gets the elements as an immutable array, without copying when the list is stored as one.</summary>
        public ImmutableArray<T> AsImmutableArray() => list is EquatableArray<T> stored ? stored.AsImmutableArray() : [.. list];
    }
}
