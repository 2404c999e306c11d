using System.Collections.Immutable;
using System.Globalization;
using Sciatica.Rules.Domain;
using Sciatica.Rules.Validation;

namespace Sciatica.Rules.Rules;

/// <summary>
/// A validated, immutable rule set: its name and version, its contraindications (kept in id order) and
/// thresholds. The screening gates, eligibility rules and advice of BRIEF.md are built into every rule
/// set and cannot be removed.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class RuleSet
{
    /// <summary>Builds a rule set after checking it.</summary>
    /// <param name="name">A short name, for example <c>default</c> or <c>clinic-north</c>.</param>
    /// <param name="version">The version of the rule content, for example <c>1.0.0</c>.</param>
    /// <param name="contraindications">The contraindications; ids must be distinct and must not reuse a built-in rule id.</param>
    /// <param name="thresholds">The thresholds; <see langword="null"/> for <see cref="RuleThresholds.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="contraindications"/> is null.</exception>
    /// <exception cref="SciaticaValidationException">Anything is invalid; every problem is listed, each with its path.</exception>
    public RuleSet(string name, string version, IEnumerable<Contraindication> contraindications, RuleThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(contraindications);
        var list = contraindications.ToImmutableArray();
        Thresholds = thresholds ?? RuleThresholds.Default;
        var problems = new ProblemList();
        problems.RequireId("$.name", name);
        problems.RequireText("$.version", version);
        ValidateThresholds(Thresholds, problems);
        BuiltIns = new BuiltInRules(Thresholds);
        ValidateContraindications(list, BuiltIns, problems);
        problems.ThrowIfAny("rule set");
        Name = name;
        Version = version;
        Contraindications = list.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        Rules = [.. BuiltIns.Describe(), .. Contraindications.Select(c => new RuleDescription(c.Id, RuleCategory.Contraindication, c.Rationale, c.Source, c.Strength))];
    }

    /// <summary>Gets the default rule set (BRIEF.md).</summary>
    public static RuleSet Default { get; } = new("default", "1.0.0", DefaultContraindications.All);

    /// <summary>Gets the rule set's name.</summary>
    public string Name { get; }

    /// <summary>Gets the version of the rule content.</summary>
    public string Version { get; }

    /// <summary>Gets the contraindications, in id order.</summary>
    public EquatableArray<Contraindication> Contraindications { get; }

    /// <summary>Gets the thresholds.</summary>
    public RuleThresholds Thresholds { get; }

    /// <summary>Gets a description of every rule: the built-in ones, then the contraindications.</summary>
    public EquatableArray<RuleDescription> Rules { get; }

    internal BuiltInRules BuiltIns { get; }

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

        if (t.MaximumPainForProgram is < 0 or > 10)
        {
            problems.Add("$.thresholds.maximumPainForProgram", "must be 0..10.");
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

    private static void ValidateContraindications(ImmutableArray<Contraindication> list, BuiltInRules builtIns, ProblemList problems)
    {
        var reserved = builtIns.Describe().Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Length; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"$.contraindications[{i}]");
            var c = list[i];
            if (c is null)
            {
                problems.Add(path, "must be a contraindication, not null.");
                continue;
            }

            problems.RequireId(path + ".id", c.Id);
            if (c.Id is not null && reserved.Contains(c.Id))
            {
                problems.Add(path + ".id", $"'{c.Id}' is the id of a built-in rule, which cannot be replaced or removed.");
            }
            else if (c.Id is not null && !seen.Add(c.Id))
            {
                problems.Add(path + ".id", $"duplicate rule id '{c.Id}': each id must appear once.");
            }

            problems.RequireText(path + ".rationale", c.Rationale);
            problems.RequireSource(path + ".source", c.Source);
            if (c.Movements.IsEmpty)
            {
                problems.Add(path + ".movements", "must list at least one movement pattern to avoid.");
            }

            if (c.Movements.Any(m => !Enum.IsDefined(m)))
            {
                problems.Add(path + ".movements", "holds a value that is not a defined movement pattern.");
            }

            if (c.Causes.Any(x => !Enum.IsDefined(x)))
            {
                problems.Add(path + ".causes", "holds a value that is not a defined cause.");
            }

            if (!Enum.IsDefined(c.Strength))
            {
                problems.Add(path + ".strength", "must be relative or absolute.");
            }

            if (c.LiftedByDirectionalPreference is not null && c.Strength != ContraindicationStrength.Relative)
            {
                problems.Add(path + ".liftedByDirectionalPreference", "must be null for an absolute rule: nothing lifts an absolute contraindication.");
            }
        }
    }
}
