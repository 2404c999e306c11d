using System.Buffers;
using System.Numerics;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules;

/// <summary>Evaluating: a person's facts against the compiled screening rules, then the exclusion and advice rules.</summary>
internal sealed partial class CompiledRules
{
    /// <summary>Decides for a profile without clinician overrides.</summary>
    public ProgramDecision Decide(PatientProfile profile)
    {
        var facts = Facts.Of(profile, thresholds);
        var fired = 0UL;
        var overflow = false;
        if (facts.Intersects(screeningTrigger))
        {
            for (var hits = facts.Low & singleFactRules.Low; hits != 0; hits &= hits - 1)
            {
                fired |= firedByLowFact[BitOperations.TrailingZeroCount(hits)];
            }

            for (var hits = facts.High & singleFactRules.High; hits != 0; hits &= hits - 1)
            {
                fired |= firedByHighFact[BitOperations.TrailingZeroCount(hits)];
            }

            foreach (var i in otherScreeningRules)
            {
                if (screeningWhen[i].Holds(facts))
                {
                    overflow |= i >= 64;
                    fired |= 1UL << (i & 63);
                }
            }
        }

        if (overflow)
        {
            // More than 64 screening rules: rare enough to build the refusal without sharing it.
            return Refusal(Fired(facts));
        }

        return fired == 0 ? Program(facts) : refusals.GetOrCreate([fired], this, static (mask, self) => self.Refusal(self.Bits(mask[0]))) with { };
    }

    private List<ScreeningRule> Fired(Facts facts)
    {
        var rules = new List<ScreeningRule>();
        for (var i = 0; i < screeningWhen.Length; i++)
        {
            if (screeningWhen[i].Holds(facts))
            {
                rules.Add(screening[i]);
            }
        }

        return rules;
    }

    private List<ScreeningRule> Bits(ulong mask)
    {
        var rules = new List<ScreeningRule>();
        for (var set = mask; set != 0; set &= set - 1)
        {
            rules.Add(screening[BitOperations.TrailingZeroCount(set)]);
        }

        return rules;
    }

    private ProgramDecision Program(Facts facts)
    {
        var whyWords = classCount * exclusionWords;
        var rented = whyWords + programReasonWords > 512 ? ArrayPool<ulong>.Shared.Rent(whyWords + programReasonWords) : null;
        var bits = rented is null ? stackalloc ulong[whyWords + programReasonWords] : rented.AsSpan(0, whyWords + programReasonWords);
        bits.Clear();
        var why = bits[..whyWords];
        var reasons = bits[whyWords..];
        try
        {
            Fired(facts, why, reasons);

            // Keyed by every class's exclusion rules: a hit costs one hash of them; the lists are built on a miss only.
            var lists = programLists.GetOrCreate(why, this, static (key, self) => self.Lists(key));
            return new ProgramDecision
            {
                Decision = DecisionKind.Program,
                Timeframe = null,
                Reasons = programReasonLists.GetOrCreate(reasons, programReasons, static (key, all) => ProgramReasons(key, all)),
                Exercises = lists.Included,
                Excluded = lists.Excluded,
                SafetyAdvice = ProgramAdvice,
                RuleSetVersion = version,
            };
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<ulong>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Marks the exclusion rules that fire for each class of exercises, and the program's reasons. Kept apart from
    /// <see cref="Program"/>, whose stack buffer would make the JIT compile these loops fully optimised at once
    /// instead of quickly (a fresh process without ReadyToRun: docs/benchmarks.md, cold start).
    /// </summary>
    private void Fired(Facts facts, Span<ulong> why, Span<ulong> reasons)
    {
        for (var r = 0; r < exclusions.Length; r++)
        {
            var rule = exclusions[r];
            if (!rule.When.Holds(facts))
            {
                continue;
            }

            if (rule.Lift is { } lift && lift.Holds(facts))
            {
                Set(reasons, rule.LiftReasonIndex);
                continue;
            }

            if (Mark(rule.Touches, r, why))
            {
                Set(reasons, rule.ReasonIndex);
            }
        }

        for (var a = 0; a < adviceWhen.Length; a++)
        {
            if (adviceWhen[a].Holds(facts))
            {
                Set(reasons, adviceReason[a]);
            }
        }
    }

    private static void Set(Span<ulong> bits, int index) => bits[index >> 6] |= 1UL << (index & 63);

    /// <summary>Sets rule <paramref name="rule"/> on every class in <paramref name="touches"/>; says whether there was any.</summary>
    private bool Mark(ulong[] touches, int rule, Span<ulong> why)
    {
        var any = false;
        var word = rule >> 6;
        var bit = 1UL << (rule & 63);
        for (var w = 0; w < touches.Length; w++)
        {
            var set = touches[w];
            any |= set != 0;
            while (set != 0)
            {
                why[((((w << 6) + BitOperations.TrailingZeroCount(set)) * exclusionWords) + word)] |= bit;
                set &= set - 1;
            }
        }

        return any;
    }
}
