using System.Globalization;

namespace Sciatica.Rules.Catalogs;

/// <summary>
/// Merges thresholds field by field onto a catalog's, accepting only values at least as strict as the catalog's:
/// a looser value is a problem naming the field, the catalog's value and the requested one.
/// </summary>
internal static class ThresholdTightening
{
    // Each field with the direction that is stricter: +1 when a larger value is stricter, -1 when a smaller one is.
    private static readonly (string Name, Func<RuleThresholds, int> Get, int Stricter)[] Fields =
    [
        ("seriousPathologyMinimumAge", t => t.SeriousPathologyMinimumAge, +1),
        ("seriousPathologyMaximumAge", t => t.SeriousPathologyMaximumAge, -1),
        ("minimumWeeksAfterSpineSurgery", t => t.MinimumWeeksAfterSpineSurgery, +1),
        ("severePainFrom", t => t.SeverePainFrom, -1),
        ("maximumPainDuringExercise", t => t.MaximumPainDuringExercise, -1),
        ("maximumPainForProgression", t => t.MaximumPainForProgression, -1),
    ];

    /// <summary>
    /// Takes from <paramref name="requested"/> the fields <paramref name="isSet"/> names, the others from
    /// <paramref name="catalog"/>; adds a problem for every set field looser than the catalog's.
    /// </summary>
    public static RuleThresholds Merge(RuleThresholds catalog, RuleThresholds requested, Func<string, bool> isSet, string pathPrefix, ProblemList problems, string catalogName)
    {
        foreach (var (name, get, stricter) in Fields)
        {
            if (isSet(name) && (get(requested) - get(catalog)) * stricter < 0)
            {
                problems.Add(
                    pathPrefix + "." + name,
                    string.Create(CultureInfo.InvariantCulture, $"is {get(requested)}, looser than the {catalogName} catalog's {get(catalog)}: thresholds may only be tightened (a {(stricter > 0 ? "larger" : "smaller")} value is stricter)."));
            }
        }

        int Pick(string name, Func<RuleThresholds, int> get) => isSet(name) ? get(requested) : get(catalog);
        return new RuleThresholds
        {
            SeriousPathologyMinimumAge = Pick("seriousPathologyMinimumAge", t => t.SeriousPathologyMinimumAge),
            SeriousPathologyMaximumAge = Pick("seriousPathologyMaximumAge", t => t.SeriousPathologyMaximumAge),
            MinimumWeeksAfterSpineSurgery = Pick("minimumWeeksAfterSpineSurgery", t => t.MinimumWeeksAfterSpineSurgery),
            SeverePainFrom = Pick("severePainFrom", t => t.SeverePainFrom),
            MaximumPainDuringExercise = Pick("maximumPainDuringExercise", t => t.MaximumPainDuringExercise),
            MaximumPainForProgression = Pick("maximumPainForProgression", t => t.MaximumPainForProgression),
        };
    }

    /// <summary>The fields of <paramref name="requested"/> that differ from the default thresholds: what a host set in code.</summary>
    public static Func<string, bool> SetInCode(RuleThresholds requested) =>
        name => Fields.Single(f => f.Name == name).Get is var get && get(requested) != get(RuleThresholds.Default);
}
