using System.Globalization;
using Microsoft.Extensions.Configuration;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules;

/// <summary>
/// Binds <see cref="SciaticaRulesOptions"/> from a configuration section by hand, without the reflection binder, so
/// the library stays trim- and AOT-safe and a bad setting is reported like bad input: the key, what was wrong and
/// what is allowed. Unknown keys are errors (a misspelt threshold must not silently keep the default).
/// </summary>
internal static class SciaticaRulesConfiguration
{
    private static readonly (string Key, Func<RuleThresholds, int, RuleThresholds> Set)[] ThresholdKeys =
    [
        (nameof(RuleThresholds.SeriousPathologyMinimumAge), (t, v) => t with { SeriousPathologyMinimumAge = v }),
        (nameof(RuleThresholds.SeriousPathologyMaximumAge), (t, v) => t with { SeriousPathologyMaximumAge = v }),
        (nameof(RuleThresholds.MinimumWeeksAfterSpineSurgery), (t, v) => t with { MinimumWeeksAfterSpineSurgery = v }),
        (nameof(RuleThresholds.SeverePainFrom), (t, v) => t with { SeverePainFrom = v }),
        (nameof(RuleThresholds.MaximumPainDuringExercise), (t, v) => t with { MaximumPainDuringExercise = v }),
        (nameof(RuleThresholds.MaximumPainForProgression), (t, v) => t with { MaximumPainForProgression = v }),
    ];

    private static readonly string AllowedThresholds = string.Join(", ", ThresholdKeys.Select(k => k.Key));

    /// <summary>Sets the options from <paramref name="section"/>; problems go to <see cref="SciaticaRulesOptions.ConfigurationProblems"/>.</summary>
    public static void Bind(IConfiguration section, SciaticaRulesOptions options)
    {
        var problems = new List<string>();
        var prefix = section is IConfigurationSection named ? named.Path + ":" : string.Empty;
        foreach (var child in section.GetChildren())
        {
            if (string.Equals(child.Key, nameof(SciaticaRulesOptions.CatalogPath), StringComparison.OrdinalIgnoreCase))
            {
                // An empty value (a null in appsettings.json) means the default catalog.
                options.CatalogPath = string.IsNullOrEmpty(child.Value) ? options.CatalogPath : child.Value;
            }
            else if (string.Equals(child.Key, nameof(SciaticaRulesOptions.Thresholds), StringComparison.OrdinalIgnoreCase))
            {
                options.Thresholds = BindThresholds(child, options.Thresholds, problems);
            }
            else
            {
                problems.Add($"{prefix}{child.Key}: is not a setting of Sciatica.Rules; allowed settings: CatalogPath, Thresholds.");
            }
        }

        if (problems.Count > 0)
        {
            (options.ConfigurationProblems ??= []).AddRange(problems);
        }
    }

    private static RuleThresholds? BindThresholds(IConfigurationSection section, RuleThresholds? thresholds, List<string> problems)
    {
        foreach (var child in section.GetChildren())
        {
            var key = ThresholdKeys.FirstOrDefault(k => string.Equals(k.Key, child.Key, StringComparison.OrdinalIgnoreCase));
            if (key.Set is null)
            {
                problems.Add($"{child.Path}: is not a threshold; allowed thresholds: {AllowedThresholds}.");
            }
            else if (!int.TryParse(child.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                problems.Add($"{child.Path}: is '{child.Value}'; allowed values: a whole number (thresholds may only be tightened, never loosened).");
            }
            else
            {
                thresholds = key.Set(thresholds ?? new RuleThresholds(), value);
            }
        }

        return thresholds;
    }
}
