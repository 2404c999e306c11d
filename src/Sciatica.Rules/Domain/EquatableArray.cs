using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace Sciatica.Rules;

/// <summary>
/// An immutable array compared by its elements, so that records holding lists (profiles, decisions)
/// have value equality: two decisions with the same content are equal.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
/// <remarks>
/// Thread-safe: the content never changes. <c>default</c> is the empty array.
/// </remarks>
[CollectionBuilder(typeof(EquatableArray), nameof(EquatableArray.Create))]
internal readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
{
    private readonly ImmutableArray<T> items;

    /// <summary>Wraps an immutable array.</summary>
    /// <param name="items">The elements; a default array counts as empty.</param>
    public EquatableArray(ImmutableArray<T> items) => this.items = items.IsDefault ? [] : items;

    /// <summary>Gets the elements as an immutable array (never a default one).</summary>
    public ImmutableArray<T> AsImmutableArray() => items.IsDefault ? [] : items;

    /// <inheritdoc />
    public int Count => items.IsDefault ? 0 : items.Length;

    /// <summary>Gets whether the array has no elements.</summary>
    public bool IsEmpty => Count == 0;

    /// <inheritdoc />
    public T this[int index] => AsImmutableArray()[index];

    /// <summary>Gets whether the array holds an element equal to <paramref name="item"/>, without allocating.</summary>
    /// <param name="item">The element to look for.</param>
    /// <returns><see langword="true"/> when an equal element is present.</returns>
    public bool Contains(T item) => AsImmutableArray().AsSpan().IndexOf(item, EqualityComparer<T>.Default) >= 0;

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
    public bool Equals(EquatableArray<T> other) =>
        AsImmutableArray().AsSpan().SequenceEqual(other.AsImmutableArray().AsSpan(), EqualityComparer<T>.Default);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var item in AsImmutableArray())
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <summary>Gets an enumerator over the elements without allocating.</summary>
    /// <returns>The enumerator.</returns>
    public ImmutableArray<T>.Enumerator GetEnumerator() => AsImmutableArray().GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)AsImmutableArray()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)AsImmutableArray()).GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => "[" + string.Join(", ", AsImmutableArray()) + "]";
}

/// <summary>Creates <see cref="EquatableArray{T}"/> values; also what collection expressions such as <c>[Cause.HerniatedDisc]</c> call.</summary>
internal static class EquatableArray
{
    /// <summary>Creates an array holding a copy of the given elements.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="items">The elements.</param>
    /// <returns>The array.</returns>
    public static EquatableArray<T> Create<T>(ReadOnlySpan<T> items) => new([.. items]);

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
            _ => new EquatableArray<T>([.. items]),
        };

    /// <summary>Gets the shared empty list.</summary>
    public static IReadOnlyList<T> Empty<T>() => EmptyList<T>.Value;

    private static class EmptyList<T>
    {
        public static readonly IReadOnlyList<T> Value = new EquatableArray<T>([]);
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
