using Hl7.Fhir.FhirPath;
using Hl7.Fhir.Model;
using Hl7.FhirPath;

namespace Sciatica.Rules.Fhir.Tests;

/// <summary>
/// What any <c>$apply</c> engine does with the knowledge bundle, and nothing more: walk the plan definition's actions,
/// keep an action when every applicability condition, a FHIRPath expression evaluated by Firely's engine with the intake
/// as its focus, is exactly true, then walk its children. It knows no rule, no cause and no exercise: it reads the
/// decision from the code of the kept decision group and the exercises from the activity definitions the kept actions
/// point to. Every condition must be a single boolean, and an exactly-one group must keep exactly one child.
/// </summary>
internal sealed class GenericPlanDefinitionApply
{
    private readonly PlanDefinition plan;
    private readonly Dictionary<string, ActivityDefinition> activities;
    private readonly Dictionary<string, CompiledExpression> compiled = new(StringComparer.Ordinal);
    private readonly FhirPathCompiler compiler = new();
    private readonly Dictionary<string, bool> answers = new(StringComparer.Ordinal);

    public GenericPlanDefinitionApply(Bundle knowledge)
    {
        plan = knowledge.Entry.Select(e => e.Resource).OfType<PlanDefinition>().Single();
        activities = knowledge.Entry.Select(e => e.Resource).OfType<ActivityDefinition>().ToDictionary(a => a.Url + "|" + a.Version, StringComparer.Ordinal);
    }

    public PlanDefinition Plan => plan;

    /// <summary>The decision code of the kept decision action and the exercise codes of the kept actions' activity definitions.</summary>
    public (string? Decision, IReadOnlySet<string> Exercises) Apply(QuestionnaireResponse intake)
    {
        var node = intake.ToPocoNode(ModelInfo.ModelInspector);
        // An expression repeated on several actions (the screening gate on every exercise) is evaluated once per intake.
        answers.Clear();
        var kept = new List<PlanDefinition.ActionComponent>();
        foreach (var action in plan.Action)
        {
            Walk(action, node, kept);
        }

        var decisions = kept.SelectMany(a => a.Code).SelectMany(c => c.Coding).Where(c => c.System == SciaticaFhir.CodeSystemBase + "decision").Select(c => c.Code).Distinct().ToList();
        if (decisions.Count > 1)
        {
            throw new InvalidOperationException("More than one decision applies: " + string.Join(", ", decisions));
        }

        var exercises = kept.Select(a => a.Definition).OfType<Canonical>().Select(c => activities[c.Value!].Code!.Coding.Single().Code!).ToHashSet(StringComparer.Ordinal);
        return (decisions.SingleOrDefault(), exercises);
    }

    private bool Walk(PlanDefinition.ActionComponent action, PocoNode intake, List<PlanDefinition.ActionComponent> kept)
    {
        if (!action.Condition.Where(c => c.Kind == ActionConditionKind.Applicability).All(c => Holds(c.Expression!, intake)))
        {
            return false;
        }

        kept.Add(action);
        var children = action.Action.Count(child => Walk(child, intake, kept));
        if (action.SelectionBehavior == ActionSelectionBehavior.ExactlyOne && children != 1)
        {
            throw new InvalidOperationException($"Action '{action.Title}' selects exactly one child, but {children} apply.");
        }

        return true;
    }

    private bool Holds(Expression expression, PocoNode intake)
    {
        if (expression.Language != "text/fhirpath")
        {
            throw new InvalidOperationException("Not FHIRPath: " + expression.Language);
        }

        var text = expression.Expression_ ?? throw new InvalidOperationException("A condition without an expression: " + expression.Description);
        if (answers.TryGetValue(text, out var known))
        {
            return known;
        }

        if (!compiled.TryGetValue(text, out var evaluate))
        {
            evaluate = compiler.Compile(text);
            compiled.Add(text, evaluate);
        }

        // Scalar gives the one value of a single-item result (a bool for a FHIRPath boolean), null for an empty one, and throws for several.
        return evaluate.Scalar(intake, new FhirEvaluationContext()) is bool value
            ? answers[text] = value
            : throw new InvalidOperationException($"Condition '{expression.Description}' is not one boolean.");
    }
}
