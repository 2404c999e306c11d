using System.Collections.Immutable;
using System.Globalization;

namespace Sciatica.Rules.Catalogs;

/// <summary>
/// A validated, immutable rule set: its name and version, its contraindications (kept in id order) and
/// thresholds. The screening gates, eligibility rules and advice of the clinical sources (docs/clinical-sources.md) are built into every rule
/// set and cannot be removed.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class RuleSet
{
    private IReadOnlyList<RuleDescription>? rules;

    /// <summary>Builds a rule set after checking it.</summary>
    /// <param name="name">A short name, for example <c>default</c> or <c>clinic-north</c>.</param>
    /// <param name="version">The version of the rule content, for example <c>1.0.0</c>: letters, digits and single dots or hyphens between them, at most 64 characters (it is part of the rule-set version and of FHIR canonical URLs).</param>
    /// <param name="contraindications">The contraindications; ids must be distinct and must not reuse a built-in rule id.</param>
    /// <param name="thresholds">The thresholds; <see langword="null"/> for <see cref="RuleThresholds.Default"/>.</param>
    /// <param name="screening">
    /// The screening gates by red flag and cause; <see langword="null"/> for the brief's gates. Every red flag and
    /// gating cause of the brief must keep a gate at least as urgent as the brief's: a host may add or
    /// tighten gates, never remove or weaken them.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="contraindications"/> is null.</exception>
    /// <exception cref="SciaticaValidationException">Anything is invalid; every problem is listed, each with its path.</exception>
    public RuleSet(string name, string version, IEnumerable<Contraindication> contraindications, RuleThresholds? thresholds = null, IEnumerable<ScreeningGate>? screening = null)
    {
        ArgumentNullException.ThrowIfNull(contraindications);
        var problems = new ProblemList();
        var built = Validate(name, version, contraindications.ToImmutableArray(), thresholds ?? RuleThresholds.Default, screening?.ToImmutableArray() ?? BuiltInRules.DefaultGates, problems);
        problems.ThrowIfAny("rule set");
        (Name, Version, Contraindications, Thresholds, Screening, BuiltIns) = (name, version, built.Contraindications, built.Thresholds, built.Screening, built.BuiltIns);
    }

    private RuleSet(string name, string version, ImmutableArray<Contraindication> contraindications, RuleThresholds thresholds, ImmutableArray<ScreeningGate> screening, BuiltInRules builtIns)
    {
        Name = name;
        Version = version;
        Contraindications = contraindications;
        Thresholds = thresholds;
        Screening = screening;
        BuiltIns = builtIns;
    }

    internal static RuleSet FromValidated(string name, string version, (ImmutableArray<Contraindication> Contraindications, RuleThresholds Thresholds, ImmutableArray<ScreeningGate> Screening, BuiltInRules BuiltIns) built, IReadOnlyList<ClinicalSource> declaredSources) =>
        FromValidated(name, version, built.Contraindications, built.Thresholds, built.Screening, built.BuiltIns, declaredSources);

    /// <summary>A rule set from parts already validated, each given on its own (the precomputed default makes no tuple: its code is the framework's, compiled by the JIT even in a ReadyToRun build).</summary>
    internal static RuleSet FromValidated(string name, string version, ImmutableArray<Contraindication> contraindications, RuleThresholds thresholds, ImmutableArray<ScreeningGate> screening, BuiltInRules builtIns, IReadOnlyList<ClinicalSource> declaredSources) =>
        new(name, version, contraindications, thresholds, screening, builtIns) { DeclaredSources = declaredSources };

    /// <summary>Gets the clinical sources the catalog document declared beside the built-in ones (<see cref="ClinicalSources.BuiltIn"/>).</summary>
    /// <value>The default value is empty: rule sets built in code cite built-in sources only.</value>
    public IReadOnlyList<ClinicalSource> DeclaredSources { get; private init; } = [];

    /// <summary>Gets the default rule set, as documented in docs/rules.md.</summary>
    public static RuleSet Default => DefaultCatalog.Embedded.RuleSet;

    /// <summary>Gets the rule set's name.</summary>
    public string Name { get; }

    /// <summary>Gets the version of the rule content.</summary>
    public string Version { get; }

    /// <summary>Gets the contraindications, in id order.</summary>
    public IReadOnlyList<Contraindication> Contraindications { get; }

    /// <summary>Gets the thresholds.</summary>
    public RuleThresholds Thresholds { get; }

    /// <summary>Gets the screening gates by red flag and cause, most urgent first.</summary>
    public IReadOnlyList<ScreeningGate> Screening { get; }

    /// <summary>Gets a description of every rule: the built-in ones, then the contraindications.</summary>
    /// <remarks>Described on first use: deciding does not need it, so building the default engine at start-up does not pay for it.</remarks>
    public IReadOnlyList<RuleDescription> Rules => Volatile.Read(ref rules) ?? DescribeRules();

    internal BuiltInRules BuiltIns { get; }

    /// <summary>Describes every rule once; a thread that loses the race uses the winner's equal list.</summary>
    private IReadOnlyList<RuleDescription> DescribeRules()
    {
        IReadOnlyList<RuleDescription> described = [.. BuiltIns.Describe(), .. Contraindications.Select(c => new RuleDescription(c.Id, RuleCategory.Contraindication, c.Rationale, c.Source, c.Strength))];
        return Interlocked.CompareExchange(ref rules, described, null) ?? described;
    }

    /// <summary>Checks a rule set's parts, adding every problem; returns the normalised parts.</summary>
    internal static (ImmutableArray<Contraindication> Contraindications, RuleThresholds Thresholds, ImmutableArray<ScreeningGate> Screening, BuiltInRules BuiltIns) Validate(
        string? name, string? version, ImmutableArray<Contraindication> contraindications, RuleThresholds thresholds, ImmutableArray<ScreeningGate> screening, ProblemList problems,
        IReadOnlyList<int>? contraindicationIndices = null, IReadOnlyList<int>? screeningIndices = null)
    {
        problems.RequireId("$.name", name);
        problems.RequireVersion("$.version", version);
        ValidateThresholds(thresholds, problems);
        ValidateScreening(screening, problems, screeningIndices);
        // Null entries were reported above; they are left out here so that nothing throws before the report. The rules are
        // built from the gates in this canonical order, so that the order a document lists them in changes neither the
        // rules nor the rule-set version (#27, point 7).
        var ordered = screening.Where(g => g is not null).OrderByDescending(g => g.Decision).ThenBy(g => g.Id, StringComparer.Ordinal).ToImmutableArray();
        var builtIns = BuiltInRules.Over(thresholds, ordered);
        ValidateContraindications(contraindications, builtIns, problems, contraindicationIndices);
        var sorted = contraindications.Where(c => c is not null).OrderBy(c => c.Id, StringComparer.Ordinal).ToImmutableArray();
        return (sorted, thresholds, ordered, builtIns);
    }

    private static void ValidateScreening(ImmutableArray<ScreeningGate> gates, ProblemList problems, IReadOnlyList<int>? indices)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < gates.Length; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"$.screening[{indices?[i] ?? i}]");
            var g = gates[i];
            if (g is null)
            {
                problems.Add(path, "must be a screening gate, not null.");
                continue;
            }

            RequireOwnId(problems, path + ".id", g.Id, BuiltInRules.OwnIds, seen);

            problems.RequireText(path + ".rationale", g.Rationale);
            problems.RequireSource(path + ".source", g.Source);
            if ((g.RedFlag is null) == (g.Cause is null))
            {
                problems.Add(path, "must name exactly one of redFlag and cause.");
                continue;
            }

            var minimum = g.RedFlag is { } flag ? ScreeningGate.BriefMinimum(flag) : ScreeningGate.BriefMinimum(g.Cause!.Value);
            if (!Enum.IsDefined(g.Decision) || g.Decision <= DecisionKind.Program)
            {
                problems.Add(path + ".decision", "must be emergency, urgentReferral, treatCauseFirst or seekMedicalAdvice: a gate that lets a program through removes it.");
            }
            else if (g.Decision < minimum)
            {
                problems.Add(path + ".decision", $"is '{ContractNames.Of(g.Decision)}', less urgent than the default rule set's '{ContractNames.Of(minimum)}' for {Subject(g)}: a host may make gates stricter, never weaker.");
            }

            if (g.Timeframe is { } timeframe && !Enum.IsDefined(timeframe))
            {
                problems.Add(path + ".timeframe", "is not a defined timeframe; allowed values: " + string.Join(", ", ContractNames.All<Timeframe>()) + ", or null.");
            }
        }

        foreach (var flag in Enum.GetValues<RedFlag>())
        {
            if (!gates.Any(g => g?.RedFlag == flag))
            {
                problems.Add("$.screening", $"has no gate for the red flag '{ContractNames.Of(flag)}': the default rule set's gates cannot be removed (it needs at least '{ContractNames.Of(ScreeningGate.BriefMinimum(flag))}').");
            }
        }

        foreach (var cause in Enum.GetValues<Cause>().Where(c => ScreeningGate.BriefMinimum(c) != DecisionKind.Program))
        {
            if (!gates.Any(g => g?.Cause == cause))
            {
                problems.Add("$.screening", $"has no gate for the cause '{ContractNames.Of(cause)}': the default rule set's gates cannot be removed (it needs at least '{ContractNames.Of(ScreeningGate.BriefMinimum(cause))}').");
            }
        }

        static string Subject(ScreeningGate g) =>
            g.RedFlag is { } f ? $"the red flag '{ContractNames.Of(f)}'" : $"the cause '{ContractNames.Of(g.Cause!.Value)}'";
    }

    private static void ValidateThresholds(RuleThresholds t, ProblemList problems)
    {
        if (t.SeriousPathologyMinimumAge is < 16 or > 30)
        {
            problems.Add("$.thresholds.seriousPathologyMinimumAge", "must be 16..30 (the brief's sources use 20).");
        }

        if (t.SeriousPathologyMaximumAge < 30 || t.SeriousPathologyMaximumAge > 55)
        {
            problems.Add("$.thresholds.seriousPathologyMaximumAge", "must be 30..55 (the brief's sources use 50 or 55; a lower value is stricter).");
        }

        if (t.MinimumWeeksAfterSpineSurgery is < 4 or > 52)
        {
            problems.Add("$.thresholds.minimumWeeksAfterSpineSurgery", "must be 4..52: a program never starts earlier than 4 weeks after spine surgery [POSTOP].");
        }

        if (t.SeverePainFrom is < 1 or > 7)
        {
            problems.Add("$.thresholds.severePainFrom", "must be 1..7: pain of 7 out of 10 or more is severe and always seeks medical advice first [NRS]; a host may lower it, never raise it.");
        }

        if (t.MaximumPainDuringExercise is < 0 or > 5)
        {
            problems.Add("$.thresholds.maximumPainDuringExercise", "must be 0..5: pain during exercise above 5/10 is never acceptable [PMM].");
        }

        if (t.MaximumPainForProgression < 0 || t.MaximumPainForProgression > t.MaximumPainDuringExercise)
        {
            problems.Add("$.thresholds.maximumPainForProgression", "must be 0..maximumPainDuringExercise.");
        }
    }

    private static void ValidateContraindications(ImmutableArray<Contraindication> list, BuiltInRules builtIns, ProblemList problems, IReadOnlyList<int>? indices)
    {
        // The gates' ids as well as the built-in rules' (a gate is reported for its own clash above).
        var reserved = builtIns.Describe().Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Length; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"$.contraindications[{indices?[i] ?? i}]");
            var c = list[i];
            if (c is null)
            {
                problems.Add(path, "must be a contraindication, not null.");
                continue;
            }

            RequireOwnId(problems, path + ".id", c.Id, reserved, seen);

            problems.RequireText(path + ".rationale", c.Rationale);
            problems.RequireSource(path + ".source", c.Source);
            if (c.Movements.IsEmpty && c.Positions.IsEmpty)
            {
                problems.Add(path + ".movements", "must list at least one movement pattern to avoid (or positions must list a starting position to avoid).");
            }

            if (c.Positions.Any(x => !Enum.IsDefined(x)))
            {
                problems.Add(path + ".positions", "holds a value that is not a defined body position.");
            }

            if (c.MinimumLegPain is < 0 or > 10)
            {
                problems.Add(path + ".minimumLegPain", "must be 0..10 (the leg pain from which the rule applies) or null.");
            }

            if (c.MinimumPregnancyWeeks is < 0 or > 42)
            {
                problems.Add(path + ".minimumPregnancyWeeks", "must be 0..42 (the week of pregnancy from which the rule applies) or null.");
            }

            if (c.Movements.Any(m => !Enum.IsDefined(m)))
            {
                problems.Add(path + ".movements", "holds a value that is not a defined movement pattern.");
            }

            if (c.Causes.Any(x => !Enum.IsDefined(x)))
            {
                problems.Add(path + ".causes", "holds a value that is not a defined cause.");
            }

            if (!Enum.IsDefined(c.Strength) || c.Strength == ContraindicationStrength.Unspecified)
            {
                problems.Add(path + ".strength", "must be relative or absolute.");
            }

            RequireDefined(problems, path + ".whenDirectionalPreference", c.WhenDirectionalPreference);
            RequireDefined(problems, path + ".liftedByDirectionalPreference", c.LiftedByDirectionalPreference);
            if (c.LiftedByDirectionalPreference is not null && c.Strength != ContraindicationStrength.Relative)
            {
                problems.Add(path + ".liftedByDirectionalPreference", "must be null for an absolute rule: nothing lifts an absolute contraindication.");
            }
        }
    }

    /// <summary>Requires an id that is given, is not a built-in rule's (<paramref name="reserved"/>) and is not given twice.</summary>
    private static void RequireOwnId(ProblemList problems, string path, string? id, IReadOnlySet<string> reserved, HashSet<string> seen)
    {
        problems.RequireId(path, id);
        if (id is not null && reserved.Contains(id))
        {
            problems.Add(path, $"'{ProblemList.Echo(id)}' is the id of a built-in rule, which cannot be replaced or removed.");
        }
        else
        {
            problems.RequireUniqueId(path, id, seen, "rule");
        }
    }

    /// <summary>Requires a directional preference that is null or one of the contract's (a rule set built in code can hold any number).</summary>
    private static void RequireDefined(ProblemList problems, string path, DirectionalPreference? preference)
    {
        if (preference is { } value && !Enum.IsDefined(value))
        {
            problems.Add(path, "is not a defined directional preference; allowed values: " + string.Join(", ", ContractNames.All<DirectionalPreference>()) + ", or null.");
        }
    }
}
