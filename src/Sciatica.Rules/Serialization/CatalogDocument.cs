using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules;

/// <summary>The catalog document as written by <see cref="Catalogs.CatalogLoader.Write"/>.</summary>
internal sealed record CatalogDocument(
    string Name,
    string Version,
    IReadOnlyList<ClinicalSource> Sources,
    RuleThresholds Thresholds,
    IReadOnlyList<ScreeningGate> Screening,
    IReadOnlyList<Exercise> Exercises,
    IReadOnlyList<Contraindication> Contraindications);
