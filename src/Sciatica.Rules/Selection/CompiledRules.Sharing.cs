using System.Numerics;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules;

/// <summary>The parts of decisions: built from rule bits on first sight and shared between calls in bounded tables.</summary>
internal sealed partial class CompiledRules
{
    /// <summary>A class's reason list when the exclusion rules fit one word: the few lists a class meets are remembered beside it.</summary>
    private ReasonListPart ClassPart(int c, ulong mask)
    {
        var variants = Volatile.Read(ref classVariants[c]);
        if (variants is not null)
        {
            foreach (var variant in variants)
            {
                if (variant.Mask == mask)
                {
                    return variant.Part;
                }
            }
        }

        var part = classReasonLists.GetOrCreate([mask], this, static (key, self) => self.ReasonList(key));
        if (variants is null || variants.Length < VariantsRemembered)
        {
            // Losing a race only means the variant is looked up in the shared table again next time.
            Volatile.Write(ref classVariants[c], [.. variants ?? [], new ClassVariant(mask, part)]);
        }

        return part;
    }

    private ReasonListPart ReasonList(ReadOnlySpan<ulong> set)
    {
        var list = new List<DecisionReason>();
        for (var w = 0; w < set.Length; w++)
        {
            for (var bits = set[w]; bits != 0; bits &= bits - 1)
            {
                list.Add(exclusionReasons[(w << 6) + BitOperations.TrailingZeroCount(bits)]);
            }
        }

        return new ReasonListPart(Interlocked.Increment(ref nextReasonListId), Wrap([.. list]));
    }

    /// <summary>Whether any bit is set (a loop of this library's own: the framework's span search over <see langword="ulong"/> is compiled by the JIT even in a ReadyToRun build).</summary>
    private static bool AnyBit(ReadOnlySpan<ulong> words)
    {
        foreach (var word in words)
        {
            if (word != 0)
            {
                return true;
            }
        }

        return false;
    }

    private ProgramLists Lists(ReadOnlySpan<ulong> why)
    {
        var parts = new ReasonListPart?[classCount];
        for (var c = 0; c < classCount; c++)
        {
            var set = why.Slice(c * exclusionWords, exclusionWords);
            parts[c] = !AnyBit(set) ? null
                : exclusionWords == 1 ? ClassPart(c, set[0])
                : classReasonLists.GetOrCreate(set, this, static (key, self) => self.ReasonList(key));
        }

        var included = new List<PrescribedExercise>();
        foreach (var e in inclusionOrder)
        {
            if (parts[exerciseClass[e]] is null)
            {
                included.Add(prescriptions[e]);
            }
        }

        var excluded = new List<ExcludedExercise>();
        for (var e = 0; e < exercises.Length; e++)
        {
            if (parts[exerciseClass[e]] is { } part)
            {
                excluded.Add(Excluded(e, part));
            }
        }

        var lists = new ProgramLists(
            included.Count == 0 ? NoExercises : Wrap([.. included]),
            excluded.Count == 0 ? NoneExcluded : Wrap([.. excluded]));
        if (lists.Included.Count <= RememberedListItems)
        {
            SharedParts.Mark(lists.Included);
        }

        if (lists.Excluded.Count <= RememberedListItems)
        {
            SharedParts.Mark(lists.Excluded);
        }

        return lists;
    }

    private ExcludedExercise Excluded(int exercise, ReasonListPart part)
    {
        var listId = part.Id;
        var variants = Volatile.Read(ref excludedVariants[exercise]);
        if (variants is not null)
        {
            foreach (var variant in variants)
            {
                if (variant.ListId == listId)
                {
                    return variant.Excluded;
                }
            }
        }

        var created = new ExcludedExercise(exercises[exercise].Id, part.Reasons);
        SharedParts.Mark(created);
        if (variants is null || variants.Length < VariantsRemembered)
        {
            // Losing a race only means the variant is built again next time.
            Volatile.Write(ref excludedVariants[exercise], [.. variants ?? [], new ExcludedVariant(listId, created)]);
        }

        return created;
    }

    private static IReadOnlyList<DecisionReason> ProgramReasons(ReadOnlySpan<ulong> set, DecisionReason[] all)
    {
        var list = new List<DecisionReason> { BuiltInRules.ScreeningPassed };
        for (var w = 0; w < set.Length; w++)
        {
            for (var bits = set[w]; bits != 0; bits &= bits - 1)
            {
                list.Add(all[(w << 6) + BitOperations.TrailingZeroCount(bits)]);
            }
        }

        var shared = Wrap([.. list]);
        SharedParts.Mark(shared);
        return shared;
    }

    /// <summary>The refusal for the screening rules that fired, given in screening (index) order.</summary>
    private ProgramDecision Refusal(List<ScreeningRule> rules)
    {
        // The screening list is most urgent first, so index order is the order of the reasons.
        var kind = rules[0].Decision;
        var timeframe = rules[0].Timeframe;
        var reasonItems = new DecisionReason[rules.Count];
        for (var i = 0; i < rules.Count; i++)
        {
            kind = rules[i].Decision > kind ? rules[i].Decision : kind;
            timeframe = rules[i].Timeframe < timeframe ? rules[i].Timeframe : timeframe;
            reasonItems[i] = rules[i].Reason;
        }

        var reasons = Wrap(reasonItems);
        var excludedItems = new ExcludedExercise[exercises.Length];
        for (var e = 0; e < exercises.Length; e++)
        {
            excludedItems[e] = new ExcludedExercise(exercises[e].Id, reasons);
        }

        var excluded = Wrap(excludedItems);
        var advice = ValueList.Of(SafetyAdvice.For(kind, timeframe));
        SharedParts.Mark(reasons);
        if (excluded.Count <= RememberedListItems)
        {
            SharedParts.Mark(excluded);
        }

        SharedParts.Mark(advice);
        return new ProgramDecision
        {
            Decision = kind,
            Timeframe = timeframe,
            Reasons = reasons,
            Exercises = NoExercises,
            Excluded = excluded,
            SafetyAdvice = advice,
            RuleSetVersion = version,
        };
    }

    /// <summary>Boxes the list once, as the records store it, so that shared lists are shared without a copy.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "Boxing once here is the point: the records keep the boxed list as it is.")]
    private static IReadOnlyList<T> Wrap<T>(T[] items) => EquatableArray<T>.FromOwned(items);

    private sealed record ReasonListPart(int Id, IReadOnlyList<DecisionReason> Reasons);

    private sealed record ProgramLists(IReadOnlyList<PrescribedExercise> Included, IReadOnlyList<ExcludedExercise> Excluded);

    private sealed record ExcludedVariant(int ListId, ExcludedExercise Excluded);

    private sealed record ClassVariant(ulong Mask, ReasonListPart Part);
}
