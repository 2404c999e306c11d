using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Handouts;

/// <summary>
/// Turns a decision, or a session review, into a patient handout: one self-contained HTML document (inline CSS and
/// SVG, no scripts, no external requests), the same bytes for the same input and language.
/// </summary>
/// <remarks>
/// The handout says the decision first, in plain words and with how soon to act. A program then shows each exercise
/// with its drawing, dose, numbered steps, what to feel and when to stop, the exercises left out and why, and a
/// two-week diary whose columns are the session-review input. Any other decision shows what to do instead and no
/// exercise at all. The stop-and-seek-help list is on every printed page. Thread-safe.
/// </remarks>
public sealed class HandoutRenderer
{
    private readonly IProgramSelector engine;
    private readonly ILogger logger;

    /// <summary>Creates a renderer for the decisions of an engine (its catalog gives the exercises' names and steps).</summary>
    /// <param name="engine">The engine whose decisions and reviews are rendered.</param>
    /// <param name="logger">Where untranslated sentences are reported; none by default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> is null.</exception>
    public HandoutRenderer(IProgramSelector engine, ILogger<HandoutRenderer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        this.engine = engine;
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Gets a renderer for the default engine (<see cref="ProgramSelector.Default"/>).</summary>
    public static HandoutRenderer Default { get; } = new(ProgramSelector.Default);

    /// <summary>Renders the handout of a decision in a language, on the default paper (A4) with blank clinic fields.</summary>
    /// <param name="decision">A decision of this renderer's engine.</param>
    /// <param name="language">A code of <see cref="HandoutLanguages.All"/>.</param>
    /// <returns>The handout.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="decision"/> or <paramref name="language"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="language"/> is not supported.</exception>
    /// <exception cref="ArgumentException">The decision is not one of this engine's (another rule-set version, or an exercise its catalog lacks).</exception>
    public Task<Handout> RenderAsync(ProgramDecision decision, string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return RenderAsync(decision, new HandoutOptions { Language = language });
    }

    /// <summary>Renders the handout of a decision with the clinic's fields, paper size and language of <paramref name="options"/>.</summary>
    /// <param name="decision">A decision of this renderer's engine.</param>
    /// <param name="options">Language, paper, clinic fields and pregnancy (<see cref="HandoutOptions.Plan"/> is ignored); the defaults when null (English, A4, blank fields).</param>
    /// <param name="cancellationToken">Cancels the rendering.</param>
    /// <returns>The handout.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="decision"/> or the options' language is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The language or the paper size is not supported.</exception>
    /// <exception cref="ArgumentException">The decision is not one of this engine's (another rule-set version, or an exercise its catalog lacks).</exception>
    public Task<Handout> RenderAsync(ProgramDecision decision, HandoutOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        options ??= new HandoutOptions();
        var texts = TextsFor(options.Language);
        var paper = options.ResolvedPaper;
        CheckVersion(decision.RuleSetVersion, nameof(decision));
        var isProgram = decision.Decision == DecisionKind.Program;
        var page = new HandoutPage
        {
            IsProgram = isProgram,
            IsReview = false,
            DecisionCode = Code(decision.Decision),
            TitleKey = isProgram ? "title.program" : "title.actInstead",
            Headline = texts.Content("headline." + Code(decision.Decision), Wording.Headline(decision.Decision, Audience.Person)),
            When = When(texts, Code(decision.Decision), isProgram ? null : RequireTimeframe(decision.Timeframe, nameof(decision)), Wording.Explanation(decision.Decision, decision.Timeframe, Audience.Person)),
            // On a program, a reason that already explains a left-out exercise is said there, once, not again here.
            Reasons = [.. decision.Reasons.Where(r => !isProgram || !decision.Excluded.Any(x => x.Reasons.Contains(r))).Select(r => Reason(texts, r))],
            Exercises = isProgram ? [.. decision.Exercises.Select((e, i) => Exercise(texts, Find(e.Id, nameof(decision)), e.Dosage, i + 1, options.AffectedSide))] : [],
            LeftOut = isProgram ? [.. decision.Excluded.Select(x => LeftOut(texts, x.Id, x.Reasons, alternative: null, number: 0, nameof(decision)))] : [],
            Stopped = [],
            MaximumPain = engine.RuleSet.Thresholds.MaximumPainDuringExercise,
            RuleSetVersion = decision.RuleSetVersion,
            Paper = paper,
            ClinicFields = ClinicFields(texts, options),
            Pregnant = options.Pregnant,
        };
        return RenderAsync(page, texts, cancellationToken);
    }

    /// <summary>Renders the handout of a session review in a language, on the default paper (A4) with blank clinic fields.</summary>
    /// <param name="review">A review of this renderer's engine.</param>
    /// <param name="language">A code of <see cref="HandoutLanguages.All"/>.</param>
    /// <returns>The handout.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="review"/> or <paramref name="language"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="language"/> is not supported.</exception>
    /// <exception cref="ArgumentException">The review is not one of this engine's, or names no decision.</exception>
    public Task<Handout> RenderReviewAsync(SessionReview review, string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return RenderReviewAsync(review, new HandoutOptions { Language = language });
    }

    /// <summary>
    /// Renders the handout of a session review with the options' language, paper and clinic fields: what stops, what
    /// gets easier or harder and what comes instead first, then the unchanged exercises, each with its number in the
    /// plan (<see cref="HandoutOptions.Plan"/>; the review's own order without it).
    /// </summary>
    /// <param name="review">A review of this renderer's engine.</param>
    /// <param name="options">Language, paper, clinic fields, pregnancy, and the plan the review adjusts; the defaults when null.</param>
    /// <param name="cancellationToken">Cancels the rendering.</param>
    /// <returns>The handout.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="review"/> or the options' language is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The language or the paper size is not supported.</exception>
    /// <exception cref="ArgumentException">The review (or the plan) is not one of this engine's, or the review names no decision.</exception>
    public Task<Handout> RenderReviewAsync(SessionReview review, HandoutOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(review);
        options ??= new HandoutOptions();
        var texts = TextsFor(options.Language);
        var paper = options.ResolvedPaper;
        CheckVersion(review.RuleSetVersion, nameof(review));
        if (options.Plan is { } plan)
        {
            CheckVersion(plan.RuleSetVersion, nameof(options));
        }

        var code = review.Decision switch
        {
            ReviewDecision.Adjust => "adjust",
            ReviewDecision.SeekMedicalAdvice => Code(DecisionKind.SeekMedicalAdvice),
            ReviewDecision.TreatCauseFirst => Code(DecisionKind.TreatCauseFirst),
            ReviewDecision.UrgentReferral => Code(DecisionKind.UrgentReferral),
            ReviewDecision.Emergency => Code(DecisionKind.Emergency),
            _ => throw new ArgumentException($"The review's decision is '{review.Decision}'; a handout needs one of adjust, seekMedicalAdvice, treatCauseFirst, urgentReferral or emergency.", nameof(review)),
        };
        var adjust = review.Decision == ReviewDecision.Adjust;
        var ordered = InPlanOrder(review.Exercises, options.Plan);
        var page = new HandoutPage
        {
            IsProgram = adjust,
            IsReview = true,
            DecisionCode = code,
            TitleKey = adjust ? "title.review" : "title.actInstead",
            Headline = texts.Content(adjust ? "headline.adjust" : "headline.review." + code, Wording.Headline(review.Decision, Audience.Person)),
            When = When(texts, code, adjust ? null : RequireTimeframe(review.Timeframe, nameof(review)), Wording.Explanation(review.Decision, review.Timeframe, Audience.Person)),
            Reasons = adjust ? [] : [.. review.Reasons.Select(r => Reason(texts, r))],
            Exercises = adjust
                ? [.. ordered.Where(r => r.Review.Action != ReviewAction.Stop).Select(r => Exercise(texts, Find(r.Review.Id, nameof(review)), r.Review.Dosage ?? throw new ArgumentException($"The review gives exercise '{r.Review.Id}' no dose.", nameof(review)), r.Number, options.AffectedSide, r.Review.Action))]
                : [],
            LeftOut = [],
            StopAction = adjust ? texts.Content("action.stop", Wording.Action(ReviewAction.Stop, Audience.Person)) : default,
            Stopped = adjust ? [.. ordered.Where(r => r.Review.Action == ReviewAction.Stop).Select(r => LeftOut(texts, r.Review.Id, r.Review.Reasons, r.Review.Alternative, r.Number, nameof(review)))] : [],
            MaximumPain = engine.RuleSet.Thresholds.MaximumPainDuringExercise,
            RuleSetVersion = review.RuleSetVersion,
            Paper = paper,
            ClinicFields = ClinicFields(texts, options),
            Pregnant = options.Pregnant,
        };
        return RenderAsync(page, texts, cancellationToken);
    }

    /// <summary>The reviewed exercises in the plan's order with the plan's numbers; those the plan lacks (or all, without a plan) follow in the review's order.</summary>
    private static List<(ExerciseReview Review, int Number)> InPlanOrder(IReadOnlyList<ExerciseReview> reviewed, ProgramDecision? plan)
    {
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        if (plan is not null)
        {
            for (var i = 0; i < plan.Exercises.Count; i++)
            {
                position.TryAdd(plan.Exercises[i].Id, i);
            }
        }

        var ordered = reviewed.Select((r, i) => (Review: r, Key: position.TryGetValue(r.Id, out var p) ? p : position.Count + i)).OrderBy(x => x.Key).ToList();
        var next = position.Count;
        return [.. ordered.Select(x => (x.Review, x.Key < position.Count ? x.Key + 1 : ++next))];
    }

    /// <summary>The clinic's fields, in print order; a field the host did not give is a line to fill in.</summary>
    private static List<ClinicField> ClinicFields(Texts texts, HandoutOptions options)
    {
        return
        [
            new("name", texts["clinic.name"], Plain(options.PatientName)),
            new("date", texts["clinic.date"], options.Date is { } date ? texts["date.format", date.Day, texts.Plain("month." + date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture)), date.Year] : null),
            new("clinician", texts["clinic.clinician"], Plain(options.Clinician)),
            new("phone", texts["clinic.phone"], Plain(options.ClinicPhone)),

            // Which leg, from the profile (PatientProfile.AffectedSide); a line to fill in when the profile does not say.
            options.AffectedSide is { } side
                ? new("affected-side", texts["clinic.affectedSideGiven"], texts["side." + SideCode(side)])
                : new("affected-side", texts["clinic.affectedSide"], null),
        ];

        static MarkupString? Plain(string? value) =>
            string.IsNullOrWhiteSpace(value) ? null : new MarkupString(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(value));
    }

    private Task<Handout> RenderAsync(HandoutPage page, Texts texts, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var html = HandoutHtml.Write(texts, page);
        var untranslated = texts.Untranslated.ToArray();
        if (untranslated.Length > 0)
        {
            Log.Untranslated(logger, texts.Language, untranslated.Length, string.Join(", ", untranslated));
        }

        return Task.FromResult(new Handout(html, texts.Language, untranslated));
    }

    private static Texts TextsFor(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return HandoutLanguages.IsSupported(language)
            ? new Texts(language)
            : throw new ArgumentOutOfRangeException(nameof(language), language, $"The handout language '{language}' is not supported; allowed values: {string.Join(", ", HandoutLanguages.All)}.");
    }

    private void CheckVersion(string version, string parameter)
    {
        if (version != engine.RuleSetVersion)
        {
            throw new ArgumentException($"The {parameter} was made by rule set '{version}', but this renderer's engine is '{engine.RuleSetVersion}'.", parameter);
        }
    }

    private Exercise Find(string id, string parameter) =>
        engine.Catalog.Find(id) ?? throw new ArgumentException($"The {parameter} names exercise '{id}', which the catalog does not hold.", parameter);

    /// <summary>A reason in the person's words (no rule or source ids), translated while the translation was made from those words.</summary>
    private static MarkupString Reason(Texts texts, DecisionReason reason) =>
        texts.Content("rule." + reason.RuleId, Wording.Reason(reason, Audience.Person));

    /// <summary>What to do and how soon, from the one source of wording; its key names the decision and timeframe it was translated for.</summary>
    private static MarkupString When(Texts texts, string code, Timeframe? timeframe, string english) =>
        texts.Content(timeframe is { } t ? $"when.{code}.{TimeframeCode(t)}" : "when." + code, english);

    private static HandoutExercise Exercise(Texts texts, Exercise exercise, Dosage dose, int number, AffectedSide? side, ReviewAction? action = null) => new()
    {
        Id = exercise.Id,
        Number = number,
        EasierFirst = action == ReviewAction.Regress ? 0 : 1,
        Name = texts.Content($"exercise.{exercise.Id}.name", exercise.Name),
        PlainName = texts.PlainContent($"exercise.{exercise.Id}.name", exercise.Name),
        Dose = Dose(texts, dose, EachSide(exercise), side, AffectedLegOnly(exercise)),
        Steps = [.. exercise.Instructions.Select((step, i) => texts.Content($"exercise.{exercise.Id}.step{i + 1}", step))],
        Action = action is { } a ? texts.Content("action." + ActionCode(a), Wording.Action(a, Audience.Person)) : null,
        ChangesDose = action is ReviewAction.Progress or ReviewAction.Regress,
    };

    private LeftOutExercise LeftOut(Texts texts, string id, IReadOnlyList<DecisionReason> reasons, string? alternative, int number, string parameter)
    {
        var exercise = Find(id, parameter);
        List<MarkupString> because = [.. reasons.Select(r => Reason(texts, r))];
        MarkupString? instead = alternative is null ? null : texts.Content($"exercise.{alternative}.name", Find(alternative, parameter).Name);
        return new()
        {
            Id = id,
            Number = number,
            Name = texts.Content($"exercise.{id}.name", exercise.Name),
            Reasons = because,
            Alternative = instead,
            Because = new(string.Join(" ", [.. because.Select(r => r.Value), .. instead is { } i ? new[] { texts["review.alternative"].Value + " " + i.Value } : []])),
        };
    }

    /// <summary>Whether the steps say the exercise is done with the affected leg only ("straighten the affected knee"), so that its dose names the leg.</summary>
    internal static bool AffectedLegOnly(Exercise exercise) => !EachSide(exercise) && exercise.Instructions.Any(step => AffectedLegWords.IsMatch(step));

    private static readonly System.Text.RegularExpressions.Regex AffectedLegWords = new(
        @"\bthe affected (?:leg|knee|foot|side)\b",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static string SideCode(AffectedSide side) => side switch
    {
        AffectedSide.Left => "left",
        AffectedSide.Right => "right",
        _ => "both",
    };

    /// <summary>Whether the steps say the exercise is done on each side in turn ("the other leg", "change sides"), so that its repetitions are per side.</summary>
    internal static bool EachSide(Exercise exercise) => exercise.Instructions.Any(step => EachSideWords.IsMatch(step));

    private static readonly System.Text.RegularExpressions.Regex EachSideWords = new(
        @"\b(?:the other (?:side|leg)|change sides|each side|both sides|switch sides)\b",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>
    /// The dose in words: the hold counted out, repetitions (on each side, where the steps say so) and sets, which leg
    /// (for an exercise done with the affected leg only: the left, the right, each in turn, or "the affected leg" when
    /// the profile does not say), minutes, and times a day.
    /// </summary>
    private static List<MarkupString> Dose(Texts texts, Dosage dose, bool eachSide, AffectedSide? side, bool affectedLegOnly)
    {
        var parts = new List<MarkupString>();
        if (dose.HoldSeconds is { } hold)
        {
            parts.Add(texts["dose.hold", hold]);
        }

        if (dose.Repetitions is { } repetitions)
        {
            parts.Add(texts[(repetitions == 1 ? "dose.repetitionsOne" : "dose.repetitions") + (eachSide ? "EachSide" : ""), repetitions]);
        }

        if (dose.Sets is { } sets and > 1)
        {
            parts.Add(texts["dose.sets", sets]);
        }

        if (affectedLegOnly)
        {
            parts.Add(texts["dose.leg." + (side is { } s ? SideCode(s) : "affected")]);
        }

        if (dose.Minutes is { } minutes)
        {
            parts.Add(texts["dose.minutes", minutes]);
        }

        if (dose.TimesPerDay is { } times)
        {
            parts.Add(texts[times == 1 ? "dose.timesPerDayOne" : "dose.timesPerDay", times]);
        }

        return parts;
    }

    private static string Code(DecisionKind kind, string parameter = "decision") => kind switch
    {
        DecisionKind.Program => "program",
        DecisionKind.SeekMedicalAdvice => "seekMedicalAdvice",
        DecisionKind.TreatCauseFirst => "treatCauseFirst",
        DecisionKind.UrgentReferral => "urgentReferral",
        DecisionKind.Emergency => "emergency",
        _ => throw new ArgumentException($"The decision is '{kind}'; a handout needs one of program, seekMedicalAdvice, treatCauseFirst, urgentReferral or emergency.", parameter),
    };

    private static Timeframe RequireTimeframe(Timeframe? timeframe, string parameter) =>
        timeframe ?? throw new ArgumentException($"The {parameter} says no timeframe; a handout that sends the person elsewhere must say how soon.", parameter);

    private static string TimeframeCode(Timeframe timeframe) => timeframe switch
    {
        Timeframe.Now => "now",
        Timeframe.Within24Hours => "within24Hours",
        Timeframe.WithinDays => "withinDays",
        _ => "beforeExercising",
    };

    private static string ActionCode(ReviewAction action) => action switch
    {
        ReviewAction.Progress => "progress",
        ReviewAction.Continue => "continue",
        ReviewAction.Regress => "regress",
        ReviewAction.Stop => "stop",
        _ => throw new ArgumentException($"A reviewed exercise has action '{action}'; allowed values: progress, continue, regress, stop.", nameof(action)),
    };
}
