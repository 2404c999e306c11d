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
    /// Gets or sets thresholds that replace the catalog's, for example a stricter age threshold; they are
    /// validated like a catalog's (a host may tighten, never loosen the brief's floors).
    /// </summary>
    /// <value>The default value is <see langword="null"/> (the catalog's thresholds).</value>
    public RuleThresholds? Thresholds { get; set; }

    /// <summary>Builds the engine these options describe, logging the catalog loaded or refused; throws <see cref="SciaticaValidationException"/> or <see cref="IOException"/>.</summary>
    internal ProgramSelector Build(Microsoft.Extensions.Logging.ILogger? logger = null)
    {
        var engine = CatalogPath is not null ? CatalogLoader.Load(File.ReadAllBytes(CatalogPath), logger)
            : OpenCatalog is not null ? LoadFrom(OpenCatalog, logger)
            : Loaded(ProgramSelector.Default, logger);
        if (Thresholds is null)
        {
            return engine;
        }

        var rules = engine.RuleSet;
        return Loaded(new ProgramSelector(engine.Catalog, new RuleSet(rules.Name, rules.Version, rules.Contraindications, Thresholds, rules.Screening)), logger);
    }

    private static ProgramSelector Loaded(ProgramSelector engine, Microsoft.Extensions.Logging.ILogger? logger)
    {
        if (logger is not null)
        {
            Log.CatalogLoaded(logger, engine.RuleSet.Name, engine.RuleSet.Version, engine.RuleSetVersion, engine.Catalog.Exercises.Count, engine.RuleSet.Contraindications.Count);
        }

        return engine;
    }

    private static ProgramSelector LoadFrom(Func<Stream> open, Microsoft.Extensions.Logging.ILogger? logger)
    {
        using var stream = open();
        return CatalogLoader.Load(CatalogLoader.ReadAll(stream), logger);
    }
}
