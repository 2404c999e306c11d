using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
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

    /// <summary>Renders the handout of a decision.</summary>
    /// <param name="decision">A decision of this renderer's engine.</param>
    /// <param name="language">A code of <see cref="HandoutLanguages.All"/>; English by default.</param>
    /// <param name="cancellationToken">Cancels the rendering.</param>
    /// <returns>The handout.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="decision"/> or <paramref name="language"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="language"/> is not supported.</exception>
    /// <exception cref="ArgumentException">The decision is not one of this engine's (another rule-set version, or an exercise its catalog lacks).</exception>
    public Task<Handout> RenderAsync(ProgramDecision decision, string language = HandoutLanguages.English, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var texts = TextsFor(language);
        CheckVersion(decision.RuleSetVersion, nameof(decision));
        var isProgram = decision.Decision == DecisionKind.Program;
        var page = new HandoutPage
        {
            IsProgram = isProgram,
            IsReview = false,
            DecisionCode = Code(decision.Decision),
            TitleKey = isProgram ? "title.program" : "title.actInstead",
            HeadlineKey = "headline." + Code(decision.Decision),
            WhenKey = isProgram ? "when.program" : WhenKey(decision.Timeframe, nameof(decision)),
            Reasons = [.. decision.Reasons.Select(r => texts.Content("rule." + r.RuleId, r.Message))],
            Exercises = isProgram ? [.. decision.Exercises.Select(e => Exercise(texts, Find(e.Id, nameof(decision)), e.Dosage, actionKey: null))] : [],
            LeftOut = isProgram ? [.. decision.Excluded.Select(x => LeftOut(texts, x.Id, x.Reasons, alternative: null, nameof(decision)))] : [],
            Stopped = [],
            MaximumPain = engine.RuleSet.Thresholds.MaximumPainDuringExercise,
            RuleSetVersion = decision.RuleSetVersion,
        };
        return RenderAsync(page, texts, cancellationToken);
    }

    /// <summary>Renders the handout of a session review: the adjusted plan, or what to do instead of exercising.</summary>
    /// <param name="review">A review of this renderer's engine.</param>
    /// <param name="language">A code of <see cref="HandoutLanguages.All"/>; English by default.</param>
    /// <param name="cancellationToken">Cancels the rendering.</param>
    /// <returns>The handout.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="review"/> or <paramref name="language"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="language"/> is not supported.</exception>
    /// <exception cref="ArgumentException">The review is not one of this engine's, or names no decision.</exception>
    public Task<Handout> RenderReviewAsync(SessionReview review, string language = HandoutLanguages.English, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(review);
        var texts = TextsFor(language);
        CheckVersion(review.RuleSetVersion, nameof(review));
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
        var page = new HandoutPage
        {
            IsProgram = adjust,
            IsReview = true,
            DecisionCode = code,
            TitleKey = adjust ? "title.review" : "title.actInstead",
            HeadlineKey = "headline." + code,
            WhenKey = adjust ? "when.adjust" : WhenKey(review.Timeframe, nameof(review)),
            Reasons = adjust ? [] : [.. review.Reasons.Select(r => texts.Content("rule." + r.RuleId, r.Message))],
            Exercises = adjust
                ? [.. review.Exercises.Where(r => r.Action != ReviewAction.Stop).Select(r => Exercise(texts, Find(r.Id, nameof(review)), r.Dosage ?? throw new ArgumentException($"The review gives exercise '{r.Id}' no dose.", nameof(review)), "action." + ActionCode(r.Action, nameof(review))))]
                : [],
            LeftOut = [],
            Stopped = adjust ? [.. review.Exercises.Where(r => r.Action == ReviewAction.Stop).Select(r => LeftOut(texts, r.Id, r.Reasons, r.Alternative, nameof(review)))] : [],
            MaximumPain = engine.RuleSet.Thresholds.MaximumPainDuringExercise,
            RuleSetVersion = review.RuleSetVersion,
        };
        return RenderAsync(page, texts, cancellationToken);
    }

    private async Task<Handout> RenderAsync(HandoutPage page, Texts texts, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var renderer = new HtmlRenderer(NoServices.Instance, NullLoggerFactory.Instance);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { ["Texts"] = texts, ["Content"] = page });
            var output = await renderer.RenderComponentAsync<Templates.Components.HandoutDocument>(parameters).ConfigureAwait(false);
            return output.ToHtmlString();
        }).ConfigureAwait(false);
        var untranslated = texts.Untranslated.ToArray();
        if (untranslated.Length > 0)
        {
            Log.Untranslated(logger, texts.Language, untranslated.Length, string.Join(", ", untranslated));
        }

        return new Handout(html, texts.Language, untranslated);
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

    private static HandoutExercise Exercise(Texts texts, Exercise exercise, Dosage dose, string? actionKey) => new()
    {
        Id = exercise.Id,
        Name = texts.Content($"exercise.{exercise.Id}.name", exercise.Name),
        PlainName = texts.PlainContent($"exercise.{exercise.Id}.name", exercise.Name),
        Dose = Dose(texts, dose),
        Steps = [.. exercise.Instructions.Select((step, i) => texts.Content($"exercise.{exercise.Id}.step{i + 1}", step))],
        ActionKey = actionKey,
    };

    private LeftOutExercise LeftOut(Texts texts, string id, IReadOnlyList<DecisionReason> reasons, string? alternative, string parameter)
    {
        var exercise = Find(id, parameter);
        return new()
        {
            Id = id,
            Name = texts.Content($"exercise.{id}.name", exercise.Name),
            Reasons = [.. reasons.Select(r => texts.Content("rule." + r.RuleId, r.Message))],
            Alternative = alternative is null ? null : texts.Content($"exercise.{alternative}.name", Find(alternative, parameter).Name),
        };
    }

    /// <summary>The dose in words: the hold counted out, repetitions and sets, minutes, and times a day.</summary>
    private static List<MarkupString> Dose(Texts texts, Dosage dose)
    {
        var parts = new List<MarkupString>();
        if (dose.HoldSeconds is { } hold)
        {
            parts.Add(texts["dose.hold", hold]);
        }

        if (dose.Repetitions is { } repetitions)
        {
            parts.Add(texts[repetitions == 1 ? "dose.repetitionsOne" : "dose.repetitions", repetitions]);
        }

        if (dose.Sets is { } sets and > 1)
        {
            parts.Add(texts["dose.sets", sets]);
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

    private static string WhenKey(Timeframe? timeframe, string parameter) => timeframe switch
    {
        Timeframe.Now => "when.now",
        Timeframe.Within24Hours => "when.within24Hours",
        Timeframe.WithinDays => "when.withinDays",
        Timeframe.BeforeExercising => "when.beforeExercising",
        _ => throw new ArgumentException($"The {parameter} says no timeframe; a handout that sends the person elsewhere must say how soon.", parameter),
    };

    private static string ActionCode(ReviewAction action, string parameter) => action switch
    {
        ReviewAction.Progress => "progress",
        ReviewAction.Continue => "continue",
        ReviewAction.Regress => "regress",
        _ => throw new ArgumentException($"A reviewed exercise has action '{action}'; allowed values: progress, continue, regress, stop.", parameter),
    };

    /// <summary>The renderer needs no services: the components take everything as parameters.</summary>
    private sealed class NoServices : IServiceProvider
    {
        public static readonly NoServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
