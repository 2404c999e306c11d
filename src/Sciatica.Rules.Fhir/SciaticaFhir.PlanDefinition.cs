using Hl7.Fhir.Model;
using Sciatica.Rules.Catalogs;
using static Sciatica.Rules.Fhir.FhirPathConditions;

namespace Sciatica.Rules.Fhir;

public static partial class SciaticaFhir
{
    /// <summary>The event that starts the plan definition: an intake (this package's questionnaire) was completed.</summary>
    public const string IntakeCompletedEvent = "sciatica-intake-completed";

    private const string FhirPath = "text/fhirpath";

    /// <summary>
    /// The rule set and catalog as a computable plan definition that any <c>$apply</c> engine runs to the engine's answer.
    /// Its one top-level action is triggered by <see cref="IntakeCompletedEvent"/> and holds one group per decision
    /// (<c>selectionBehavior</c> exactly-one), most urgent first; each group's applicability is a FHIRPath expression over
    /// the intake <see cref="QuestionnaireResponse"/> that holds when one of its screening rules applies and no more urgent
    /// one does, and the program group holds one action per catalog exercise (its activity definition) with one
    /// applicability condition per rule that can leave it out. Every expression is written from the same rule objects the
    /// engine compiles; relative rules carry the clinician-override path; a rule that cannot be said in FHIRPath makes its
    /// action non-applicable and says so.
    /// </summary>
    /// <param name="engine">The engine whose rule set and catalog are described.</param>
    /// <returns>The plan definition; <c>version</c> is <see cref="ArtifactVersion"/> of the rule-set version.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> is null.</exception>
    public static PlanDefinition PlanDefinition(IProgramSelector engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return PlanDefinitionSaying(engine, new FhirPathConditions(engine.RuleSet.Thresholds));
    }

    /// <summary>The plan definition with the given expressions of the facts (tests leave some facts unsayable).</summary>
    internal static PlanDefinition PlanDefinitionSaying(IProgramSelector engine, FhirPathConditions paths)
    {
        var version = ArtifactVersion(engine.RuleSetVersion);
        var complete = AllAnswered(Items.Where(i => i.Required).Select(i => i.LinkId));
        var unsaid = new List<string>();

        var decide = new PlanDefinition.ActionComponent
        {
            Title = "Screen the intake, then choose the exercises",
            Description = "Exactly one decision applies: the most urgent screening decision whose rule holds, or the exercise program when none does.",
            Trigger = [new TriggerDefinition { Type = TriggerDefinition.TriggerType.NamedEvent, Name = IntakeCompletedEvent }],
            Condition = [Applicability(complete, "Every required intake question is answered: an unanswered red-flag or tolerance question is not 'none', so nothing applies until it is asked.")],
            GroupingBehavior = ActionGroupingBehavior.LogicalGroup,
            SelectionBehavior = ActionSelectionBehavior.ExactlyOne,
        };

        var screening = engine.RuleSet.BuiltIns.Screening;
        var moreUrgent = new List<string>();
        foreach (var level in screening.GroupBy(r => r.Decision).OrderByDescending(g => g.Key))
        {
            var said = new List<string>();
            var group = new PlanDefinition.ActionComponent
            {
                Title = Wording.Headline(level.Key, Audience.Clinician),
                Description = Terminology.Decisions[level.Key].Definition,
                Code = [Concept("decision", Terminology.Of(level.Key, Terminology.Decisions))],
                Priority = Priority(Timeframes.For(level.Key)),
                GroupingBehavior = ActionGroupingBehavior.LogicalGroup,
                SelectionBehavior = ActionSelectionBehavior.All,
            };
            foreach (var rule in level)
            {
                var holds = paths.Holds(rule.When);
                if (holds is null)
                {
                    unsaid.Add(rule.Id);
                }
                else
                {
                    said.Add(holds);
                }

                group.Action.Add(new PlanDefinition.ActionComponent
                {
                    Prefix = rule.Id,
                    Title = RuleDisplay(rule.Id),
                    Description = rule.Message,
                    Code = [RuleConcept(rule.Id)],
                    Priority = Priority(rule.Timeframe),
                    Documentation = [Citation(Source(rule.Source, engine))],
                    Condition = [holds is null ? Unsayable(rule.Id) : Applicability(holds, "Rule " + rule.Id + " applies.")],
                });
            }

            var any = AnyOf(said);
            group.Condition.Add(Applicability(
                moreUrgent.Count == 0 ? any : AllOf([any, Not(AnyOf(moreUrgent))]),
                "One of this decision's rules applies" + (moreUrgent.Count == 0 ? "." : " and no more urgent rule does.")));
            moreUrgent.AddRange(said);
            decide.Action.Add(group);
        }

        var passed = unsaid.Count > 0 ? "false" : Not(AnyOf(moreUrgent));
        var passedText = unsaid.Count > 0
            ? "Screening rules " + string.Join(", ", unsaid) + " cannot be said in FHIRPath, so screening cannot be shown to pass: no exercise applies (the safe side)."
            : "No screening rule applies.";
        var program = new PlanDefinition.ActionComponent
        {
            Title = Wording.Headline(DecisionKind.Program, Audience.Clinician),
            Description = Terminology.Decisions[DecisionKind.Program].Definition,
            Code = [Concept("decision", Terminology.Of(DecisionKind.Program, Terminology.Decisions))],
            Priority = RequestPriority.Routine,
            Condition = [Applicability(passed, passedText)],
            GroupingBehavior = ActionGroupingBehavior.LogicalGroup,
            SelectionBehavior = ActionSelectionBehavior.Any,
        };
        foreach (var exercise in engine.Catalog.Exercises)
        {
            program.Action.Add(ExerciseAction(engine, exercise, paths, version, [Applicability(complete, "Every required intake question is answered."), Applicability(passed, passedText)]));
        }

        foreach (var advice in engine.RuleSet.BuiltIns.Advice)
        {
            var holds = paths.Holds(advice.When);
            program.Action.Add(new PlanDefinition.ActionComponent
            {
                Prefix = advice.Id,
                Title = RuleDisplay(advice.Id),
                Description = advice.Message,
                Code = [RuleConcept(advice.Id)],
                Documentation = [Citation(Source(advice.Source, engine))],
                Condition = [holds is null ? Unsayable(advice.Id) : Applicability(holds, "Advice " + advice.Id + " applies.")],
            });
        }

        decide.Action.Add(program);
        var plan = new PlanDefinition
        {
            Id = "sciatica-exercise-program",
            Url = PlanDefinitionUrl,
            Identifier = [new Identifier(CanonicalBase + "/rule-set-version", engine.RuleSetVersion)],
            Version = version,
            Name = "SciaticaExerciseProgram",
            Title = "Exercise program for L4/L5 sciatica",
            Status = PublicationStatus.Active,
            Experimental = false,
            Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/plan-definition-type", "eca-rule", "ECA Rule"),
            UseContext = [SciaticaFocus()],
            Description = "Screens a person's intake for red flags and other reasons not to start, then selects exercises with their dosage and leaves out those the person's causes and circumstances contraindicate. Supports clinicians; does not diagnose.",
            Usage = "Run on a completed intake (" + IntakeQuestionnaireUrl + "|" + IntakeQuestionnaireVersion + "). Every condition is a FHIRPath expression whose focus is that QuestionnaireResponse; it is always true or false, never empty. A clinician lifts a relative rule for one exercise with a clinicianOverride group in the response (exerciseId, ruleId, reason)."
                + (unsaid.Count > 0 ? " Rules that cannot be said in FHIRPath (their actions never apply): " + string.Join(", ", unsaid) + "." : " Every rule of this rule set is said in FHIRPath."),
            RelatedArtifact = [
                new RelatedArtifact { Type = RelatedArtifact.RelatedArtifactType.DependsOn, Display = "The intake the conditions read", Resource = IntakeQuestionnaireUrl + "|" + IntakeQuestionnaireVersion },
                .. Sources(engine).Select(Citation)],
            Action = [decide],
        };
        plan.Text = Narrative(plan.Title, plan.Description, plan.Usage);
        return plan;
    }

    /// <summary>
    /// A version string for FHIR canonicals: the rule-set version with every character other than letters, digits,
    /// <c>.</c> and <c>-</c> written as <c>-</c> (<c>default/2.0.0+42ad4bcc49e4</c> becomes <c>default-2.0.0-42ad4bcc49e4</c>),
    /// so that <c>url|version</c> needs no escaping in a search or a URL. The exact rule-set version is kept as the plan
    /// definition's identifier.
    /// </summary>
    /// <param name="ruleSetVersion">The rule-set version (<see cref="IProgramSelector.RuleSetVersion"/>).</param>
    /// <returns>The version for FHIR artifacts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleSetVersion"/> is null.</exception>
    public static string ArtifactVersion(string ruleSetVersion)
    {
        ArgumentNullException.ThrowIfNull(ruleSetVersion);
        return string.Create(ruleSetVersion.Length, ruleSetVersion, static (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                span[i] = char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '-';
            }
        });
    }

    /// <summary>One exercise's action: its activity definition, included only when screening passed and no rule leaves it out.</summary>
    private static PlanDefinition.ActionComponent ExerciseAction(IProgramSelector engine, Exercise exercise, FhirPathConditions paths, string version, List<PlanDefinition.ConditionComponent> gates)
    {
        var action = new PlanDefinition.ActionComponent
        {
            Prefix = exercise.Id,
            Title = exercise.Name,
            Description = exercise.Rationale,
            Code = [new CodeableConcept(CodeSystemBase + "exercise", exercise.Id, exercise.Name)],
            Definition = new Canonical(ActivityDefinitionUrl(exercise.Id) + "|" + version),
            Documentation = [Citation(Source(exercise.Source, engine))],
            Condition = [.. gates.Select(g => (PlanDefinition.ConditionComponent)g.DeepCopy())],
        };
        foreach (var rule in engine.RuleSet.Contraindications.Where(c => c.Touches(exercise)))
        {
            var lift = rule.Strength == ContraindicationStrength.Relative && rule.LiftedByDirectionalPreference is { } preference
                ? paths.Holds(Catalogs.Condition.AllOf(Facts.Prefers(preference)))
                : null;
            var words = rule.Strength == ContraindicationStrength.Relative && rule.LiftedByDirectionalPreference is { } p
                ? " A clinician-assessed " + ContractNames.Of(p) + " directional preference lifts it."
                : string.Empty;
            action.Condition.Add(Exclusion(exercise, rule.Id, rule.Strength, rule.Rationale, rule.Source, paths.Holds(rule.CompileCondition()), lift, words));
        }

        foreach (var rule in engine.RuleSet.BuiltIns.Eligibility.Where(r => r.Touches(exercise)))
        {
            action.Condition.Add(Exclusion(exercise, rule.Id, rule.Strength, rule.Message, rule.Source, paths.Holds(rule.When), null, string.Empty));
        }

        return action;
    }

    /// <summary>The condition "this rule does not leave the exercise out": not (it applies, is not lifted by a preference, and, when relative, is not overridden for this exercise).</summary>
    private static PlanDefinition.ConditionComponent Exclusion(Exercise exercise, string ruleId, ContraindicationStrength strength, string rationale, string source, string? holds, string? lift, string words)
    {
        if (holds is null)
        {
            return Unsayable(ruleId);
        }

        var parts = new List<string> { holds };
        if (lift is not null)
        {
            parts.Add(Not(lift));
        }

        var relative = strength == ContraindicationStrength.Relative;
        if (relative)
        {
            parts.Add(Not(Overridden(exercise.Id, ruleId)));
        }

        var how = relative
            ? " Relative: a clinician may lift it for this exercise (clinicianOverride with exerciseId " + exercise.Id + " and ruleId " + ruleId + ")." + words
            : " Absolute: nothing lifts it.";
        return Applicability(Not(AllOf(parts)), "Not left out by " + ruleId + ": " + rationale + " [" + source + "]" + how);
    }

    private static PlanDefinition.ConditionComponent Applicability(string expression, string description) => new()
    {
        Kind = ActionConditionKind.Applicability,
        Expression = new Expression { Language = FhirPath, Expression_ = expression, Description = description },
    };

    /// <summary>A rule this package cannot write in FHIRPath: its action never applies (the safe side), and the condition says why.</summary>
    private static PlanDefinition.ConditionComponent Unsayable(string ruleId) =>
        Applicability("false", "Rule " + ruleId + " cannot be said in FHIRPath (it reads a fact the intake expressions do not cover), so this action is not applicable by default (the safe side); apply the engine itself for it.");
}
