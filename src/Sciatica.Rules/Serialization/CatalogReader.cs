using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules;

/// <summary>
/// Reads a catalog document in one forward pass over its UTF-8 (<see cref="JsonPass"/>), as the profile and review
/// readers read theirs: each value checked as it is read, every problem with its path, unknown properties first and then
/// the fields in the order of each object's property table. Items with problems are left out and the indices of those
/// read kept, so that the loader's checks name each item where the document has it.
/// </summary>
internal static partial class CatalogReader
{
    internal static readonly string[] RootProperties = ["name", "version", "extends", "sources", "thresholds", "screening", "exercises", "contraindications"];
    internal static readonly string[] SourceProperties = ["id", "citation", "supports", "link"];
    internal static readonly string[] ThresholdProperties =
        ["seriousPathologyMinimumAge", "seriousPathologyMaximumAge", "minimumWeeksAfterSpineSurgery", "severePainFrom", "maximumPainDuringExercise", "maximumPainForProgression"];

    private static readonly byte[][] RootNames = Utf8Names.Of(RootProperties);
    private static readonly byte[][] SourceNames = Utf8Names.Of(SourceProperties);

    /// <summary>The required fields of a source, with what each allows.</summary>
    private static readonly (int Field, string Allowed)[] SourceRequired = [(0, "a non-empty text"), (1, "a non-empty text")];
    private static readonly byte[][] ThresholdNames = Utf8Names.Of(ThresholdProperties);

    // The indexes of RootProperties.
    private const int Name = 0, Version = 1, Extends = 2, Sources = 3, Thresholds = 4, Screening = 5, Exercises = 6, Contraindications = 7;

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

    /// <summary>
    /// Reads a catalog document; one byte order mark may open it. A document that is not JSON, repeats a property or holds
    /// text that cannot be decoded is refused at once; otherwise its problems join <paramref name="problems"/>, for the
    /// loader's checks to follow.
    /// </summary>
    /// <exception cref="SciaticaValidationException">The document is not valid JSON, repeats a property or holds text that cannot be decoded.</exception>
    public static Document Read(ReadOnlySpan<byte> utf8, ProblemList problems)
    {
        var json = new JsonPass(utf8);
        ProblemBuffer? buffer = null;
        Document? document = null;
        JsonException? syntax = null;
        try
        {
            json.Read();
            document = ReadRoot(ref json, ref buffer);
            json.End();
        }
        catch (JsonException ex)
        {
            syntax = ex;
        }

        if (json.Refusal("catalog", syntax, problems: null) is { } refusal)
        {
            // A catalog names no patient's red flags: its refusal screens nothing.
            refusal.Screening = null;
            throw refusal;
        }

        buffer?.AddTo(problems);
        return document!;
    }

    private static Document ReadRoot(ref JsonPass json, ref ProblemBuffer? problems)
    {
        var empty = new Document(null, null, RuleThresholds.Default, [], [], false, [], [], [], [], null, []);
        if (json.Token != JsonTokenType.StartObject)
        {
            JsonValues.Wrong(ref json, ref problems, 0, new FieldPath("$", null), "a JSON object");

            // As a document without fields: a full catalog with the default gates, which the loader's checks then hold it to.
            return empty with { Screening = BuiltInRules.DefaultGates, ScreeningIndices = [.. Enumerable.Range(0, BuiltInRules.DefaultGates.Length)] };
        }

        string? name = null, version = null, extends = null;
        ImmutableArray<ClinicalSource> sources = [];
        var thresholds = new int?[ThresholdNames.Length];
        var thresholdsGiven = 0;
        var thresholdsObject = false;
        (ImmutableArray<ScreeningGate> Items, ImmutableArray<int> Indices) gates = ([], []);
        (ImmutableArray<Exercise> Items, ImmutableArray<int> Indices) exercises = ([], []);
        (ImmutableArray<Contraindication> Items, ImmutableArray<int> Indices) contraindications = ([], []);
        var fields = new ObjectFields("$", RootNames, RootProperties, Allowed.Root);
        while (fields.Next(ref json, ref problems))
        {
            var field = fields.Field;
            var s = field + 1;
            var at = new FieldPath("$", RootProperties[field]);
            switch (field)
            {
                case Name:
                    name = JsonValues.Text(ref json, ref problems, s, at);
                    break;
                case Version:
                    version = JsonValues.Text(ref json, ref problems, s, at);
                    break;
                case Extends:
                    extends = JsonValues.Text(ref json, ref problems, s, at);
                    break;
                case Sources:
                    sources = ReadSources(ref json, ref problems, s, at);
                    break;
                case Thresholds:
                    thresholdsObject = json.Token == JsonTokenType.StartObject;
                    thresholdsGiven = ReadThresholds(ref json, ref problems, s, thresholds);
                    break;
                case Screening:
                    gates = Items(ref json, ref problems, s, at, "screening gates", ReadGate);
                    break;
                case Exercises:
                    exercises = Items(ref json, ref problems, s, at, "exercises", ReadExercise);
                    break;
                default:
                    contraindications = Items(ref json, ref problems, s, at, "contraindications", ReadContraindication);
                    break;
            }
        }

        // An overlay ("extends") inherits everything and may only add and tighten: its lists are optional.
        var overlay = extends is not null;
        JsonValues.Required(ref problems, fields.Seen, Name, "$", RootProperties, "a non-empty text");
        JsonValues.Required(ref problems, fields.Seen, Version, "$", RootProperties, "a non-empty text");
        if (!overlay)
        {
            JsonValues.Required(ref problems, fields.Seen, Exercises, "$", RootProperties, "an array of exercises");
            JsonValues.Required(ref problems, fields.Seen, Contraindications, "$", RootProperties, "an array of contraindications");
        }

        var screeningGiven = (fields.Seen & (1 << Screening)) != 0;
        if (!screeningGiven && !overlay)
        {
            gates = (BuiltInRules.DefaultGates, [.. Enumerable.Range(0, BuiltInRules.DefaultGates.Length)]);
        }

        return empty with
        {
            Name = name,
            Version = version,
            Thresholds = Merged(ref problems, (fields.Seen & (1 << Thresholds)) != 0, thresholdsObject, thresholds, thresholdsGiven, overlay),
            Screening = gates.Items,
            ScreeningIndices = gates.Indices,
            ScreeningGiven = screeningGiven,
            Exercises = exercises.Items,
            ExerciseIndices = exercises.Indices,
            Contraindications = contraindications.Items,
            ContraindicationIndices = contraindications.Indices,
            Extends = extends,
            Sources = sources,
        };
    }

    /// <summary>Reads the thresholds object into <paramref name="values"/> (null where absent or wrong); gives the bits of the fields given.</summary>
    private static int ReadThresholds(ref JsonPass json, ref ProblemBuffer? parent, int slot, int?[] values)
    {
        ProblemBuffer? problems = null;
        var fields = new ObjectFields("$.thresholds", ThresholdNames, ThresholdProperties, Allowed.Thresholds);
        while (fields.Next(ref json, ref problems))
        {
            var field = fields.Field;
            var maximum = field switch { 0 or 1 => 200, 2 => 1000, _ => 10 };
            JsonValues.Integer(ref json, ref problems, fields.Slot, fields.At, 0, maximum, nullable: false, out values[field]);
        }

        (parent ??= problems is null ? null : new())?.AddAll(slot, problems);
        return fields.Seen;
    }

    /// <summary>The thresholds read: fields left out are the default's, and for an overlay the base catalog's, which a looser field may not undercut.</summary>
    private static RuleThresholds Merged(ref ProblemBuffer? problems, bool given, bool isObject, int?[] values, int seen, bool overlay)
    {
        var overlayBase = overlay ? DefaultCatalog.Embedded.RuleSet.Thresholds : null;
        if (!given)
        {
            return overlayBase ?? RuleThresholds.Default;
        }

        var d = overlayBase ?? RuleThresholds.Default;
        var read = new RuleThresholds
        {
            SeriousPathologyMinimumAge = values[0] ?? d.SeriousPathologyMinimumAge,
            SeriousPathologyMaximumAge = values[1] ?? d.SeriousPathologyMaximumAge,
            MinimumWeeksAfterSpineSurgery = values[2] ?? d.MinimumWeeksAfterSpineSurgery,
            SeverePainFrom = values[3] ?? d.SeverePainFrom,
            MaximumPainDuringExercise = values[4] ?? d.MaximumPainDuringExercise,
            MaximumPainForProgression = values[5] ?? d.MaximumPainForProgression,
        };
        if (overlayBase is null || !isObject)
        {
            return read;
        }

        var looser = new ProblemList();
        var merged = ThresholdTightening.Merge(overlayBase, read, name => (seen & (1 << Array.IndexOf(ThresholdProperties, name))) != 0, "$.thresholds", looser, "default");
        foreach (var problem in looser.Items)
        {
            JsonValues.Add(ref problems, Thresholds + 1, problem.Path, problem.Message);
        }

        return merged;
    }

    /// <summary>Reads the clinical sources a catalog declares: upper-case ids of its own, each with a citation and an optional link.</summary>
    private static ImmutableArray<ClinicalSource> ReadSources(ref JsonPass json, ref ProblemBuffer? problems, int slot, FieldPath at)
    {
        var (sources, indices) = Items(ref json, ref problems, slot, at, "sources", ReadSource);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var repeated = new ProblemList();
        for (var i = 0; i < sources.Length; i++)
        {
            repeated.RequireUniqueId(JsonPaths.Index("$.sources", indices[i]) + ".id", sources[i].Id, seen, "source");
        }

        foreach (var problem in repeated.Items)
        {
            JsonValues.Add(ref problems, slot, problem.Path, problem.Message);
        }

        return sources;
    }

    private static ClinicalSource? ReadSource(ref JsonPass json, ref ProblemBuffer? items, string path)
    {
        ProblemBuffer? problems = null;
        string? id = null, citation = null, supports = null, link = null;
        var fields = new ObjectFields(path, SourceNames, SourceProperties, Allowed.Sources);
        while (fields.Next(ref json, ref problems))
        {
            var at = fields.At;
            switch (fields.Field)
            {
                case 0: id = JsonValues.Text(ref json, ref problems, 1, at); break;
                case 1: citation = JsonValues.Text(ref json, ref problems, 2, at); break;
                case 2: supports = JsonValues.NullableText(ref json, ref problems, 3, at); break;
                default: link = JsonValues.NullableText(ref json, ref problems, 4, at); break;
            }
        }

        fields.Required(ref problems, SourceRequired);
        if (id is not null && !System.Text.RegularExpressions.Regex.IsMatch(id, "^[A-Z0-9]+(-[A-Z0-9]+)*$", System.Text.RegularExpressions.RegexOptions.CultureInvariant))
        {
            JsonValues.Add(ref problems, 5, path + ".id", "must be an upper-case id such as 'CLINIC-NORTH-2025' (letters A-Z, digits and single hyphens).");
        }
        else if (ClinicalSources.IsKnown(id))
        {
            JsonValues.Add(ref problems, 5, path + ".id", $"'{ProblemList.Echo(id)}' is a built-in source: cite it directly, do not declare it again.");
        }

        if (link is not null && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            JsonValues.Add(ref problems, 5, path + ".link", "must be an absolute http or https address, or null.");
        }

        return JsonValues.ItemRead(ref items, problems, () => new ClinicalSource(id!, citation!, supports ?? "Declared by the catalog.") { Link = link });
    }

    /// <summary>Reads an array of items; gives those read without problems and the index of each in the array.</summary>
    private static (ImmutableArray<T> Items, ImmutableArray<int> Indices) Items<T>(ref JsonPass json, ref ProblemBuffer? problems, int slot, FieldPath at, string noun, JsonItemReader<T> read)
        where T : class
    {
        if (json.Token != JsonTokenType.StartArray)
        {
            JsonValues.Wrong(ref json, ref problems, slot, at, "an array of " + noun);
            return ([], []);
        }

        var items = ImmutableArray.CreateBuilder<T>();
        var indices = ImmutableArray.CreateBuilder<int>();
        ProblemBuffer? itemProblems = null;
        for (var index = 0; ; index++)
        {
            json.Read();
            if (json.Token == JsonTokenType.EndArray)
            {
                break;
            }

            if (read(ref json, ref itemProblems, at.Item(index).ToString()) is { } item)
            {
                items.Add(item);
                indices.Add(index);
            }
        }

        (problems ??= itemProblems is null ? null : new())?.AddAll(slot, itemProblems);
        return (items.ToImmutable(), indices.ToImmutable());
    }

    /// <summary>The allowed properties, for messages: made only when a document names a property that is not one.</summary>
    private static class Allowed
    {
        public static readonly string Root = string.Join(", ", RootProperties);

        public static readonly string Sources = string.Join(", ", SourceProperties);

        public static readonly string Thresholds = string.Join(", ", ThresholdProperties);

        public static readonly string Gates = string.Join(", ", GateProperties);

        public static readonly string Exercises = string.Join(", ", ExerciseProperties);

        public static readonly string Contraindications = string.Join(", ", ContraindicationProperties);
    }
}
