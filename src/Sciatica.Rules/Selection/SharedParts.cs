using System.Runtime.CompilerServices;

namespace Sciatica.Rules;

/// <summary>
/// The parts that many decisions share (a reason list, an exercise list, an excluded exercise): the engine marks each
/// once, when it makes it, and a writer at the edge may keep beside the part what it made of it (DecisionJson keeps the
/// part's compact JSON, made on its first write). The engine itself knows nothing of what is kept. An entry lives
/// exactly as long as its part (a weak table keyed by the part). Thread-safe.
/// </summary>
internal static class SharedParts
{
    private static readonly ConditionalWeakTable<object, byte[]> Kept = new();

    /// <summary>What a marked part holds until a writer keeps something beside it.</summary>
    public static readonly byte[] NothingKept = [];

    /// <summary>Marks a part as shared by many decisions.</summary>
    public static void Mark(object part) => Kept.TryAdd(part, NothingKept);

    /// <summary>Gets what is kept beside a shared part (<see cref="NothingKept"/> until a writer keeps something); false when the part is not shared.</summary>
    public static bool TryGet(object part, out byte[] kept) => Kept.TryGetValue(part, out kept!);

    /// <summary>Keeps bytes made from a shared part beside it, for every later writer.</summary>
    public static void Keep(object part, byte[] kept) => Kept.AddOrUpdate(part, kept);
}
