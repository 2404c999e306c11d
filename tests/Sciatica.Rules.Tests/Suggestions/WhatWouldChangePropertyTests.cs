using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Sciatica.Rules.Catalogs;
using Sciatica.Rules.Tests.Properties;

namespace Sciatica.Rules.Tests.Suggestions;

/// <summary>
/// Invariant 18 and the contract's "What would change it", over generated profiles on the default and random
/// catalogs and rule sets, checked through the JSON the engine writes (as a host reads it) and against
/// <see cref="WhatWouldChangeOracle"/>.
/// </summary>
public sealed class WhatWouldChangePropertyTests
{
    private static readonly HashSet<string> AllowedFields =
        ["medicalClearance", "symptomsTolerateExercise", "directionalPreference", "clinicianOverrides", "poolAccess", "legPain", "backPain"];

    /// <summary>Profiles pushed toward what a clinician can change: no clearance, symptoms not controlled, severe pain.</summary>
    public static Arbitrary<Scenario> Scenarios() =>
        (from world in Arbitraries.World
         from profile in Arbitraries.ProfileFor(world)
         from clearance in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
         from tolerate in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
         from severe in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
         from legPain in Gen.Choose(7, 10)
         select new Scenario(world, profile with
         {
             MedicalClearance = profile.MedicalClearance && clearance,
             SymptomsTolerateExercise = profile.SymptomsTolerateExercise && tolerate,
             LegPain = severe ? legPain : profile.LegPain,
         }, ReferenceEquals(world, ProgramSelector.Default))).ToArbitrary();

    private static (ProgramDecision Decision, JsonArray Entries) WhatIf(Scenario s)
    {
        var decision = s.Selector.Select(s.Profile, SelectionOptions.WithWhatWouldChange);
        var json = JsonNode.Parse(SciaticaJson.WriteDecision(decision))!;
        return (decision, json["whatWouldChange"]!.AsArray());
    }

    /// <summary>(a) Every patch, applied as a merge patch to the profile's JSON, gives exactly what it promises.</summary>
    [Property(Arbitrary = [typeof(WhatWouldChangePropertyTests)], MaxTest = 300, QuietOnSuccess = true)]
    public void EveryPatch_AppliedToTheProfile_GivesWhatItPromises(Scenario s)
    {
        foreach (var entry in WhatIf(s).Entries)
        {
            var target = (string)entry!["target"]!;
            var changed = WhatWouldChangeOracle.Apply(s.Profile, entry["patch"]!.ToJsonString());
            Assert.Equal((string)entry["gives"]!, WhatWouldChangeOracle.Outcome(s.Selector.Select(changed), target));
        }
    }

    /// <summary>(b) A patch touches only what a clinician can act on, in the allowed direction, and never lifts an absolute rule.</summary>
    [Property(Arbitrary = [typeof(WhatWouldChangePropertyTests)], MaxTest = 300, QuietOnSuccess = true)]
    public void EveryPatch_TouchesNoFactAndLiftsNoAbsoluteRule(Scenario s)
    {
        var (decision, entries) = WhatIf(s);
        var strength = s.Selector.RuleSet.Rules.Where(r => r.Strength is not null).ToDictionary(r => r.Id, r => r.Strength);
        foreach (var entry in entries)
        {
            var target = (string)entry!["target"]!;
            var patch = entry["patch"]!.AsObject();
            Assert.All(patch, member => Assert.Contains(member.Key, AllowedFields));
            Assert.True(patch["medicalClearance"] is null || ((bool)patch["medicalClearance"]! && !s.Profile.MedicalClearance));
            Assert.True(patch["symptomsTolerateExercise"] is null || ((bool)patch["symptomsTolerateExercise"]! && !s.Profile.SymptomsTolerateExercise));
            Assert.True(patch["poolAccess"] is null || ((bool)patch["poolAccess"]! && !s.Profile.PoolAccess));
            Assert.True(patch["legPain"] is null || (int)patch["legPain"]! < s.Profile.LegPain);
            Assert.True(patch["backPain"] is null || (int)patch["backPain"]! < s.Profile.BackPain);
            if (patch["clinicianOverrides"] is JsonArray overrides)
            {
                var written = overrides.Select(o => new ClinicianOverride { ExerciseId = (string)o!["exerciseId"]!, RuleId = (string)o["ruleId"]!, Reason = (string)o["reason"]! }).ToList();
                Assert.All(s.Profile.ClinicianOverrides, kept => Assert.Contains(kept, written));
                var added = written.Where(o => !s.Profile.ClinicianOverrides.Contains(o)).ToList();
                Assert.NotEmpty(added);
                Assert.All(added, o => Assert.Equal(ContraindicationStrength.Relative, strength[o.RuleId]));
                Assert.All(added, o => Assert.Equal(target, o.ExerciseId));
            }

            var changes = WhatWouldChangeOracle.ChangesOf(s.Profile, target, patch);
            Assert.InRange(changes.Count, 1, 2);
            Assert.Equal(decision.Decision == DecisionKind.Program ? SuggestedChange.Included : (string)entry["gives"]!, (string)entry["gives"]!);
        }
    }

    /// <summary>(c) No strict subset of a patch's changes gives the same outcome, and each pain change is the highest that still does.</summary>
    [Property(Arbitrary = [typeof(WhatWouldChangePropertyTests)], MaxTest = 300, QuietOnSuccess = true)]
    public void EveryPatch_IsMinimal(Scenario s)
    {
        foreach (var entry in WhatIf(s).Entries)
        {
            var target = (string)entry!["target"]!;
            var gives = (string)entry["gives"]!;
            var changes = WhatWouldChangeOracle.ChangesOf(s.Profile, target, entry["patch"]!.AsObject());
            bool Reaches(IEnumerable<WhatWouldChangeOracle.Change> subset) =>
                WhatWouldChangeOracle.Outcome(s.Selector.Select(WhatWouldChangeOracle.With(s.Profile, target, subset)), target) == gives;
            Assert.True(Reaches(changes), $"{target}: {WhatWouldChangeOracle.Key(changes)} does not give {gives}");
            Assert.True(WhatWouldChangeOracle.IsMinimal([.. changes], Reaches, s.Profile), $"{target}: {WhatWouldChangeOracle.Key(changes)} is not minimal for {gives}");
        }
    }

    /// <summary>
    /// (d) Complete: a brute force over every allowed patch of one or two changes finds a target reachable exactly when
    /// it has entries, the same least urgent decision, and the same minimal patches (every one is listed).
    /// </summary>
    [Property(Arbitrary = [typeof(WhatWouldChangePropertyTests)], MaxTest = 60, QuietOnSuccess = true)]
    public void Entries_AreEveryMinimalPatchOfEveryReachableTarget(Scenario s)
    {
        var (decision, entries) = WhatIf(s);
        var targets = decision.Decision == DecisionKind.Program ? decision.Excluded.Select(e => e.Id).ToList() : [SuggestedChange.DecisionTarget];
        foreach (var target in targets)
        {
            var (goal, minimal) = WhatWouldChangeOracle.Search(s.Selector, s.Profile, target);
            var mine = entries.Where(e => (string)e!["target"]! == target).ToList();
            Assert.All(mine, e => Assert.Equal(goal, (string)e!["gives"]!));
            var expected = minimal.Select(WhatWouldChangeOracle.Key).Order(StringComparer.Ordinal).ToList();
            var actual = mine.Select(e => WhatWouldChangeOracle.Key(WhatWouldChangeOracle.ChangesOf(s.Profile, target, e!["patch"]!.AsObject()))).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(expected, actual);
        }

        Assert.All(entries, e => Assert.Contains((string)e!["target"]!, targets));
    }

    /// <summary>(e) Entries come in contract order, and equal profiles (in any list order, any culture) give byte-identical JSON.</summary>
    [Property(Arbitrary = [typeof(WhatWouldChangePropertyTests)], MaxTest = 300, QuietOnSuccess = true)]
    public void Entries_AreOrderedAndDeterministic(Scenario s)
    {
        var (decision, entries) = WhatIf(s);
        var keys = entries.Select(e => (
            Target: (string)e!["target"]!,
            Changes: WhatWouldChangeOracle.ChangesOf(s.Profile, (string)e["target"]!, e["patch"]!.AsObject()).Count,
            Json: e["patch"]!.ToJsonString())).ToList();
        for (var i = 1; i < keys.Count; i++)
        {
            var (a, b) = (keys[i - 1], keys[i]);
            var order = a.Target == b.Target ? 0
                : a.Target == SuggestedChange.DecisionTarget ? -1
                : b.Target == SuggestedChange.DecisionTarget ? 1
                : string.CompareOrdinal(a.Target, b.Target);
            order = order != 0 ? order : a.Changes != b.Changes ? a.Changes.CompareTo(b.Changes) : string.CompareOrdinal(a.Json, b.Json);
            Assert.True(order < 0, $"entry {i - 1} ({a}) should come after entry {i} ({b})");
        }

        var reordered = s.Profile with
        {
            Causes = [.. s.Profile.Causes.Reverse()],
            RedFlags = [.. s.Profile.RedFlags.Reverse()],
            ClinicianOverrides = [.. s.Profile.ClinicianOverrides.Reverse()],
        };
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("tr-TR");
            var again = new ProgramSelector(s.Selector.Catalog, s.Selector.RuleSet).Select(reordered, SelectionOptions.WithWhatWouldChange);
            Assert.Equal(SciaticaJson.WriteDecision(decision, indented: true), SciaticaJson.WriteDecision(again, indented: true));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    /// <summary>The decision with what would change it equals the plain decision in every other respect, and round-trips through JSON.</summary>
    [Property(Arbitrary = [typeof(WhatWouldChangePropertyTests)], MaxTest = 300, QuietOnSuccess = true)]
    public void WhatIf_LeavesTheDecisionAsItIs_AndRoundTrips(Scenario s)
    {
        var plain = s.Selector.Select(s.Profile);
        var whatIf = s.Selector.Select(s.Profile, SelectionOptions.WithWhatWouldChange);
        Assert.Null(plain.WhatWouldChange);
        Assert.NotNull(whatIf.WhatWouldChange);
        Assert.Equal(plain, whatIf with { WhatWouldChange = null });
        Assert.Equal(s.Selector.WhatWouldChangeAfresh(s.Profile), whatIf.WhatWouldChange);
        Assert.Equal(whatIf, SciaticaJson.ReadDecision(SciaticaJson.WriteDecision(whatIf)));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(whatIf, ContractJson.Compact.ProgramDecision), SciaticaJson.WriteDecision(whatIf));
        Assert.All(whatIf.WhatWouldChange!, c => Assert.Equal(s.Selector.Select(c.Patch.ApplyTo(s.Profile)), s.Selector.Select(WhatWouldChangeOracle.Apply(s.Profile, SciaticaJson.WritePatch(c.Patch)))));
    }
}
