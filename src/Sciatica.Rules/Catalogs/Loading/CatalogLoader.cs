using System.Collections.Immutable;
using System.Text.Json;

namespace Sciatica.Rules.Catalogs;

/// <summary>
/// Loads catalog documents: exercises, contraindications, screening gates and thresholds, in JSON. A
/// document is read strictly and checked whole before anything is built: it either gives a ready,
/// immutable engine or fails with every problem at once, each naming its JSON path and line. The
/// default catalog is such a document, embedded in the assembly, and goes through the same path.
/// </summary>
/// <remarks>
/// A host may add exercises, contraindications and gates and tighten thresholds, never weaken the
/// default, however the document is written (an overlay with <c>extends</c>, or a full document): thresholds only
/// tighten, every screening gate of the default stays at least as urgent and as soon, a default exercise keeps its
/// movement tags, position and kind, and every contraindication of the default rule set stays (same id, at least the
/// same causes and movements, no weaker strength).
/// Thread-safe.
/// </remarks>
public static class CatalogLoader
{
    /// <summary>The largest catalog document accepted, in bytes.</summary>
    public const int MaximumDocumentBytes = 4 * 1024 * 1024;

    private const string DefaultResource = "Sciatica.Rules.Catalogs.default-catalog.json";

    /// <summary>Loads a catalog document from a file.</summary>
    /// <param name="path">The path of the JSON document.</param>
    /// <returns>An engine over the document's catalog and rule set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="SciaticaValidationException">The document is invalid; every problem is listed with its path and line.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ProgramSelector Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <summary>Loads a catalog document from a stream of UTF-8 JSON.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <returns>An engine over the document's catalog and rule set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="SciaticaValidationException">The document is invalid; every problem is listed with its path and line.</exception>
    public static ProgramSelector Load(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return Load(ReadAll(utf8Json), logger: null);
    }

    /// <summary>
    /// Loads a catalog document from a stream of UTF-8 JSON, reading it asynchronously (for example an ASP.NET
    /// Core request body, which refuses synchronous reads).
    /// </summary>
    /// <param name="utf8Json">The document.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>An engine over the document's catalog and rule set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="SciaticaValidationException">The document is invalid; every problem is listed with its path and line.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<ProgramSelector> LoadAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var json = await DocumentReader.ReadAllAsync(utf8Json, MaximumDocumentBytes, "catalog", cancellationToken).ConfigureAwait(false);
        return Load(json, logger: null);
    }

    /// <summary>Builds the engine of a document, in a <c>sciatica_rules.catalog_load</c> span, logging what was loaded or refused.</summary>
    internal static ProgramSelector Load(byte[] json, Microsoft.Extensions.Logging.ILogger? logger)
    {
        using var activity = SciaticaRulesTelemetry.Source.StartActivity("sciatica_rules.catalog_load");
        try
        {
            var (catalog, ruleSet) = Read(json, enforceDefaults: true);
            var engine = new ProgramSelector(catalog, ruleSet);
            activity?.SetTag("catalog.name", ruleSet.Name);
            activity?.SetTag("catalog.version", ruleSet.Version);
            activity?.SetTag("rule_set_version", engine.RuleSetVersion);
            if (logger is not null)
            {
                Log.CatalogLoaded(logger, ruleSet.Name, ruleSet.Version, engine.RuleSetVersion, catalog.Exercises.Count, ruleSet.Contraindications.Count);
            }

            return engine;
        }
        catch (SciaticaValidationException ex)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, "catalog refused");
            activity?.SetTag("problems", ex.Problems.Count);
            if (logger is not null)
            {
                Log.CatalogRefused(logger, ex.Problems.Count, string.Join("; ", ex.Problems));
            }

            throw;
        }
    }

    /// <summary>Writes the catalog document of an engine (the inverse of <see cref="Load(Stream)"/>).</summary>
    /// <param name="catalog">The exercises.</param>
    /// <param name="ruleSet">The rule set.</param>
    /// <returns>The indented JSON document.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static string Write(ExerciseCatalog catalog, RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var document = new CatalogDocument(ruleSet.Name, ruleSet.Version, ruleSet.DeclaredSources, ruleSet.Thresholds, ruleSet.Screening, catalog.Exercises, ruleSet.Contraindications);
        return JsonSerializer.Serialize(document, ContractJson.Indented.CatalogDocument) + "\n";
    }

    internal static (ExerciseCatalog Catalog, RuleSet RuleSet) Read(byte[] json, bool enforceDefaults) =>
        SciaticaJson.Guard("catalog", () => ReadDocument(json, enforceDefaults));

    private static (ExerciseCatalog Catalog, RuleSet RuleSet) ReadDocument(byte[] json, bool enforceDefaults)
    {
        if (JsonShapeLimits.Catalog.Check(json) is { } tooLarge)
        {
            throw new SciaticaValidationException("catalog", [tooLarge]);
        }

        var problems = new ProblemList();
        var read = CatalogReader.Read(json, problems);
        problems.DeclaredSources = read.Sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        if (read.Extends is not null)
        {
            read = Overlay(read, problems);
        }

        ExerciseCatalog.Validate(read.Exercises, problems, read.ExerciseIndices);
        var built = RuleSet.Validate(read.Name, read.Version, read.Contraindications, read.Thresholds, read.Screening, problems, read.ContraindicationIndices, read.ScreeningIndices);
        if (enforceDefaults && read.Extends is null)
        {
            KeepDefaults(read, problems);
        }

        if (problems.Count > 0)
        {
            throw new SciaticaValidationException("catalog", JsonLineMap.WithLines(problems.Report(), json));
        }

        return (ExerciseCatalog.FromValidated(read.Exercises), RuleSet.FromValidated(read.Name!, read.Version!, built, read.Sources));
    }

    /// <summary>
    /// An overlay document (<c>"extends": "default"</c>) inherits the default catalog and rule set, as this version of
    /// the library ships them, and adds its own exercises, contraindications and gates after them. An inherited item
    /// cannot be restated (so it cannot be removed or weakened); thresholds were merged field by field as they were read.
    /// </summary>
    private static CatalogReader.Document Overlay(CatalogReader.Document read, ProblemList problems)
    {
        var (catalog, rules) = DefaultCatalog.Embedded;
        var version = new ProgramSelector(catalog, rules).RuleSetVersion;
        if (read.Extends != "default" && read.Extends != "default@" + rules.Version && read.Extends != "default@" + version)
        {
            problems.Add("$.extends", $"is '{ProblemList.Echo(read.Extends)}'; allowed values: \"default\", \"default@{rules.Version}\" or \"default@{version}\" (this library's default catalog).");
        }

        foreach (var (id, at) in read.Exercises.Select((e, i) => (e.Id, read.ExerciseIndices[i])).Where(x => catalog.Find(x.Id) is not null))
        {
            problems.Add(JsonPaths.Index("$.exercises", at) + ".id", $"'{ProblemList.Echo(id)}' is an exercise of the default catalog: an overlay inherits it and may only add exercises of its own.");
        }

        var inheritedRules = rules.Rules.Select(r => r.Id).Concat(rules.Screening.Select(g => g.Id)).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, at) in read.Contraindications.Select((c, i) => (c.Id, read.ContraindicationIndices[i])).Where(x => inheritedRules.Contains(x.Id)))
        {
            problems.Add(JsonPaths.Index("$.contraindications", at) + ".id", $"'{ProblemList.Echo(id)}' is a rule of the default rule set: an overlay inherits it and may only add rules of its own.");
        }

        foreach (var (id, at) in read.Screening.Select((g, i) => (g.Id, read.ScreeningIndices[i])).Where(x => inheritedRules.Contains(x.Id)))
        {
            problems.Add(JsonPaths.Index("$.screening", at) + ".id", $"'{ProblemList.Echo(id)}' is a gate of the default rule set: an overlay inherits it and may only add gates (a stricter gate for the same red flag or cause is added beside it).");
        }

        // Inherited items keep positions after the document's own, so that messages about the document's items name their own index.
        static ImmutableArray<int> Indices(ImmutableArray<int> own, int inherited) => [.. own, .. Enumerable.Range(1_000_000, inherited)];
        return read with
        {
            Exercises = [.. read.Exercises, .. catalog.Exercises.Where(e => read.Exercises.All(o => o.Id != e.Id))],
            ExerciseIndices = Indices(read.ExerciseIndices, catalog.Exercises.Count(e => read.Exercises.All(o => o.Id != e.Id))),
            Contraindications = [.. read.Contraindications.Where(c => !inheritedRules.Contains(c.Id)), .. rules.Contraindications],
            ContraindicationIndices = Indices([.. read.Contraindications.Select((c, i) => (c, i)).Where(x => !inheritedRules.Contains(x.c.Id)).Select(x => read.ContraindicationIndices[x.i])], rules.Contraindications.Count),
            Screening = [.. read.Screening.Where(g => !inheritedRules.Contains(g.Id)), .. rules.Screening],
            ScreeningIndices = Indices([.. read.Screening.Select((g, i) => (g, i)).Where(x => !inheritedRules.Contains(x.g.Id)).Select(x => read.ScreeningIndices[x.i])], rules.Screening.Count),
        };
    }

    /// <summary>
    /// A full document is held to what an overlay cannot escape: thresholds, gates, timeframes and the tags of default
    /// exercises may only tighten (<see cref="DefaultFloor"/>), and no contraindication of the default rule set may be
    /// dropped or weakened.
    /// </summary>
    private static void KeepDefaults(CatalogReader.Document read, ProblemList problems)
    {
        DefaultFloor.Check(read, DefaultCatalog.Embedded, problems);
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < read.Contraindications.Length; i++)
        {
            positions.TryAdd(read.Contraindications[i].Id, i);
        }

        foreach (var floor in DefaultCatalog.Embedded.RuleSet.Contraindications)
        {
            if (!positions.TryGetValue(floor.Id, out var at))
            {
                problems.Add("$.contraindications", $"has no '{floor.Id}': the contraindications of the default rule set cannot be removed, only added to.");
                continue;
            }

            var c = read.Contraindications[at];
            var path = JsonPaths.Index("$.contraindications", read.ContraindicationIndices[at]);
            var weaker = new List<string>();
            if (c.Strength < floor.Strength)
            {
                weaker.Add($"strength must stay '{ContractNames.Of(floor.Strength)}'");
            }

            if (!floor.Movements.All(c.Movements.Contains))
            {
                weaker.Add("movements must include " + string.Join(", ", floor.Movements.Select(ContractNames.Of)));
            }

            if (!floor.Positions.All(c.Positions.Contains))
            {
                weaker.Add("positions must include " + string.Join(", ", floor.Positions.Select(ContractNames.Of)));
            }

            if (c.MinimumLegPain > floor.MinimumLegPain || (c.MinimumLegPain is not null && floor.MinimumLegPain is null))
            {
                weaker.Add($"minimumLegPain must stay {(floor.MinimumLegPain is { } pain ? "at most " + pain.ToString(System.Globalization.CultureInfo.InvariantCulture) : "null")}");
            }

            if (c.MinimumPregnancyWeeks > floor.MinimumPregnancyWeeks || (c.MinimumPregnancyWeeks is not null && floor.MinimumPregnancyWeeks is null))
            {
                weaker.Add($"minimumPregnancyWeeks must stay {(floor.MinimumPregnancyWeeks is { } weeks ? "at most " + weeks.ToString(System.Globalization.CultureInfo.InvariantCulture) : "null")}");
            }

            if (!c.Causes.IsEmpty && !floor.Causes.All(c.Causes.Contains))
            {
                weaker.Add("causes must include " + string.Join(", ", floor.Causes.Select(ContractNames.Of)));
            }

            if (c.WhenDirectionalPreference != floor.WhenDirectionalPreference || c.AfterSpineSurgery != floor.AfterSpineSurgery)
            {
                weaker.Add("its conditions (whenDirectionalPreference, afterSpineSurgery) must stay as in the default rule set");
            }

            if (c.LiftedByDirectionalPreference is not null && c.LiftedByDirectionalPreference != floor.LiftedByDirectionalPreference)
            {
                weaker.Add("it must not be lifted by another directional preference");
            }

            if (weaker.Count > 0)
            {
                problems.Add(path, $"weakens the default rule '{floor.Id}': {string.Join("; ", weaker)}.");
            }
        }
    }

    internal static byte[] ReadAll(Stream stream) => DocumentReader.ReadAll(stream, MaximumDocumentBytes, "catalog");

    /// <summary>Reads and checks the embedded default catalog document, as a host's document is read.</summary>
    internal static (ExerciseCatalog Catalog, RuleSet RuleSet) ReadEmbeddedDocument()
    {
        using var stream = typeof(CatalogLoader).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException($"The embedded default catalog '{DefaultResource}' is missing.");
        return Read(ReadAll(stream), enforceDefaults: false);
    }
}
