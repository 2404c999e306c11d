using System.Collections.Immutable;
using System.Text.Json;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules;

/// <summary>Reads a catalog document strictly; items with problems are left out and their indices kept for messages.</summary>
internal static class CatalogReader
{
    internal static readonly string[] RootProperties = ["name", "version", "extends", "sources", "thresholds", "screening", "exercises", "contraindications"];
    internal static readonly string[] SourceProperties = ["id", "citation", "supports", "link"];
    internal static readonly string[] ThresholdProperties =
        ["seriousPathologyMinimumAge", "seriousPathologyMaximumAge", "minimumWeeksAfterSpineSurgery", "severePainFrom", "maximumPainDuringExercise", "maximumPainForProgression"];
    internal static readonly string[] GateProperties = ["id", "redFlag", "cause", "decision", "timeframe", "rationale", "source"];
    internal static readonly string[] ExerciseProperties =
        ["id", "name", "kind", "position", "movements", "dosage", "minimumDosage", "maximumDosage", "progressionStep", "alternative", "instructions", "rationale", "source", "clinicianEnabledOnly"];
    internal static readonly string[] ContraindicationProperties =
        ["id", "causes", "whenDirectionalPreference", "afterSpineSurgery", "minimumLegPain", "minimumPregnancyWeeks", "movements", "positions", "strength", "liftedByDirectionalPreference", "guardsCustomCatalogsOnly", "rationale", "source"];

    public sealed record Document(
        string? Name,
        string? Version,
        RuleThresholds Thresholds,
        ImmutableArray<ScreeningGate> Screening,
        ImmutableArray<int> ScreeningIndices,
        bool ScreeningGiven,
        ImmutableArray<Exercise> Exercises,
        ImmutableArray<int> ExerciseIndices,
        ImmutableArray<Contraindication> Contraindications,
        ImmutableArray<int> ContraindicationIndices,
        string? Extends,
        ImmutableArray<ClinicalSource> Sources);

    public static Document Read(JsonElement root, ProblemList problems)
    {
        var reader = new JsonElementReader(root, "$", problems, RootProperties);
        var name = reader.Text("name", required: true);
        var version = reader.Text("version", required: true);
        // An overlay ("extends") inherits everything and may only add and tighten: its lists are optional.
        var extends = reader.TryGet("extends", required: false, "\"default\", or \"default@\" and a version or rule-set version", out _) ? reader.Text("extends", required: false) : null;
        var overlay = extends is not null;
        var sources = reader.TryGet("sources", required: false, "an array of sources", out var so) ? ReadSources(so, problems) : [];
        var thresholds = reader.TryGet("thresholds", required: false, "an object", out var t)
            ? ReadThresholds(t, problems, overlay ? DefaultCatalog.Embedded.RuleSet.Thresholds : null)
            : overlay ? DefaultCatalog.Embedded.RuleSet.Thresholds : RuleThresholds.Default;
        var screeningGiven = reader.TryGet("screening", required: false, "an array of gates", out var s);
        var (gates, gateIndices) = screeningGiven ? Items(s, "$.screening", "screening gates", problems, ReadGate)
            : overlay ? ([], []) : (BuiltInRules.DefaultGates, [.. Enumerable.Range(0, BuiltInRules.DefaultGates.Length)]);
        var (exercises, exerciseIndices) = reader.TryGet("exercises", required: !overlay, "an array of exercises", out var e)
            ? Items(e, "$.exercises", "exercises", problems, ReadExercise) : ([], []);
        var (contraindications, contraindicationIndices) = reader.TryGet("contraindications", required: !overlay, "an array of contraindications", out var c)
            ? Items(c, "$.contraindications", "contraindications", problems, ReadContraindication) : ([], []);
        return new Document(name, version, thresholds, gates, gateIndices, screeningGiven, exercises, exerciseIndices, contraindications, contraindicationIndices, extends, sources);
    }

    /// <summary>Reads the clinical sources a catalog declares: upper-case ids of its own, each with a citation and an optional link.</summary>
    private static ImmutableArray<ClinicalSource> ReadSources(JsonElement array, ProblemList problems)
    {
        var (sources, indices) = Items(array, "$.sources", "sources", problems, (element, path, p) =>
        {
            var before = p.Count;
            var r = new JsonElementReader(element, path, p, SourceProperties);
            var id = r.Text("id", true);
            var citation = r.Text("citation", true);
            var supports = r.TryGet("supports", false, "a text", out var su) && su.ValueKind != JsonValueKind.Null ? r.Text("supports", false) : null;
            var link = r.TryGet("link", false, "an absolute http or https address", out var l) && l.ValueKind != JsonValueKind.Null ? r.Text("link", false) : null;
            if (id is not null && !System.Text.RegularExpressions.Regex.IsMatch(id, "^[A-Z0-9]+(-[A-Z0-9]+)*$", System.Text.RegularExpressions.RegexOptions.CultureInvariant))
            {
                p.Add(path + ".id", "must be an upper-case id such as 'CLINIC-NORTH-2025' (letters A-Z, digits and single hyphens).");
            }
            else if (ClinicalSources.IsKnown(id))
            {
                p.Add(path + ".id", $"'{ProblemList.Echo(id)}' is a built-in source: cite it directly, do not declare it again.");
            }

            if (link is not null && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            {
                p.Add(path + ".link", "must be an absolute http or https address, or null.");
            }

            return p.Count > before ? null : new ClinicalSource(id!, citation!, supports ?? "Declared by the catalog.") { Link = link };
        });
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < sources.Length; i++)
        {
            problems.RequireUniqueId(JsonElementReader.Index("$.sources", indices[i]) + ".id", sources[i].Id, seen, "source");
        }

        return sources;
    }

    private static (ImmutableArray<T> Items, ImmutableArray<int> Indices) Items<T>(JsonElement array, string path, string noun, ProblemList problems, Func<JsonElement, string, ProblemList, T?> read)
        where T : class
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            problems.Add(path, $"is {JsonElementReader.Describe(array)}; allowed values: an array of {noun}.");
            return ([], []);
        }

        var items = ImmutableArray.CreateBuilder<T>();
        var indices = ImmutableArray.CreateBuilder<int>();
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            if (read(element, JsonElementReader.Index(path, index), problems) is { } item)
            {
                items.Add(item);
                indices.Add(index);
            }

            index++;
        }

        return (items.ToImmutable(), indices.ToImmutable());
    }

    /// <summary>Reads thresholds; for an overlay, fields left out keep the base catalog's and a looser field is a problem.</summary>
    private static RuleThresholds ReadThresholds(JsonElement element, ProblemList problems, RuleThresholds? overlayBase)
    {
        var r = new JsonElementReader(element, "$.thresholds", problems, ThresholdProperties);
        var d = overlayBase ?? RuleThresholds.Default;
        var read = new RuleThresholds
        {
            SeriousPathologyMinimumAge = r.Integer("seriousPathologyMinimumAge", false, 0, 200) ?? d.SeriousPathologyMinimumAge,
            SeriousPathologyMaximumAge = r.Integer("seriousPathologyMaximumAge", false, 0, 200) ?? d.SeriousPathologyMaximumAge,
            MinimumWeeksAfterSpineSurgery = r.Integer("minimumWeeksAfterSpineSurgery", false, 0, 1000) ?? d.MinimumWeeksAfterSpineSurgery,
            SeverePainFrom = r.Integer("severePainFrom", false, 0, 10) ?? d.SeverePainFrom,
            MaximumPainDuringExercise = r.Integer("maximumPainDuringExercise", false, 0, 10) ?? d.MaximumPainDuringExercise,
            MaximumPainForProgression = r.Integer("maximumPainForProgression", false, 0, 10) ?? d.MaximumPainForProgression,
        };

        return overlayBase is null || element.ValueKind != JsonValueKind.Object
            ? read
            : ThresholdTightening.Merge(overlayBase, read, name => element.TryGetProperty(name, out _), "$.thresholds", problems, "default");
    }

    private static ScreeningGate? ReadGate(JsonElement element, string path, ProblemList problems)
    {
        var before = problems.Count;
        var r = new JsonElementReader(element, path, problems, GateProperties);
        var id = r.Text("id", true);
        var flag = r.Enum<RedFlag>("redFlag", false, nullable: true);
        var cause = r.Enum<Cause>("cause", false, nullable: true);
        var decision = r.Enum<DecisionKind>("decision", true);
        var timeframe = r.Enum<Timeframe>("timeframe", false, nullable: true);
        var rationale = r.Text("rationale", true);
        var source = r.Text("source", true);
        return problems.Count > before ? null : new ScreeningGate { Id = id!, RedFlag = flag, Cause = cause, Decision = decision!.Value, Timeframe = timeframe, Rationale = rationale!, Source = source! };
    }

    private static Exercise? ReadExercise(JsonElement element, string path, ProblemList problems)
    {
        var before = problems.Count;
        var r = new JsonElementReader(element, path, problems, ExerciseProperties);
        var id = r.Text("id", true);
        var name = r.Text("name", true);
        var kind = r.Enum<ExerciseKind>("kind", true);
        var position = r.Enum<BodyPosition>("position", true);
        var movements = r.EnumArray<MovementPattern>("movements", true);
        var dosage = Dose(r, "dosage", path, problems);
        var minimum = Dose(r, "minimumDosage", path, problems);
        var maximum = Dose(r, "maximumDosage", path, problems);
        var step = Dose(r, "progressionStep", path, problems);
        var alternative = r.TryGet("alternative", false, "an exercise id or null", out var a) && a.ValueKind != JsonValueKind.Null ? r.Text("alternative", false) : null;
        var instructions = r.Array("instructions", true, "non-empty texts", (item, itemPath) =>
            item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString())
                ? (true, item.GetString()!)
                : Fail<string>(problems, itemPath, $"is {JsonElementReader.Describe(item)}; allowed values: a non-empty text."));
        var rationale = r.Text("rationale", true);
        var source = r.Text("source", true);
        var clinicianOnly = r.Boolean("clinicianEnabledOnly", false);
        return problems.Count > before ? null : new Exercise
        {
            Id = id!, Name = name!, Kind = kind!.Value, Position = position!.Value, Movements = movements,
            Dosage = dosage!, MinimumDosage = minimum!, MaximumDosage = maximum!, ProgressionStep = step!, Alternative = alternative,
            Instructions = instructions, Rationale = rationale!, Source = source!, ClinicianEnabledOnly = clinicianOnly ?? false,
        };
    }

    private static Contraindication? ReadContraindication(JsonElement element, string path, ProblemList problems)
    {
        var before = problems.Count;
        var r = new JsonElementReader(element, path, problems, ContraindicationProperties);
        var id = r.Text("id", true);
        var causes = r.EnumArray<Cause>("causes", false);
        var when = r.Enum<DirectionalPreference>("whenDirectionalPreference", false, nullable: true);
        var afterSurgery = r.Boolean("afterSpineSurgery", false);
        var legPain = r.Integer("minimumLegPain", false, 0, 10, nullable: true);
        var pregnancy = r.Integer("minimumPregnancyWeeks", false, 0, 42, nullable: true);
        var movements = r.EnumArray<MovementPattern>("movements", false);
        var positions = r.EnumArray<BodyPosition>("positions", false);
        var strength = r.Enum<ContraindicationStrength>("strength", true);
        var lifted = r.Enum<DirectionalPreference>("liftedByDirectionalPreference", false, nullable: true);
        var customOnly = r.Boolean("guardsCustomCatalogsOnly", false);
        var rationale = r.Text("rationale", true);
        var source = r.Text("source", true);
        return problems.Count > before ? null : new Contraindication
        {
            Id = id!, Causes = causes, WhenDirectionalPreference = when, AfterSpineSurgery = afterSurgery ?? false,
            MinimumLegPain = legPain, MinimumPregnancyWeeks = pregnancy, Movements = movements, Positions = positions,
            Strength = strength!.Value, LiftedByDirectionalPreference = lifted, GuardsCustomCatalogsOnly = customOnly ?? false,
            Rationale = rationale!, Source = source!,
        };
    }

    private static Dosage? Dose(JsonElementReader r, string name, string path, ProblemList problems) =>
        r.TryGet(name, true, "a dosage object", out var d) ? DosageReader.Read(d, JsonElementReader.Child(path, name), problems) : null;

    private static (bool, T) Fail<T>(ProblemList problems, string path, string message)
    {
        problems.Add(path, message);
        return (false, default!);
    }
}
