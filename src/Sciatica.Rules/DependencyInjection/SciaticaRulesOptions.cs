using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules;

/// <summary>
/// How <see cref="SciaticaRulesServiceCollectionExtensions.AddSciaticaRules(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{SciaticaRulesOptions})"/>
/// builds the engine: which catalog document to load and which thresholds to apply. Validated once at
/// start-up (every problem of the catalog is reported before a single patient is seen).
/// </summary>
/// <remarks>Mutable while the host is configured; the engine built from it is immutable.</remarks>
public sealed class SciaticaRulesOptions
{
    /// <summary>Gets or sets the path of a catalog document; <see langword="null"/> for the default catalog.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? CatalogPath { get; set; }

    /// <summary>Gets or sets a function that opens a catalog document (used when <see cref="CatalogPath"/> is null).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Func<Stream>? OpenCatalog { get; set; }

    /// <summary>
    /// Gets or sets thresholds to tighten the catalog's, for example a stricter age threshold. They merge field by
    /// field: a field left at its default value keeps the catalog's value, and a field set looser than the catalog's
    /// is refused at start-up with the field, the catalog's value and the requested one.
    /// </summary>
    /// <value>The default value is <see langword="null"/> (the catalog's thresholds).</value>
    public RuleThresholds? Thresholds { get; set; }

    /// <summary>Problems found while binding these options from configuration, each naming its key; validation reports them.</summary>
    internal List<string>? ConfigurationProblems { get; set; }

    /// <summary>Builds the engine these options describe, logging once the catalog loaded (with the final rule-set version) or refused; throws <see cref="SciaticaValidationException"/> or <see cref="IOException"/>.</summary>
    internal ProgramSelector Build(Microsoft.Extensions.Logging.ILogger? logger = null)
    {
        // A catalog refused is logged by the loader; a catalog loaded is logged once below, after the thresholds
        // are merged, so the log names the rule-set version the engine really uses.
        var engine = CatalogPath is not null ? LoadFrom(() => File.OpenRead(CatalogPath), logger)
            : OpenCatalog is not null ? LoadFrom(OpenCatalog, logger)
            : ProgramSelector.Default;
        if (Thresholds is not null)
        {
            // Field by field: a field left at its default keeps the catalog's value; a field set looser than the catalog's is refused.
            var rules = engine.RuleSet;
            var problems = new ProblemList();
            var merged = ThresholdTightening.Merge(rules.Thresholds, Thresholds, ThresholdTightening.SetInCode(Thresholds), "$.thresholds", problems, rules.Name);
            problems.ThrowIfAny("options");
            engine = new ProgramSelector(engine.Catalog, new RuleSet(rules.Name, rules.Version, rules.Contraindications, merged, rules.Screening));
        }

        if (logger is not null)
        {
            Log.CatalogLoaded(logger, engine.RuleSet.Name, engine.RuleSet.Version, engine.RuleSetVersion, engine.Catalog.Exercises.Count, engine.RuleSet.Contraindications.Count);
        }

        return engine;
    }

    private static ProgramSelector LoadFrom(Func<Stream> open, Microsoft.Extensions.Logging.ILogger? logger)
    {
        using var stream = open();
        try
        {
            return CatalogLoader.Load(CatalogLoader.ReadAll(stream), logger: null);
        }
        catch (SciaticaValidationException ex) when (logger is not null)
        {
            Log.CatalogRefused(logger, ex.Problems.Count, string.Join("; ", ex.Problems));
            throw;
        }
    }
}
