using System.Globalization;

namespace Sciatica.Rules.Catalogs;

/// <summary>
/// Holds a full catalog document (one without <c>extends</c>) to what an overlay cannot escape: nothing it says may answer
/// a person more loosely than the default catalog of this library (read from the loaded default, never restated here).
/// Its thresholds may only tighten; for every red flag and cause the default gates, its own gates must decide at least as
/// urgently and at least as soon; an exercise with a default id keeps at least the default's movement tags, its position,
/// its kind and its clinician-only flag; and every default contraindication stays (<see cref="CatalogLoader"/>).
/// </summary>
internal static class DefaultFloor
{
    public static void Check(CatalogReader.Document read, (ExerciseCatalog Catalog, RuleSet RuleSet) floor, ProblemList problems)
    {
        var found = new ProblemList();

        // Thresholds: every field compared, as an overlay's set fields are.
        ThresholdTightening.Merge(floor.RuleSet.Thresholds, read.Thresholds, _ => true, "$.thresholds", found, "default");
        Gates(read, floor.RuleSet.Screening, found);
        Exercises(read, floor.Catalog, found);

        // A field the document's own checks already refused (out of range, below the brief) is reported once.
        var reported = problems.Items.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var problem in found.Items.Where(p => !reported.Contains(p.Path)))
        {
            problems.Add(problem.Path, problem.Message);
        }
    }

    /// <summary>
    /// Per subject (red flag or cause), the most urgent decision and the soonest timeframe its gates give; the engine takes
    /// the most urgent decision and the soonest timeframe of the rules that hold, so a document that keeps both per subject
    /// is never looser for any person.
    /// </summary>
    private static void Gates(CatalogReader.Document read, IReadOnlyList<ScreeningGate> defaults, ProblemList problems)
    {
        var own = read.Screening.Select((g, i) => (Gate: g, At: read.ScreeningIndices[i])).Where(x => x.Gate is not null).ToList();
        foreach (var subject in defaults.GroupBy(Subject, StringComparer.Ordinal))
        {
            var (decision, timeframe) = Strongest(subject);
            var mine = own.Where(x => Subject(x.Gate) == subject.Key).ToList();
            if (mine.Count == 0)
            {
                // A missing gate of the brief is reported by the rule set's own check; a gate the default adds beyond it is reported here.
                if (!ReportedByRuleSet(subject.First()))
                {
                    problems.Add("$.screening", $"has no gate for {Words(subject.Key)}: the default catalog's gate ('{ContractNames.Of(decision)}', {ContractNames.Of(timeframe)}) cannot be removed, only made stricter.");
                }

                continue;
            }

            var (myDecision, myTimeframe) = Strongest(mine.Select(x => x.Gate));
            var path = JsonPaths.Index("$.screening", mine[0].At);
            if (myDecision < decision)
            {
                problems.Add(path + ".decision", $"gives '{ContractNames.Of(myDecision)}' for {Words(subject.Key)}, less urgent than the default catalog's '{ContractNames.Of(decision)}': a gate may be made stricter, never weaker.");
            }
            else if (myTimeframe > timeframe)
            {
                problems.Add(path + ".timeframe", $"gives '{ContractNames.Of(myTimeframe)}' for {Words(subject.Key)}, later than the default catalog's '{ContractNames.Of(timeframe)}': a timeframe may be made sooner, never later.");
            }
        }
    }

    private static void Exercises(CatalogReader.Document read, ExerciseCatalog defaults, ProblemList problems)
    {
        for (var i = 0; i < read.Exercises.Length; i++)
        {
            if (read.Exercises[i] is not { } exercise || defaults.Find(exercise.Id) is not { } floor)
            {
                continue;
            }

            var path = JsonPaths.Index("$.exercises", read.ExerciseIndices[i]);
            var weaker = new List<string>();
            if (!floor.Movements.All(exercise.Movements.Contains))
            {
                weaker.Add("movements must include " + string.Join(", ", floor.Movements.Select(ContractNames.Of)));
            }

            if (exercise.Position != floor.Position)
            {
                weaker.Add($"position must stay '{ContractNames.Of(floor.Position)}'");
            }

            if (exercise.Kind != floor.Kind)
            {
                weaker.Add($"kind must stay '{ContractNames.Of(floor.Kind)}'");
            }

            if (floor.ClinicianEnabledOnly && !exercise.ClinicianEnabledOnly)
            {
                weaker.Add("clinicianEnabledOnly must stay true");
            }

            if (weaker.Count > 0)
            {
                problems.Add(path, $"weakens the default exercise '{exercise.Id}': {string.Join("; ", weaker)} (the contraindications read them; a catalog may add tags, never drop them).");
            }
        }
    }

    private static (DecisionKind Decision, Timeframe Timeframe) Strongest(IEnumerable<ScreeningGate> gates)
    {
        var list = gates.ToList();
        return (list.Max(g => g.Decision), list.Min(Effective));
    }

    /// <summary>The timeframe a gate gives: its own when sooner than its decision's usual one (as the engine reads it).</summary>
    private static Timeframe Effective(ScreeningGate gate)
    {
        var usual = Timeframes.For(gate.Decision) ?? Timeframe.Now;
        return gate.Timeframe is { } own && own < usual ? own : usual;
    }

    private static bool ReportedByRuleSet(ScreeningGate gate) =>
        gate.RedFlag is not null || (gate.Cause is { } cause && ScreeningGate.BriefMinimum(cause) != DecisionKind.Program);

    private static string Subject(ScreeningGate gate) =>
        gate.RedFlag is { } flag ? "redFlag:" + ContractNames.Of(flag) : "cause:" + ContractNames.Of(gate.Cause!.Value);

    private static string Words(string subject) =>
        subject.StartsWith("redFlag:", StringComparison.Ordinal)
            ? string.Create(CultureInfo.InvariantCulture, $"the red flag '{subject["redFlag:".Length..]}'")
            : string.Create(CultureInfo.InvariantCulture, $"the cause '{subject["cause:".Length..]}'");
}
