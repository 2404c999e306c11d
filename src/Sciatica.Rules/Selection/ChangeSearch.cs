using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules;

/// <summary>
/// Finds what would change a decision, on the compiled rules: each candidate change is a few bits changed in the
/// person's <see cref="Facts"/> (or one rule lifted for one exercise), tested against only the rules that can decide
/// the target (the screening rules for a refusal, the exclusion rules touching an exercise's class for an excluded
/// exercise); nothing is decided afresh.
/// </summary>
/// <remarks>
/// The search is exhaustive over what a clinician can act on, at most two changes: medical clearance, symptoms
/// that tolerate exercise, the directional preference (each other value), an override of each relative rule that
/// touches the exercise, pool access, and leg and back pain (each lower value). A change that moves no bit a
/// target's rules test cannot be part of a minimal patch and is not tried. Every minimal patch is listed: one that
/// reaches the target and none of whose single changes reaches it alone (at any lower pain); a pain change names
/// the highest pain that still reaches it. Built on the first request for it, so plain decisions never pay for it.
/// </remarks>
internal sealed partial class ChangeSearch
{
    private const int None = 0;
    private const int Extension = 1;
    private const int Flexion = 2;

    private readonly CompiledRules compiled;
    private readonly RuleThresholds thresholds;
    private readonly int[][] rulesOfClass;
    private readonly Facts[] testedByClass;
    private readonly Facts screeningTested;
    private readonly Dictionary<string, int> exclusionById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> exerciseById = new(StringComparer.Ordinal);

    public ChangeSearch(CompiledRules compiled)
    {
        this.compiled = compiled;
        thresholds = compiled.Thresholds;
        var exclusions = compiled.Exclusions;
        var classes = new List<int>[compiled.ClassCount];
        testedByClass = new Facts[compiled.ClassCount];
        for (var c = 0; c < classes.Length; c++)
        {
            classes[c] = [];
        }

        for (var r = 0; r < exclusions.Length; r++)
        {
            var rule = exclusions[r];
            exclusionById[rule.Id] = r;
            var tested = rule.When.All.Or(rule.When.Any);
            if (rule.Lift is { } lift)
            {
                tested = tested.Or(lift.All).Or(lift.Any);
            }

            for (var w = 0; w < rule.Touches.Length; w++)
            {
                for (var set = rule.Touches[w]; set != 0; set &= set - 1)
                {
                    var c = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(set);
                    classes[c].Add(r);
                    testedByClass[c] = testedByClass[c].Or(tested);
                }
            }
        }

        rulesOfClass = [.. classes.Select(c => c.ToArray())];
        foreach (var when in compiled.ScreeningWhen)
        {
            screeningTested = screeningTested.Or(when.All).Or(when.Any);
        }

        var exercises = compiled.Exercises;
        for (var e = 0; e < exercises.Length; e++)
        {
            exerciseById[exercises[e].Id] = e;
        }
    }

    /// <summary>
    /// Answers already found, by the person's facts: without clinician overrides, the decision and every answer
    /// depend on the facts alone (leg pain is in them level by level; back pain only matters at the severe-pain
    /// threshold, where the answer is one below it). Bounded like the engine's shared parts; never changes an answer.
    /// </summary>
    private readonly BoundedInterner<IReadOnlyList<SuggestedChange>> answers = new(4096);

    /// <summary>What would change the decision made for the profile, in contract order.</summary>
    public IReadOnlyList<SuggestedChange> Find(PatientProfile profile, ProgramDecision decision)
    {
        if (!profile.ClinicianOverrides.IsEmpty)
        {
            // Overrides carry free text into every patch: never shared.
            return SearchAfresh(profile, decision);
        }

        var facts = Facts.Of(profile, thresholds);
        return answers.GetOrCreate([facts.Low, facts.High], (this, profile, decision), static (_, state) => state.Item1.SearchAfresh(state.profile, state.decision));
    }

    /// <summary>The search itself, every time (the reference for <see cref="Find"/>'s shared answers).</summary>
    internal IReadOnlyList<SuggestedChange> SearchAfresh(PatientProfile profile, ProgramDecision decision)
    {
        var search = new Search(this, profile);
        var found = new List<Entry>();
        if (decision.Decision != DecisionKind.Program)
        {
            search.ForDecision(found);
        }
        else
        {
            foreach (var excluded in decision.Excluded)
            {
                if (exerciseById.TryGetValue(excluded.Id, out var e))
                {
                    search.ForExercise(e, found);
                }
            }
        }

        // Targets come in order (decision, then exercises in id order); within one, fewest changes, then the patch's JSON.
        found.Sort(static (a, b) => a.Order != b.Order ? (a.Order < 0 ? -1 : b.Order < 0 ? 1 : string.CompareOrdinal(a.Change.Target, b.Change.Target)) : a.Changes != b.Changes ? a.Changes.CompareTo(b.Changes) : string.CompareOrdinal(a.Json, b.Json));
        var changes = new SuggestedChange[found.Count];
        for (var i = 0; i < changes.Length; i++)
        {
            changes[i] = found[i].Change;
        }

        return ValueList.Of(changes);
    }

    /// <summary>The decision for the facts: the most urgent screening rule that holds, or a program.</summary>
    private DecisionKind DecisionOf(Facts facts)
    {
        var kind = DecisionKind.Program;
        var when = compiled.ScreeningWhen;
        var rules = compiled.Screening;
        for (var i = 0; i < when.Length; i++)
        {
            if (rules[i].Decision > kind && when[i].Holds(facts))
            {
                kind = rules[i].Decision;
            }
        }

        return kind;
    }

    /// <summary>One change: its kind and value (a preference code, a pain, or the index of the exclusion rule lifted).</summary>
    private readonly record struct Atom(ChangeKind Kind, int Value)
    {
        public bool IsPain => Kind is ChangeKind.LegPain or ChangeKind.BackPain;

        public Atom At(int value) => this with { Value = value };
    }

    /// <summary>A found change with its sort keys; the patch's JSON text is written only when a tie needs it.</summary>
    private sealed class Entry(int order, int changes, SuggestedChange change)
    {
        public int Order => order;

        public int Changes => changes;

        public SuggestedChange Change => change;

        [field: System.Diagnostics.CodeAnalysis.MaybeNull]
        public string Json => field ??= ProfilePatchConverter.Text(change.Patch, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
    }
}
