using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules;

/// <summary>
/// The selection engine: from a person's profile to one explained decision. Screening comes first and
/// the most urgent applicable decision wins; only then are exercises chosen, each catalog exercise
/// either included with its rationale or excluded with every rule that excludes it.
/// </summary>
/// <remarks>
/// Pure and deterministic: no clock, no randomness, no culture dependence and no I/O. The rule set is compiled
/// to bit masks once, here (see docs/benchmarks.md); every call evaluates every rule afresh. Equal parts of
/// decisions (reason lists, refusals) are shared between calls in bounded tables, which never change an answer,
/// so one instance is safe and best shared between threads. The rule-set version is computed once, here.
/// </remarks>
public sealed class ProgramSelector : IProgramSelector
{
    /// <summary>The rule set compiled to bit masks: the one evaluator, with or without clinician overrides.</summary>
    private readonly CompiledRules compiled;

    private ChangeSearch? suggestions;

    /// <summary>Creates an engine over the default catalog and rule set.</summary>
    public ProgramSelector()
        : this(ExerciseCatalog.Default, RuleSet.Default)
    {
    }

    /// <summary>Creates an engine over a catalog and a rule set, both already validated.</summary>
    /// <param name="catalog">The exercises to choose from.</param>
    /// <param name="ruleSet">The rules to apply.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ProgramSelector(ExerciseCatalog catalog, RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(ruleSet);
        Catalog = catalog;
        RuleSet = ruleSet;
        RuleSetVersion = ContentFingerprint.Compute(catalog, ruleSet);
        compiled = new CompiledRules(catalog, ruleSet, RuleSetVersion);
    }

    /// <summary>Gets a shared engine over the default catalog and rule set.</summary>
    public static ProgramSelector Default { get; } = new();

    /// <inheritdoc />
    public ExerciseCatalog Catalog { get; }

    /// <inheritdoc />
    public RuleSet RuleSet { get; }

    /// <inheritdoc />
    public string RuleSetVersion { get; }

    /// <inheritdoc />
    public ProgramDecision Select(PatientProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        using var activity = SciaticaRulesTelemetry.Source.StartActivity("sciatica_rules.select");
        var decision = Decide(profile);
        SciaticaRulesTelemetry.Decided(decision.Decision, RuleSetVersion);
        activity?.SetTag("decision", ContractNames.Of(decision.Decision));
        activity?.SetTag("rule_set_version", RuleSetVersion);
        return decision;
    }

    /// <inheritdoc />
    public ProgramDecision Select(PatientProfile profile, SelectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var decision = Select(profile);
        if (!options.WhatWouldChange)
        {
            return decision;
        }

        using var activity = SciaticaRulesTelemetry.Source.StartActivity("sciatica_rules.what_would_change");
        return decision with { WhatWouldChange = Suggestions.Find(profile, decision) };
    }

    /// <summary>What would change the decision, searched afresh (not from the shared answers): the reference and the cost measured.</summary>
    internal IReadOnlyList<SuggestedChange> WhatWouldChangeAfresh(PatientProfile profile) => Suggestions.SearchAfresh(profile, Select(profile));

    /// <summary>The search for what would change a decision: built on its first use, since plain decisions never need it.</summary>
    private ChangeSearch Suggestions => LazyInitializer.EnsureInitialized(ref suggestions, () => new ChangeSearch(compiled));

    private ProgramDecision Decide(PatientProfile profile)
    {
        if (profile.ClinicianOverrides.IsEmpty)
        {
            return compiled.Decide(profile);
        }

        compiled.CheckOverrides(profile);
        return compiled.DecideWithOverrides(profile);
    }
}
