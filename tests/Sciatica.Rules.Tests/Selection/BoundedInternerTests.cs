namespace Sciatica.Rules.Tests.Selection;

/// <summary>The table that shares equal parts of decisions: equal keys give one part, it stays within its capacity, and it is safe from many threads.</summary>
public sealed class BoundedInternerTests
{
    [Fact]
    public void EqualKeys_GiveTheFirstPart_AcrossGrowth()
    {
        var interner = new BoundedInterner<string>(capacity: 1000);
        var first = new Dictionary<ulong, string>();
        for (var k = 0UL; k < 500; k++)
        {
            first[k] = interner.GetOrCreate([k, k * 31], k, static (key, state) => $"part {key[0]} {key[1]} {state}");
        }

        for (var k = 0UL; k < 500; k++)
        {
            var again = interner.GetOrCreate([k, k * 31], k, static (_, _) => throw new InvalidOperationException("an equal key was built again"));
            Assert.Same(first[k], again);
        }

        // A key that differs in length or in one word is another key.
        Assert.Equal("short", interner.GetOrCreate([3UL], 0, static (_, _) => "short"));
        Assert.Equal("other", interner.GetOrCreate([3UL, 94UL], 0, static (_, _) => "other"));
    }

    [Fact]
    public void PastCapacity_PartsAreBuiltButNotKept()
    {
        var interner = new BoundedInterner<object>(capacity: 20);
        for (var k = 0UL; k < 20; k++)
        {
            interner.GetOrCreate([k], 0, static (_, _) => new object());
        }

        var a = interner.GetOrCreate([100UL], 0, static (_, _) => new object());
        var b = interner.GetOrCreate([100UL], 0, static (_, _) => new object());
        Assert.NotSame(a, b);

        var kept = interner.GetOrCreate([5UL], 0, static (_, _) => new object());
        Assert.Same(kept, interner.GetOrCreate([5UL], 0, static (_, _) => new object()));
    }

    [Fact]
    public void ManyThreads_GetOnePartPerKey()
    {
        const int Threads = 4, Keys = 2000;
        var interner = new BoundedInterner<object>(capacity: 4096);
        var seen = new object[Threads][];
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            var mine = new object[Keys];
            start.SignalAndWait();
            // Every thread asks for the same keys in the same order, so that they often build the same key at once.
            for (var k = 0UL; k < Keys; k++)
            {
                mine[k] = interner.GetOrCreate([k, ~k], 0, static (_, _) =>
                {
                    Thread.SpinWait(100);
                    return new object();
                });
            }

            seen[t] = mine;
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        for (var k = 0; k < Keys; k++)
        {
            Assert.All(seen, mine => Assert.Same(seen[0][k], mine[k]));
        }
    }
}
