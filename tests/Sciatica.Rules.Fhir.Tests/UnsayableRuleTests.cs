using Hl7.Fhir.Model;
using Sciatica.Rules.Catalogs;
using Condition = Sciatica.Rules.Catalogs.Condition;

namespace Sciatica.Rules.Fhir.Tests;

/// <summary>
/// A rule the plan definition cannot say in FHIRPath (it reads a fact that has no expression) fails safe: its action
/// never applies, a screening rule keeps every exercise out, a contraindication keeps its exercises out, a preference
/// that cannot be said lifts nothing, and the plan says which rules these are. No rule of the default rule set is
/// unsayable, so these tests leave facts without an expression on purpose, as a new fact added to the engine without
/// one would be.
/// </summary>
public sealed class UnsayableRuleTests
{
    private static readonly ProgramSelector Engine = ProgramSelector.Default;
    private static readonly int Bladder = Facts.RedFlag(RedFlag.BladderDysfunction);
    private static readonly int Bowel = Facts.RedFlag(RedFlag.BowelDysfunction);

    [Fact]
    public void Holds_AFactWithoutAnExpression_TheWholeConditionIsUnsayable()
    {
        var paths = new FhirPathConditions(Engine.RuleSet.Thresholds, [Bladder]);

        Assert.Null(paths.Holds(Condition.AllOf(Bladder)));
        Assert.Null(paths.Holds(Condition.AnyOf(Bowel, Bladder)));
        Assert.Null(paths.Holds(Condition.AllOf(Bowel).And(Bladder)));
        Assert.Null(paths.Holds(new Condition(Facts.None.With(Facts.MedicalClearance), Facts.None.With(Bowel).With(Bladder))));
        Assert.NotNull(paths.Holds(Condition.AllOf(Bowel)));
        Assert.NotNull(new FhirPathConditions(Engine.RuleSet.Thresholds).Holds(Condition.AnyOf(Bowel, Bladder)));
    }

    [Fact]
    public void Holds_ABitNoFactUses_IsUnsayable()
    {
        var paths = new FhirPathConditions(Engine.RuleSet.Thresholds);

        Assert.Null(paths.Holds(Condition.AllOf(127)));
        Assert.Null(paths.Holds(Condition.AnyOf(Bowel, 127)));
        Assert.Equal("true", paths.Holds(Condition.Always));
    }

    [Fact]
    public void PlanDefinition_DefaultRuleSet_SaysEveryRule()
    {
        var plan = SciaticaFhir.PlanDefinition(Engine);

        Assert.EndsWith(" Every rule of this rule set is said in FHIRPath.", plan.Usage, StringComparison.Ordinal);
        Assert.DoesNotContain(Actions(plan), a => a.Condition.Any(c => c.Expression?.Expression_ == "false"));
    }

    [Fact]
    public void PlanDefinition_ScreeningRuleUnsayable_ItsActionAndEveryExerciseNeverApply()
    {
        // Two facts, so that more than one rule is unsayable and the lists of them are joined.
        var cancer = Facts.RedFlag(RedFlag.CancerHistory);
        var unsaid = Engine.RuleSet.BuiltIns.Screening.Where(r => Reads(r.When, Bladder) || Reads(r.When, cancer)).Select(r => r.Id).ToList();
        Assert.True(unsaid.Count >= 2, string.Join(", ", unsaid));

        var plan = SciaticaFhir.PlanDefinitionSaying(Engine, new FhirPathConditions(Engine.RuleSet.Thresholds, [Bladder, cancer]));

        var actions = Actions(plan);
        foreach (var id in unsaid)
        {
            AssertUnsayable(Assert.Single(actions, a => a.Prefix == id).Condition.Single(), id);
        }

        var program = Assert.Single(actions, a => a.Code.Any(c => c.Coding.Any(x => x.Code == "program")));
        var passed = Assert.Single(program.Condition);
        Assert.Equal("false", passed.Expression?.Expression_);
        Assert.Equal($"Screening rules {string.Join(", ", unsaid)} cannot be said in FHIRPath, so screening cannot be shown to pass: no exercise applies (the safe side).", passed.Expression?.Description);
        Assert.All(program.Action.Where(a => a.Definition is not null), a => Assert.Contains(a.Condition, c => c.Expression?.Expression_ == "false"));
        Assert.EndsWith($" Rules that cannot be said in FHIRPath (their actions never apply): {string.Join(", ", unsaid)}.", plan.Usage, StringComparison.Ordinal);
    }

    [Fact]
    public void GenericApply_ScreeningRuleUnsayable_NoSampleGetsAnExercise()
    {
        var walker = Walker(Bladder);

        foreach (var (name, profile) in Samples.Profiles)
        {
            (string? Decision, IReadOnlySet<string> Exercises) applied = (null, new HashSet<string>());
            var refused = Record.Exception(() => applied = walker.Apply(SciaticaFhir.IntakeResponse(profile)));
            var (kind, exercises) = applied;

            // Screening cannot be shown to pass, so where the engine gives a program no decision applies, and a
            // standard engine refuses the group that must select exactly one; where a said rule decides, it decides.
            Assert.True(exercises.Count == 0, name);
            if (Engine.Select(profile).Decision == DecisionKind.Program)
            {
                Assert.Contains("selects exactly one child, but 0 apply", Assert.IsType<InvalidOperationException>(refused).Message, StringComparison.Ordinal);
            }
            else
            {
                Assert.True(refused is null || refused.Message.Contains("but 0 apply", StringComparison.Ordinal), name + ": " + refused?.Message);
                Assert.NotEqual("program", kind);
            }
        }
    }

    [Fact]
    public void PlanDefinition_ContraindicationUnsayable_ItsExercisesAreLeftOut()
    {
        // A contraindication of a disc cause that no screening rule reads, so screening still passes for a disc.
        var rule = Engine.RuleSet.Contraindications.First(c => Reads(c.CompileCondition(), Facts.Cause(Cause.HerniatedDisc)));
        var bit = Facts.Cause(Cause.HerniatedDisc);
        Assert.DoesNotContain(Engine.RuleSet.BuiltIns.Screening, r => Reads(r.When, bit));
        var touched = Engine.Catalog.Exercises.Where(rule.Touches).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(touched);

        var walker = Walker(bit);

        var plan = walker.Plan;
        foreach (var id in touched)
        {
            var action = Assert.Single(Actions(plan), a => a.Prefix == id);
            AssertUnsayable(Assert.Single(action.Condition, c => c.Expression?.Description?.StartsWith("Rule " + rule.Id + " ", StringComparison.Ordinal) == true), rule.Id);
        }

        var profile = Samples.Profiles["herniated-disc-l5"];
        var engineSays = Engine.Select(profile).Exercises.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var (kind, exercises) = walker.Apply(SciaticaFhir.IntakeResponse(profile));
        Assert.Equal("program", kind);
        Assert.NotEmpty(exercises);
        Assert.True(exercises.IsSubsetOf(engineSays), "the plan adds no exercise the engine leaves out");
        Assert.Empty(exercises.Intersect(touched));
    }

    [Fact]
    public void GenericApply_PreferenceUnsayable_LiftsNothing()
    {
        var extension = Facts.Prefers(DirectionalPreference.Extension);
        var lifted = Engine.RuleSet.Contraindications.First(c => c.Strength == ContraindicationStrength.Relative && c.LiftedByDirectionalPreference == DirectionalPreference.Extension);
        var profile = Samples.Profiles["herniated-disc-l5"] with { DirectionalPreference = DirectionalPreference.Extension };
        var engineSays = Engine.Select(profile).Exercises.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var liftedForThisPerson = Engine.Catalog.Exercises.Where(lifted.Touches).Select(e => e.Id).Where(engineSays.Contains).ToList();
        Assert.NotEmpty(liftedForThisPerson);

        var (kind, exercises) = Walker(extension).Apply(SciaticaFhir.IntakeResponse(profile));

        Assert.Equal("program", kind);
        Assert.True(exercises.IsSubsetOf(engineSays), "the plan adds no exercise the engine leaves out");
        Assert.Empty(exercises.Intersect(liftedForThisPerson));
    }

    [Fact]
    public void PlanDefinition_AdviceUnsayable_ItsActionNeverApplies()
    {
        var advice = Engine.RuleSet.BuiltIns.Advice.First(a => !a.When.All.IsEmpty);
        var bit = Bits(advice.When).First();

        var plan = SciaticaFhir.PlanDefinitionSaying(Engine, new FhirPathConditions(Engine.RuleSet.Thresholds, [bit]));

        AssertUnsayable(Assert.Single(Actions(plan), a => a.Prefix == advice.Id).Condition.Single(), advice.Id);
    }

    private static GenericPlanDefinitionApply Walker(int unsayable)
    {
        var knowledge = SciaticaFhir.KnowledgeBundle(Engine);
        knowledge.Entry.Single(e => e.Resource is PlanDefinition).Resource =
            SciaticaFhir.PlanDefinitionSaying(Engine, new FhirPathConditions(Engine.RuleSet.Thresholds, [unsayable]));
        return new GenericPlanDefinitionApply(knowledge);
    }

    private static void AssertUnsayable(PlanDefinition.ConditionComponent condition, string ruleId)
    {
        Assert.Equal("false", condition.Expression?.Expression_);
        Assert.Equal(
            "Rule " + ruleId + " cannot be said in FHIRPath (it reads a fact the intake expressions do not cover), so this action is not applicable by default (the safe side); apply the engine itself for it.",
            condition.Expression?.Description);
    }

    private static List<PlanDefinition.ActionComponent> Actions(PlanDefinition plan)
    {
        var all = new List<PlanDefinition.ActionComponent>();
        void Walk(IEnumerable<PlanDefinition.ActionComponent> actions)
        {
            foreach (var action in actions)
            {
                all.Add(action);
                Walk(action.Action);
            }
        }

        Walk(plan.Action);
        return all;
    }

    private static bool Reads(Condition condition, int bit) => Bits(condition).Contains(bit);

    private static IEnumerable<int> Bits(Condition condition) =>
        Enumerable.Range(0, 128).Where(b => condition.All.Intersects(Facts.None.With(b)) || condition.Any.Intersects(Facts.None.With(b)));
}
