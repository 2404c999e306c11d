using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Tests.Properties;

/// <summary>One change to a full catalog document (the default catalog written out), shown by what it does.</summary>
public sealed record CatalogMutation(string Kind, int Target, int Value)
{
    public override string ToString() => $"{Kind}[{Target}]={Value}";
}

/// <summary>Mutations of the default catalog document, and profiles to ask each loaded catalog.</summary>
public sealed record MutatedCatalog(IReadOnlyList<CatalogMutation> Mutations, IReadOnlyList<PatientProfile> Profiles)
{
    public override string ToString() => string.Join(", ", Mutations) + $" ({Profiles.Count} generated profiles)";
}

/// <summary>
/// Generators of full catalog documents made from the default by one to three changes: thresholds moved either way,
/// gates made more or less urgent, sooner or later, removed or added, default exercises retagged, moved, re-kinded or
/// freed of the clinician flag, contraindications weakened, removed or widened, and arrays reordered.
/// </summary>
public static class CatalogMutations
{
    public static readonly string[] Thresholds =
        ["seriousPathologyMinimumAge", "seriousPathologyMaximumAge", "minimumWeeksAfterSpineSurgery", "severePainFrom", "maximumPainDuringExercise", "maximumPainForProgression"];

    private static readonly string[] Decisions = ["seekMedicalAdvice", "treatCauseFirst", "urgentReferral", "emergency"];

    private static readonly string[] Timeframes = ["now", "within24Hours", "withinDays", "beforeExercising"];

    private static readonly string[] Movements = [.. Enum.GetValues<MovementPattern>().Select(m => ContractNames.Of(m))];

    private static readonly string[] Positions = [.. Enum.GetValues<BodyPosition>().Select(m => ContractNames.Of(m))];

    private static readonly string[] Kinds = [.. Enum.GetValues<ExerciseKind>().Select(m => ContractNames.Of(m))];

    private static readonly string[] Causes = [.. Enum.GetValues<Cause>().Select(m => ContractNames.Of(m))];

    // Thresholds and the timed gates are few among many targets: weighted up so that each loosening is tried often.
    private static readonly Gen<CatalogMutation> Mutation = Gen.Frequency(
        (6, from field in Gen.Choose(0, Thresholds.Length - 1)
            from delta in Gen.Choose(-3, 3)
            select new CatalogMutation("threshold", field, delta)),
        (4, Gen.Choose(0, 99).SelectMany(t => Gen.Choose(0, Timeframes.Length), (t, v) => new CatalogMutation("timedGateTimeframe", t, v))),
        (9, Gen.OneOf(
        Gen.Choose(0, 99).SelectMany(t => Gen.Choose(0, Decisions.Length - 1), (t, v) => new CatalogMutation("gateDecision", t, v)),
        Gen.Choose(0, 99).SelectMany(t => Gen.Choose(0, Timeframes.Length), (t, v) => new CatalogMutation("gateTimeframe", t, v)),
        Gen.Choose(0, 99).Select(t => new CatalogMutation("gateRemove", t, 0)),
        Gen.Choose(0, 99).SelectMany(t => Gen.Choose(0, Timeframes.Length), (t, v) => new CatalogMutation("gateCopy", t, v)),
        Gen.Choose(0, 99).SelectMany(t => Gen.Choose(1, (1 << Movements.Length) - 1), (t, v) => new CatalogMutation("exerciseMovements", t, v)),
        Gen.Choose(0, 99).SelectMany(t => Gen.Choose(0, Movements.Length - 1), (t, v) => new CatalogMutation("exerciseAddMovement", t, v)),
        Gen.Choose(0, 99).SelectMany(t => Gen.Choose(0, Positions.Length - 1), (t, v) => new CatalogMutation("exercisePosition", t, v)),
        Gen.Choose(0, 99).SelectMany(t => Gen.Choose(0, Kinds.Length - 1), (t, v) => new CatalogMutation("exerciseKind", t, v)),
        Gen.Choose(0, 99).Select(t => new CatalogMutation("exerciseClinicianOnly", t, 0)),
        Gen.Choose(0, 99).Select(t => new CatalogMutation("ruleStrength", t, 0)),
        Gen.Choose(0, 99).Select(t => new CatalogMutation("ruleRemove", t, 0)),
        Gen.Choose(0, 99).Select(t => new CatalogMutation("ruleDropMovement", t, 0)),
        Gen.Choose(0, 99).SelectMany(t => Gen.Choose(0, Causes.Length - 1), (t, v) => new CatalogMutation("ruleAddCause", t, v)),
        Gen.Choose(1, 99).Select(t => new CatalogMutation("reorder", t, 0)))));

    public static Arbitrary<MutatedCatalog> MutatedCatalog() =>
        (from count in Gen.Choose(1, 3)
         from mutations in Gen.ListOf(Mutation, count)
         from profiles in Gen.ListOf(Arbitraries.ProfileFor(ProgramSelector.Default), 40)
         select new MutatedCatalog([.. mutations], [.. profiles])).ToArbitrary();

    /// <summary>The default catalog document with the mutations applied.</summary>
    public static string Apply(IEnumerable<CatalogMutation> mutations)
    {
        var document = JsonNode.Parse(CatalogLoader.Write(ExerciseCatalog.Default, ProgramSelector.Default.RuleSet))!.AsObject();
        document["name"] = "mutated";
        var gates = document["screening"]!.AsArray();
        var exercises = document["exercises"]!.AsArray();
        var rules = document["contraindications"]!.AsArray();
        foreach (var m in mutations)
        {
            JsonObject At(JsonArray array) => array[m.Target % array.Count]!.AsObject();
            switch (m.Kind)
            {
                case "threshold":
                    var thresholds = document["thresholds"]!.AsObject();
                    thresholds[Thresholds[m.Target]] = (int)thresholds[Thresholds[m.Target]]! + m.Value;
                    break;
                case "gateDecision":
                    At(gates)["decision"] = Decisions[m.Value];
                    break;
                case "gateTimeframe":
                    At(gates)["timeframe"] = m.Value < Timeframes.Length ? Timeframes[m.Value] : null;
                    break;
                case "timedGateTimeframe":
                    var timed = gates.Where(g => g!["timeframe"] is not null).ToList();
                    if (timed.Count > 0)
                    {
                        timed[m.Target % timed.Count]!["timeframe"] = m.Value < Timeframes.Length ? Timeframes[m.Value] : null;
                    }

                    break;
                case "gateRemove":
                    gates.RemoveAt(m.Target % gates.Count);
                    break;
                case "gateCopy":
                    var copy = At(gates).DeepClone().AsObject();
                    copy["id"] = "copy-" + gates.Count;
                    copy["timeframe"] = m.Value < Timeframes.Length ? Timeframes[m.Value] : null;
                    gates.Add(copy);
                    break;
                case "exerciseMovements":
                    At(exercises)["movements"] = new JsonArray([.. Movements.Where((_, i) => (m.Value & (1 << i)) != 0).Select(x => (JsonNode?)x)]);
                    break;
                case "exerciseAddMovement":
                    var tags = At(exercises)["movements"]!.AsArray();
                    if (tags.All(t => (string?)t != Movements[m.Value]))
                    {
                        tags.Add(Movements[m.Value]);
                    }

                    break;
                case "exercisePosition":
                    At(exercises)["position"] = Positions[m.Value];
                    break;
                case "exerciseKind":
                    At(exercises)["kind"] = Kinds[m.Value];
                    break;
                case "exerciseClinicianOnly":
                    At(exercises)["clinicianEnabledOnly"] = !(bool)At(exercises)["clinicianEnabledOnly"]!;
                    break;
                case "ruleStrength":
                    At(rules)["strength"] = (string?)At(rules)["strength"] == "absolute" ? "relative" : "absolute";
                    break;
                case "ruleRemove":
                    rules.RemoveAt(m.Target % rules.Count);
                    break;
                case "ruleDropMovement":
                    var moves = At(rules)["movements"]!.AsArray();
                    if (moves.Count > 0)
                    {
                        moves.RemoveAt(m.Target % moves.Count);
                    }

                    break;
                case "ruleAddCause":
                    var causes = At(rules)["causes"]!.AsArray();
                    if (causes.Count > 0 && causes.All(c => (string?)c != Causes[m.Value]))
                    {
                        causes.Add(Causes[m.Value]);
                    }

                    break;
                case "reorder":
                    foreach (var array in new[] { gates, exercises, rules })
                    {
                        var items = array.Select(x => x!.DeepClone()).ToList();
                        array.Clear();
                        foreach (var item in items.Skip(m.Target % items.Count).Concat(items.Take(m.Target % items.Count)))
                        {
                            array.Add(item);
                        }
                    }

                    break;
                default:
                    throw new InvalidOperationException(m.Kind);
            }
        }

        return document.ToJsonString();
    }

    /// <summary>Loads a document; null when the loader refuses it.</summary>
    public static ProgramSelector? TryLoad(string json)
    {
        try
        {
            return CatalogLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        }
        catch (SciaticaValidationException)
        {
            return null;
        }
    }
}

/// <summary>
/// A catalog may only tighten, however it is written (#27, point 6): no full document made from the default by the
/// generated changes loads and then answers any profile more loosely than the default: a less cautious decision, a later
/// timeframe for the same decision, or a default exercise included that the default leaves out.
/// </summary>
public sealed class CatalogFloorPropertyTests
{
    [Property(Arbitrary = [typeof(CatalogMutations)], MaxTest = 500, QuietOnSuccess = true)]
    public Property LoadedMutation_NeverAnswersMoreLooselyThanTheDefault(MutatedCatalog mutated)
    {
        var engine = CatalogMutations.TryLoad(CatalogMutations.Apply(mutated.Mutations));
        if (engine is null)
        {
            return true.Label("refused").Classify(true, "refused");
        }

        var looser = mutated.Profiles.Concat(RuleSetDiff.SampleProfiles(ProgramSelector.Default, engine, 400, seed: mutated.Mutations.Count))
            .Select(profile => (Profile: profile, Why: Looser(profile, engine)))
            .FirstOrDefault(x => x.Why is not null);
        return (looser.Why is null).Label(looser.Why is null ? "not looser" : looser.Why + " for " + SciaticaJson.WriteProfile(looser.Profile)).Classify(true, "loaded");
    }

    [Fact]
    public void Generator_ReachesLoadedAndRefusedCatalogs()
    {
        var samples = CatalogMutations.MutatedCatalog().Generator.Sample(120, 60);

        var loaded = samples.Count(s => CatalogMutations.TryLoad(CatalogMutations.Apply(s.Mutations)) is not null);

        Assert.InRange(loaded, 20, 100);
    }

    /// <summary>Why the engine answers the profile more loosely than the default, or null.</summary>
    private static string? Looser(PatientProfile profile, ProgramSelector engine)
    {
        var before = ProgramSelector.Default.Select(profile);
        ProgramDecision after;
        try
        {
            after = engine.Select(profile);
        }
        catch (SciaticaValidationException)
        {
            // An override naming an exercise or rule the mutated catalog lacks is refused: nothing is given.
            return null;
        }

        if (after.Decision < before.Decision)
        {
            return $"{after.Decision} instead of {before.Decision}";
        }

        if (after.Decision == before.Decision && after.Timeframe > before.Timeframe)
        {
            return $"{after.Decision} {after.Timeframe} instead of {before.Timeframe}";
        }

        var leftOut = before.Excluded.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        return after.Exercises.FirstOrDefault(e => leftOut.Contains(e.Id)) is { } included ? $"{included.Id} included, which the default leaves out" : null;
    }
}
