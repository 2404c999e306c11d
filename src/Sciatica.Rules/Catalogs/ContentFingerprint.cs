using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Sciatica.Rules.Catalogs;

/// <summary>
/// Computes the rule-set version: the rule set's name and version plus a hash of every rule and
/// exercise, so that any change to the content changes the version.
/// </summary>
internal static class ContentFingerprint
{
    public static string Compute(ExerciseCatalog catalog, RuleSet ruleSet)
    {
        if (ReferenceEquals(catalog, DefaultCatalog.Embedded.Catalog) && ReferenceEquals(ruleSet, DefaultCatalog.Embedded.RuleSet))
        {
            // Computed from the same content when it was generated, and checked by a test.
            return PrecomputedDefaultCatalog.RuleSetVersion;
        }

        return Hash(catalog, ruleSet);
    }

    /// <summary>The fingerprint computed (kept apart so that a process on the default catalog never compiles it).</summary>
    private static string Hash(ExerciseCatalog catalog, RuleSet ruleSet)
    {
        var text = new StringBuilder();
        foreach (var rule in ruleSet.Rules)
        {
            Append(text, "rule", rule.Id, rule.Category, rule.Rationale, rule.Source, rule.Strength);
        }

        foreach (var c in ruleSet.Contraindications)
        {
            Append(text, "contraindication", c.Id, Join(c.Causes), c.WhenDirectionalPreference, c.AfterSpineSurgery, c.MinimumLegPain, c.MinimumPregnancyWeeks, Join(c.Movements), Join(c.Positions), c.Strength, c.LiftedByDirectionalPreference, c.GuardsCustomCatalogsOnly);
        }

        foreach (var g in ruleSet.Screening)
        {
            Append(text, "gate", g.Id, g.RedFlag, g.Cause, g.Decision, g.Timeframe);
        }

        // Sources by id: the order a document declares them in is layout, not content.
        foreach (var s in ruleSet.DeclaredSources.OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            Append(text, "source", s.Id, s.Citation, s.Link);
        }

        var t = ruleSet.Thresholds;
        Append(text, "thresholds", t.SeriousPathologyMinimumAge, t.SeriousPathologyMaximumAge, t.MinimumWeeksAfterSpineSurgery, t.SeverePainFrom, t.MaximumPainDuringExercise, t.MaximumPainForProgression);
        foreach (var e in catalog.Exercises)
        {
            Append(text, "exercise", e.Id, e.Name, e.Kind, e.Position, Join(e.Movements), Dose(e.Dosage), Dose(e.MinimumDosage), Dose(e.MaximumDosage), Dose(e.ProgressionStep), Join(e.Instructions), e.Rationale, e.Source, e.ClinicianEnabledOnly, e.Alternative);
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return string.Create(CultureInfo.InvariantCulture, $"{ruleSet.Name}/{ruleSet.Version}+{Convert.ToHexStringLower(hash, 0, 6)}");
    }

    private static string Dose(Dosage d) => Join(new int?[] { d.HoldSeconds, d.Repetitions, d.Sets, d.Minutes, d.TimesPerDay });

    private static string Join<T>(IEnumerable<T> values) => string.Join("|", values.Select(v => Format(v)));

    private static string Format(object? value) => value switch
    {
        null => "~",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "~",
    };

    private static void Append(StringBuilder text, params object?[] fields)
    {
        foreach (var field in fields)
        {
            // Length-prefix each field so that no two contents can produce the same text.
            var value = Format(field);
            text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
        }

        text.Append('\n');
    }
}
