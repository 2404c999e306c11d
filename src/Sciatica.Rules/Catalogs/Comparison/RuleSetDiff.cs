namespace Sciatica.Rules.Catalogs;

/// <summary>
/// Compares the decisions of two engines (catalogs and rule sets) before a clinical lead signs off a change: which
/// profiles get another decision, another timeframe or another set of exercises, and the rule ids responsible.
/// </summary>
/// <remarks>
/// The profiles are a seeded sample drawn from the values the rules read, with the thresholds of both rule sets and
/// one either side of each: every cause and red flag (alone and in pairs), pain at the severity bands, age missing
/// and around the age limits, weeks since surgery and of pregnancy around their limits, every boolean and
/// directional preference. The space is too large to enumerate, so the sample is stated (size and seed) in the
/// result; the same engines, size and seed give the same comparison.
/// </remarks>
public static class RuleSetDiff
{
    /// <summary>Compares two engines over a seeded sample of profiles.</summary>
    /// <param name="from">The engine in use.</param>
    /// <param name="to">The engine proposed.</param>
    /// <param name="sampleSize">How many profiles to compare.</param>
    /// <param name="seed">The seed of the sample.</param>
    /// <returns>Every change, grouped by what changed, each with a count and an example profile.</returns>
    /// <exception cref="ArgumentNullException">An engine is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sampleSize"/> is not positive.</exception>
    public static RuleSetComparison Compare(IProgramSelector from, IProgramSelector to, int sampleSize = 20_000, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleSize);
        var groups = new SortedDictionary<string, (DecisionChange Change, int Count)>(StringComparer.Ordinal);
        foreach (var profile in SampleProfiles(from, to, sampleSize, seed))
        {
            var before = from.Select(profile);
            var after = to.Select(profile);
            var removed = before.Exercises.Select(e => e.Id).Except(after.Exercises.Select(e => e.Id)).Order(StringComparer.Ordinal).ToArray();
            var added = after.Exercises.Select(e => e.Id).Except(before.Exercises.Select(e => e.Id)).Order(StringComparer.Ordinal).ToArray();
            // A later timeframe for the same decision is a decision change too (a fever seen within days instead of 24 hours).
            if (before.Decision == after.Decision && before.Timeframe == after.Timeframe && removed.Length == 0 && added.Length == 0)
            {
                continue;
            }

            var rules = Responsible(before, after, added, removed);
            var key = string.Join("|", ContractNames.Of(before.Decision), ContractNames.Of(after.Decision), Name(before.Timeframe), Name(after.Timeframe), string.Join(",", added), string.Join(",", removed), string.Join(",", rules));
            groups[key] = groups.TryGetValue(key, out var seen)
                ? (seen.Change, seen.Count + 1)
                : (new DecisionChange
                {
                    ExampleProfile = profile,
                    FromDecision = before.Decision,
                    ToDecision = after.Decision,
                    FromTimeframe = before.Timeframe,
                    ToTimeframe = after.Timeframe,
                    ExercisesAdded = added,
                    ExercisesRemoved = removed,
                    RuleIds = rules,
                    Profiles = 1,
                }, 1);
        }

        return new RuleSetComparison
        {
            From = from.RuleSetVersion,
            To = to.RuleSetVersion,
            ProfilesCompared = sampleSize,
            Seed = seed,
            Changes = [.. groups.Values.Select(g => g.Change with { Profiles = g.Count }).OrderByDescending(c => c.Profiles).ThenBy(c => c.RuleIds.Count > 0 ? c.RuleIds[0] : string.Empty, StringComparer.Ordinal)],
        };
    }

    /// <summary>
    /// The rules responsible for a change: for another kind of decision, the screening rules of the more urgent one
    /// (of both, when neither is a program); for other exercises, the rules that now leave an exercise out or that
    /// left an added one out before (an exercise new to the catalog is named as such).
    /// </summary>
    private static string[] Responsible(ProgramDecision before, ProgramDecision after, string[] added, string[] removed)
    {
        if (before.Decision != after.Decision || before.Timeframe != after.Timeframe)
        {
            IEnumerable<DecisionReason> screening = before.Decision == DecisionKind.Program ? after.Reasons
                : after.Decision == DecisionKind.Program ? before.Reasons
                : [.. before.Reasons.ExceptBy(after.Reasons.Select(r => r.RuleId), r => r.RuleId), .. after.Reasons.ExceptBy(before.Reasons.Select(r => r.RuleId), r => r.RuleId)];
            if (!screening.Any())
            {
                // The same rules with another timeframe: the rules of the proposed decision are the ones that changed.
                screening = after.Reasons;
            }

            return [.. screening.Select(r => r.RuleId).Where(id => id != BuiltInRules.OverrideRefusedId).Distinct().Order(StringComparer.Ordinal)];
        }

        var now = removed.SelectMany(id => after.Excluded.FirstOrDefault(e => e.Id == id)?.Reasons.Select(r => r.RuleId) ?? []);
        var then = added.SelectMany(id => before.Excluded.FirstOrDefault(e => e.Id == id) is { } excluded ? excluded.Reasons.Select(r => r.RuleId) : ["new-exercise:" + id]);
        return [.. now.Concat(then).Distinct().Order(StringComparer.Ordinal)];
    }

    private static string Name(Timeframe? timeframe) => timeframe is { } t ? ContractNames.Of(t) : "none";

    /// <summary>Gets the profiles <see cref="Compare"/> uses for these engines, size and seed, in order.</summary>
    /// <param name="from">The engine in use.</param>
    /// <param name="to">The engine proposed.</param>
    /// <param name="sampleSize">How many profiles.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The profiles.</returns>
    public static IEnumerable<PatientProfile> SampleProfiles(IProgramSelector from, IProgramSelector to, int sampleSize = 20_000, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var (a, b) = (from.RuleSet.Thresholds, to.RuleSet.Thresholds);
        int[] ages = [.. new[] { 16, 30, 120, a.SeriousPathologyMinimumAge, b.SeriousPathologyMinimumAge, a.SeriousPathologyMaximumAge, b.SeriousPathologyMaximumAge }
            .SelectMany(x => new[] { x - 1, x, x + 1 }).Where(x => x is >= 16 and <= 120).Distinct().Order()];
        int[] pains = [.. new[] { 0, 3, 4, 6, 10, a.SeverePainFrom, b.SeverePainFrom }.SelectMany(x => new[] { x - 1, x }).Where(x => x is >= 0 and <= 10).Distinct().Order()];
        int[] surgery = [.. new[] { 0, 52, a.MinimumWeeksAfterSpineSurgery, b.MinimumWeeksAfterSpineSurgery }.SelectMany(x => new[] { x - 1, x }).Where(x => x >= 0).Distinct().Order()];
        int?[] pregnancy = [null, null, null, 0, 11, 12, 19, 20, 42];
        var causes = Enum.GetValues<Cause>();
        var flags = Enum.GetValues<RedFlag>();
        var random = new Xorshift((uint)seed);
        for (var i = 0; i < sampleSize; i++)
        {
            var cause = causes[random.Next(causes.Length)];
            yield return new PatientProfile
            {
                Causes = random.Next(3) == 0 ? [cause, causes[random.Next(causes.Length)]] : [cause],
                RedFlags = random.Next(4) == 0 ? [flags[random.Next(flags.Length)]] : [],
                LegPain = pains[random.Next(pains.Length)],
                BackPain = pains[random.Next(pains.Length)],
                MedicalClearance = random.Next(8) != 0,
                SymptomsTolerateExercise = random.Next(8) != 0,
                LandWalkingPainful = random.Next(2) == 0,
                PoolAccess = random.Next(2) == 0,
                Age = random.Next(5) == 0 ? null : ages[random.Next(ages.Length)],
                WeeksSinceSpineSurgery = random.Next(4) == 0 ? surgery[random.Next(surgery.Length)] : null,
                PregnancyWeeks = pregnancy[random.Next(pregnancy.Length)],
                SymptomWeeks = random.Next(3) switch { 0 => null, 1 => 2, _ => 8 },
                DirectionalPreference = random.Next(4) switch { 0 => DirectionalPreference.Extension, 1 => DirectionalPreference.Flexion, _ => null },
            };
        }
    }

    /// <summary>A small seeded generator: the library never uses System.Random, and the sample must not depend on the runtime's.</summary>
    private struct Xorshift(uint seed)
    {
        private uint state = seed == 0 ? 0x9E3779B9u : seed;

        public int Next(int bound)
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            return (int)(state % (uint)bound);
        }
    }
}

/// <summary>What <see cref="RuleSetDiff.Compare"/> found: the two rule-set versions, the sample and every change.</summary>
public sealed record RuleSetComparison
{
    /// <summary>Gets the rule-set version in use.</summary>
    public required string From { get; init; }

    /// <summary>Gets the rule-set version proposed.</summary>
    public required string To { get; init; }

    /// <summary>Gets how many profiles were compared.</summary>
    public required int ProfilesCompared { get; init; }

    /// <summary>Gets the seed of the sample.</summary>
    public required int Seed { get; init; }

    /// <summary>Gets the changes, most frequent first; empty when no compared profile gets another decision or exercise.</summary>
    public required IReadOnlyList<DecisionChange> Changes { get; init => field = ValueList.Of(value); }
}

/// <summary>One kind of change between two engines' decisions, with how many compared profiles it touches and an example.</summary>
public sealed record DecisionChange
{
    /// <summary>Gets an example profile whose decision changes this way.</summary>
    public required PatientProfile ExampleProfile { get; init; }

    /// <summary>Gets how many compared profiles change this way.</summary>
    public required int Profiles { get; init; }

    /// <summary>Gets the decision in use.</summary>
    public required DecisionKind FromDecision { get; init; }

    /// <summary>Gets the decision proposed.</summary>
    public required DecisionKind ToDecision { get; init; }

    /// <summary>Gets how soon to act on the decision in use; <see langword="null"/> for a program.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Timeframe? FromTimeframe { get; init; }

    /// <summary>Gets how soon to act on the decision proposed; <see langword="null"/> for a program. A change of timeframe alone is a change.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Timeframe? ToTimeframe { get; init; }

    /// <summary>Gets the exercises the proposed engine adds, by id.</summary>
    public required IReadOnlyList<string> ExercisesAdded { get; init => field = ValueList.Of(value); }

    /// <summary>Gets the exercises the proposed engine leaves out, by id.</summary>
    public required IReadOnlyList<string> ExercisesRemoved { get; init => field = ValueList.Of(value); }

    /// <summary>Gets the rule ids that shaped one decision and not the other.</summary>
    public required IReadOnlyList<string> RuleIds { get; init => field = ValueList.Of(value); }
}
