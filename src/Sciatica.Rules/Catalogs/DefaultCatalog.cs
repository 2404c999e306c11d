namespace Sciatica.Rules.Catalogs;

/// <summary>
/// The default catalog and rule set of this library. The document they come from is embedded in the assembly
/// (<c>default-catalog.json</c>, read by <see cref="CatalogLoader"/> like any other catalog); they are built from its
/// precomputed form (PrecomputedDefaultCatalog.g.cs) so that a process does not read and check JSON before its first
/// decision. Tests rebuild that form from the embedded document and compare both, field by field.
/// </summary>
internal static class DefaultCatalog
{
    /// <summary>Gets the default catalog and rule set.</summary>
    public static (ExerciseCatalog Catalog, RuleSet RuleSet) Embedded { get; } = PrecomputedDefaultCatalog.Build();
}
