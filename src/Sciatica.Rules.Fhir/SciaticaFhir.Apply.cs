using Hl7.Fhir.Model;

namespace Sciatica.Rules.Fhir;

public static partial class SciaticaFhir
{
    /// <summary>
    /// A decision as the result of <c>PlanDefinition/$apply</c>: a draft <see cref="CarePlan"/> proposal that instantiates
    /// the plan definition (url|rule-set version) for <paramref name="subject"/>. Its activity refers to a contained
    /// <see cref="RequestGroup"/>. For a program, the group has one action per included exercise, each pointing to a
    /// contained <see cref="ServiceRequest"/> with the dose, the steps and the rationale, and every excluded exercise
    /// is a further activity with its reasons: marked do-not-perform when an absolute rule excludes it, on hold (with
    /// the reason a clinician may override) when only relative or eligibility rules do. For any other decision the group has one action
    /// saying what to do and how soon (<c>stat</c>, <c>urgent</c>, <c>asap</c> or <c>routine</c>), pointing to a contained
    /// service request for that referral or assessment, and no exercise is proposed.
    /// </summary>
    /// <param name="engine">The engine that made the decision.</param>
    /// <param name="decision">The decision.</param>
    /// <param name="subject">The patient, as the caller's EHR refers to them (for example <c>Patient/123</c>).</param>
    /// <returns>The care plan.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The decision was made by another rule set than the engine's.</exception>
    public static CarePlan Apply(IProgramSelector engine, ProgramDecision decision, ResourceReference subject)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(subject);
        if (decision.RuleSetVersion != engine.RuleSetVersion)
        {
            throw new ArgumentException($"The decision was made by rule set '{decision.RuleSetVersion}', not by this engine's '{engine.RuleSetVersion}'.", nameof(decision));
        }

        var version = ArtifactVersion(engine.RuleSetVersion);
        var words = Words.For(decision);
        var group = new RequestGroup
        {
            Id = "request-group",
            Status = RequestStatus.Draft,
            Intent = RequestIntent.Proposal,
            Priority = Priority(decision.Timeframe),
            Subject = Copy(subject),
            InstantiatesCanonical = [PlanDefinitionUrl + "|" + version],
            Code = Concept("decision", Terminology.Of(decision.Decision, Terminology.Decisions)),
            ReasonCode = [.. decision.Reasons.Select(Reason)],
            Note = [.. decision.SafetyAdvice.Select(advice => new Annotation { Text = FhirMarkdown(advice) })],
        };
        var plan = new CarePlan
        {
            Status = RequestStatus.Draft,
            Intent = CarePlan.CarePlanIntent.Proposal,
            InstantiatesCanonical = [PlanDefinitionUrl + "|" + version],
            Subject = Copy(subject),
            Title = words.Headline,
            Description = words.Explanation,
        };
        group.Text = Narrative(words.Headline, [words.HowSoon, words.Explanation, .. decision.Reasons.Select(r => Wording.Reason(r, Audience.Clinician))]);
        plan.Text = Narrative(words.Headline, [
            words.HowSoon,
            words.Explanation,
            .. decision.Exercises.Select(e => e.Name + ": " + DoseText(e.Dosage) + "."),
            .. decision.Excluded.Select(e => "Left out: " + ExerciseName(engine, e.Id) + " (" + string.Join(", ", e.Reasons.Select(r => r.RuleId)) + ")."),
            .. decision.Decision == DecisionKind.Program ? [] : decision.Reasons.Select(r => Wording.Reason(r, Audience.Clinician))]);
        plan.Contained.Add(group);
        plan.Activity.Add(new CarePlan.ActivityComponent { Reference = new ResourceReference("#" + group.Id) });

        if (decision.Decision == DecisionKind.Program)
        {
            foreach (var exercise in decision.Exercises)
            {
                var request = Exercise(exercise, subject, version);
                plan.Contained.Add(request);
                group.Action.Add(new RequestGroup.ActionComponent
                {
                    Title = exercise.Name,
                    Description = exercise.Rationale,
                    Resource = new ResourceReference("#" + request.Id),
                });
            }

            var absolute = engine.RuleSet.Rules.Where(r => r.Strength == Catalogs.ContraindicationStrength.Absolute).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var excluded in decision.Excluded)
            {
                var name = ExerciseName(engine, excluded.Id);

                // Do-not-perform only where nothing lifts the rule; an exercise left out by a relative rule is on hold: a
                // clinician may override that rule for it, with a documented reason.
                var never = excluded.Reasons.Any(r => absolute.Contains(r.RuleId));
                plan.Activity.Add(new CarePlan.ActivityComponent
                {
                    Detail = new CarePlan.DetailComponent
                    {
                        Status = never ? CarePlan.CarePlanActivityStatus.NotStarted : CarePlan.CarePlanActivityStatus.OnHold,
                        StatusReason = never ? null : new CodeableConcept { Text = "Left out by a relative rule: a clinician may override it for this exercise, with a documented reason." },
                        DoNotPerform = never,
                        Code = new CodeableConcept(CodeSystemBase + "exercise", excluded.Id, name),
                        ReasonCode = [.. excluded.Reasons.Select(Reason)],
                        Description = "Left out: " + string.Join(" ", excluded.Reasons.Select(r => r.Message)),
                    },
                });
            }
        }
        else
        {
            var referral = Referral(decision, words, subject);
            plan.Contained.Add(referral);
            group.Action.Add(new RequestGroup.ActionComponent
            {
                Title = words.Headline,
                Description = words.Explanation,
                Priority = Priority(decision.Timeframe),
                Resource = new ResourceReference("#" + referral.Id),
            });
        }

        return plan;
    }

    private static ServiceRequest Exercise(PrescribedExercise exercise, ResourceReference subject, string version) => new()
    {
        Text = Narrative(exercise.Name, DoseText(exercise.Dosage) + ".", Steps(exercise.Instructions), exercise.Rationale),
        Id = "exercise-" + exercise.Id,
        Status = RequestStatus.Draft,
        Intent = RequestIntent.Proposal,
        InstantiatesCanonical = [ActivityDefinitionUrl(exercise.Id) + "|" + version],
        Subject = Copy(subject),
        Code = new CodeableConcept(CodeSystemBase + "exercise", exercise.Id, exercise.Name),
        Occurrence = Dose(exercise.Dosage).Timing,
        PatientInstruction = DoseText(exercise.Dosage) + ".\n" + Steps(exercise.Instructions),
        ReasonCode = [new CodeableConcept { Text = exercise.Rationale }],
    };

    private static ServiceRequest Referral(ProgramDecision decision, Words words, ResourceReference subject) => new()
    {
        Text = Narrative(words.Headline, words.HowSoon, words.Explanation),
        Id = "referral",
        Status = RequestStatus.Draft,
        Intent = RequestIntent.Proposal,
        Priority = Priority(decision.Timeframe),
        DoNotPerform = false,
        Subject = Copy(subject),
        Code = Concept("decision", Terminology.Of(decision.Decision, Terminology.Decisions)),
        ReasonCode = [.. decision.Reasons.Select(Reason)],
        // For the person: what to do and how soon in the shared plain words, then the rest of the safety advice (its first
        // line says the same "how soon" in other words, so it is not repeated).
        PatientInstruction = string.Join("\n", [words.ForThePerson, .. decision.SafetyAdvice.Skip(1)]),
    };

    private static string ExerciseName(IProgramSelector engine, string id) =>
        engine.Catalog.Exercises.FirstOrDefault(e => e.Id == id)?.Name ?? id;

    /// <summary>
    /// What a decision says in FHIR text, all from the shared wording (<see cref="Wording"/>): the clinician's headline,
    /// "How soon" and explanation for titles, descriptions and narratives, and the person's explanation for the patient
    /// instruction, so that FHIR says the same action and timeframe as the CLI text, the handout and the CDS cards.
    /// </summary>
    private sealed record Words(string Headline, string? HowSoon, string Explanation, string ForThePerson)
    {
        public static Words For(ProgramDecision decision) => new(
            Wording.Headline(decision.Decision, Audience.Clinician),
            decision.Timeframe is { } timeframe ? "How soon: " + Wording.HowSoon(timeframe, Audience.Clinician) + "." : null,
            Wording.Explanation(decision.Decision, decision.Timeframe, Audience.Clinician),
            Wording.Headline(decision.Decision, Audience.Person) + " " + Wording.Explanation(decision.Decision, decision.Timeframe, Audience.Person));
    }

    /// <summary>How soon, as a FHIR request priority: stat for an emergency, urgent within 24 hours, asap within days, routine before exercising or for a program.</summary>
    private static RequestPriority Priority(Timeframe? timeframe) => timeframe switch
    {
        Timeframe.Now => RequestPriority.Stat,
        Timeframe.Within24Hours => RequestPriority.Urgent,
        Timeframe.WithinDays => RequestPriority.Asap,
        _ => RequestPriority.Routine,
    };

    private static CodeableConcept Reason(DecisionReason reason) =>
        new(CodeSystemBase + "rule", reason.RuleId, RuleDisplay(reason.RuleId)) { Text = Wording.Reason(reason, Audience.Clinician) };

    private static ResourceReference Copy(ResourceReference subject) => (ResourceReference)subject.DeepCopy();
}
