using System.Globalization;
using RulesEngine.Models;
using Sciatica.Rules;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Benchmarks.Peers;

/// <summary>
/// The default rule set in Microsoft RulesEngine, each rule a lambda expression, built once (RulesEngine
/// compiles and caches each workflow on first use) and reused, as its documentation recommends. Two ways to run it:
/// <see cref="DecideAsync"/> runs the workflow once per profile: the screening rules and one rule per catalog
/// exercise (the exclusion rules that touch that exercise, with the exercise's fields folded in as constants);
/// <see cref="DecidePerExerciseAsync"/> runs a screening workflow, then an exclusion workflow once per exercise.
/// </summary>
public sealed class RulesEnginePeer
{
    private const string Screening = "screening";
    private const string Exclusion = "exclusion";
    private const string Once = "once-per-profile";
    private const string ExcludePrefix = "exclude:";
    private readonly RulesEngine.RulesEngine engine;
    private readonly PeerRuleData data;
    private readonly Dictionary<string, DecisionKind> decisionByRule;

    public RulesEnginePeer(PeerRuleData data)
    {
        this.data = data;
        var t = data.Thresholds;
        var gates = data.RuleSet.Screening.Select(g => (g.Id, g.Decision, Expression: g.RedFlag is { } f
            ? $"input1.RedFlags.Contains(\"{ContractNames.Of(f)}\")"
            : $"input1.Causes.Contains(\"{ContractNames.Of(g.Cause!.Value)}\")")).ToList();
        gates.Add(("treat-first-osteoporotic-trauma", DecisionKind.TreatCauseFirst, "input1.Causes.Contains(\"injury\") AND input1.Causes.Contains(\"osteoporosis\")"));
        gates.Add(("treat-first-trauma-older-age", DecisionKind.TreatCauseFirst, Invariant($"input1.Causes.Contains(\"injury\") AND input1.Age > {t.SeriousPathologyMaximumAge}")));
        gates.Add(("treat-first-trauma-age-not-recorded", DecisionKind.TreatCauseFirst, "input1.Causes.Contains(\"injury\") AND input1.Age < 0"));
        gates.Add(("emergency-cancer-with-neurological-signs", DecisionKind.Emergency,
            "(input1.RedFlags.Contains(\"cancerHistory\") OR input1.RedFlags.Contains(\"suspectedCancer\")) AND (input1.RedFlags.Contains(\"progressiveWeakness\") OR input1.RedFlags.Contains(\"footDrop\") OR input1.RedFlags.Contains(\"bilateralLegSymptoms\") OR input1.RedFlags.Contains(\"cordCompressionSigns\"))"));
        gates.Add(("advice-no-medical-clearance", DecisionKind.SeekMedicalAdvice, "input1.MedicalClearance == false"));
        gates.Add(("advice-symptoms-not-controlled", DecisionKind.SeekMedicalAdvice, "input1.SymptomsTolerateExercise == false"));
        gates.Add(("advice-recent-spine-surgery", DecisionKind.SeekMedicalAdvice, Invariant($"input1.Weeks >= 0 AND input1.Weeks < {t.MinimumWeeksAfterSpineSurgery}")));
        gates.Add(("advice-pain-above-ceiling", DecisionKind.SeekMedicalAdvice, Invariant($"input1.MaxPain >= {t.SeverePainFrom}")));
        decisionByRule = gates.ToDictionary(g => g.Id, g => g.Decision);

        var exclusions = data.RuleSet.Contraindications.Select(c => (c.Id, Expression: Contraindication(c))).ToList();
        exclusions.Add(("land-walking-painful", "input1.LandWalkingPainful AND input2.Movements.Contains(\"weightBearing\")"));
        exclusions.Add(("aquatic-needs-pool", "input1.PoolAccess == false AND input2.Movements.Contains(\"aquatic\")"));
        exclusions.Add(("water-walking-when-land-painful", "input1.LandWalkingPainful == false AND input2.Kind == \"aerobic\" AND input2.Movements.Contains(\"aquatic\")"));
        exclusions.Add(("extension-needs-preference", "input1.Preference != \"extension\" AND input2.Movements.Contains(\"lumbarExtension\")"));
        exclusions.Add(("clinician-enabled-only", "input2.ClinicianEnabledOnly"));

        engine = new RulesEngine.RulesEngine(
        [
            new Workflow { WorkflowName = Screening, Rules = [.. gates.Select(g => Rule(g.Id, g.Expression))] },
            new Workflow { WorkflowName = Exclusion, Rules = [.. exclusions.Select(e => Rule(e.Id, e.Expression))] },
            new Workflow
            {
                WorkflowName = Once,
                Rules =
                [
                    .. gates.Select(g => Rule(g.Id, g.Expression)),
                    .. data.Exercises.Select(e => Rule(ExcludePrefix + e.Id, "(" + string.Join(") OR (", exclusions.Select(x => FoldIn(x.Expression, e))) + ")")),
                ],
            },
        ], new ReSettings { EnableExceptionAsErrorMessage = false, IgnoreException = false });
    }

    /// <summary>One workflow run per profile.</summary>
    public async ValueTask<PeerDecision> DecideAsync(PatientProfile profile)
    {
        var results = await engine.ExecuteAllRulesAsync(Once, PeerPatient.From(profile)).ConfigureAwait(false);
        var decision = DecisionKind.Program;
        var included = new List<string>();
        foreach (var result in results)
        {
            var name = result.Rule.RuleName;
            if (name.StartsWith(ExcludePrefix, StringComparison.Ordinal))
            {
                if (!result.IsSuccess)
                {
                    included.Add(name[ExcludePrefix.Length..]);
                }
            }
            else if (result.IsSuccess && decisionByRule[name] > decision)
            {
                decision = decisionByRule[name];
            }
        }

        return decision == DecisionKind.Program ? new PeerDecision(decision, included) : new PeerDecision(decision, []);
    }

    /// <summary>A screening run, then an exclusion run per catalog exercise.</summary>
    public async ValueTask<PeerDecision> DecidePerExerciseAsync(PatientProfile profile)
    {
        var patient = PeerPatient.From(profile);
        var screened = await engine.ExecuteAllRulesAsync(Screening, patient).ConfigureAwait(false);
        var decision = screened.Where(r => r.IsSuccess).Select(r => decisionByRule[r.Rule.RuleName]).DefaultIfEmpty(DecisionKind.Program).Max();
        if (decision != DecisionKind.Program)
        {
            return new PeerDecision(decision, []);
        }

        var included = new List<string>();
        foreach (var exercise in data.Exercises)
        {
            var excluded = await engine.ExecuteAllRulesAsync(Exclusion, patient, exercise).ConfigureAwait(false);
            if (!excluded.Any(r => r.IsSuccess))
            {
                included.Add(exercise.Id);
            }
        }

        return new PeerDecision(decision, included);
    }

    /// <summary>Replaces each test of the exercise (input2) in an exclusion expression by its value for <paramref name="exercise"/>.</summary>
    private static string FoldIn(string expression, PeerExercise exercise)
    {
        var folded = System.Text.RegularExpressions.Regex.Replace(expression, "input2\\.Movements\\.Contains\\(\"([A-Za-z]+)\"\\)", m => Bool(exercise.Movements.Contains(m.Groups[1].Value)));
        folded = System.Text.RegularExpressions.Regex.Replace(folded, "input2\\.Position == \"([A-Za-z]+)\"", m => Bool(exercise.Position == m.Groups[1].Value));
        folded = System.Text.RegularExpressions.Regex.Replace(folded, "input2\\.Kind == \"([A-Za-z]+)\"", m => Bool(exercise.Kind == m.Groups[1].Value));
        folded = folded.Replace("input2.ClinicianEnabledOnly", Bool(exercise.ClinicianEnabledOnly), StringComparison.Ordinal);
        return folded.Contains("input2", StringComparison.Ordinal) ? throw new InvalidOperationException("Unfolded exercise test: " + folded) : folded;
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static Rule Rule(string name, string expression) =>
        new() { RuleName = name, Expression = expression, RuleExpressionType = RuleExpressionType.LambdaExpression, SuccessEvent = name };

    private static string Contraindication(Contraindication c)
    {
        var parts = new List<string>();
        if (!c.Causes.IsEmpty)
        {
            parts.Add("(" + string.Join(" OR ", c.Causes.Select(x => $"input1.Causes.Contains(\"{ContractNames.Of(x)}\")")) + ")");
        }

        if (c.WhenDirectionalPreference is { } when)
        {
            parts.Add($"input1.Preference == \"{ContractNames.Of(when)}\"");
        }

        if (c.AfterSpineSurgery)
        {
            parts.Add("input1.Weeks >= 0");
        }

        if (c.Strength == ContraindicationStrength.Relative && c.LiftedByDirectionalPreference is { } lifted)
        {
            parts.Add($"input1.Preference != \"{ContractNames.Of(lifted)}\"");
        }

        if (c.MinimumLegPain is { } pain)
        {
            parts.Add(Invariant($"input1.LegPain >= {pain}"));
        }

        if (c.MinimumPregnancyWeeks is { } weeks)
        {
            parts.Add(Invariant($"input1.PregnancyWeeks >= {weeks}"));
        }

        parts.Add("(" + string.Join(" OR ", c.Movements.Select(m => $"input2.Movements.Contains(\"{ContractNames.Of(m)}\")")
            .Concat(c.Positions.Select(x => $"input2.Position == \"{ContractNames.Of(x)}\""))) + ")");
        return string.Join(" AND ", parts);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
