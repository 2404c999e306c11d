using System.Globalization;

namespace Sciatica.Rules.CdsHooks;

/// <summary>
/// Every sentence the cards say, in a clinician's words, in one place: the summary leads with how soon and what to do,
/// then what is suspected. The action, how soon and each reason come from the core library's shared <see cref="Wording"/>
/// (clinician audience), so the cards say what the handout, the CLI and the FHIR text say.
/// </summary>
internal static class CardWording
{
    public const int MaximumSummary = 139;

    /// <summary>The summary line: how soon, then the action (the shared <see cref="Wording"/> headline), then what is suspected; under 140 characters.</summary>
    public static string Summary(ProgramDecision decision)
    {
        var headline = Wording.Headline(decision.Decision, Audience.Clinician).TrimEnd('.');
        var suspected = Suspected(decision.Reasons);
        var lead = decision.Timeframe is { } timeframe
            ? Lead(timeframe) + Wording.HowSoon(timeframe, Audience.Clinician)
            : "Routine";
        var summary = decision.Decision == DecisionKind.Program
            ? $"{lead}: {headline}: {decision.Exercises.Count} exercises, {decision.Excluded.Count} left out"
            : $"{lead}: {headline}" + (suspected is null ? string.Empty : $" ({suspected})");
        return summary.Length <= MaximumSummary ? summary : summary[..(MaximumSummary - 1)] + "…";
    }

    /// <summary>The first line of the detail: the action and how soon, in full (the shared <see cref="Wording"/> explanation).</summary>
    public static string Action(ProgramDecision decision) => Wording.Explanation(decision.Decision, decision.Timeframe, Audience.Clinician);

    /// <summary>One reason in clinical words: the rule's message, its id and the full name of its source.</summary>
    public static string Reason(DecisionReason reason) => Wording.Reason(reason, Audience.Clinician);

    private static string Lead(Timeframe timeframe) => timeframe switch
    {
        Timeframe.Now => "Emergency, ",
        Timeframe.Within24Hours => "Urgent, ",
        _ => string.Empty,
    };

    /// <summary>What the decisive rules suspect, by rule id; null when no phrase fits.</summary>
    public static string? Suspected(IReadOnlyList<DecisionReason> reasons)
    {
        foreach (var reason in reasons)
        {
            var id = reason.RuleId;
            var phrase = id switch
            {
                _ when id.StartsWith("emergency-", StringComparison.Ordinal) && (id.Contains("cord", StringComparison.Ordinal) || id.Contains("cancer", StringComparison.Ordinal) || id.Contains("metasta", StringComparison.Ordinal)) => "spinal cord compression",
                "emergency-bilateral-leg-symptoms" or "emergency-bladder-dysfunction" or "emergency-bowel-dysfunction" or "emergency-saddle-anesthesia" => "cauda equina syndrome",
                "urgent-foot-drop" => "acute foot drop",
                "urgent-progressive-weakness" => "progressive motor weakness",
                "treat-first-fever" or "treat-first-infection" or "treat-first-iv-drug-use" or "treat-first-immunosuppression" => "spinal infection",
                "treat-first-cancer-history" or "treat-first-tumor" or "treat-first-unexplained-weight-loss" or "treat-first-suspected-cancer" => "spinal malignancy",
                "treat-first-significant-trauma" or "treat-first-prolonged-corticosteroid-use" => "vertebral fracture",
                "treat-first-vascular-abnormality" => "vascular cause",
                "advice-no-medical-clearance" => "no medical clearance",
                "advice-symptoms-not-controlled" => "symptoms not controlled enough for exercise",
                "advice-recent-spine-surgery" => "recent spine surgery",
                "advice-pain-above-ceiling" => "severe pain",
                "advice-cause-unknown" => "cause not yet diagnosed",
                _ => null,
            };
            if (phrase is not null)
            {
                // Fever outranks the other treat-first flags for how soon: name the infection when fever is among the reasons.
                return reasons.Any(r => r.RuleId == "treat-first-fever") ? "spinal infection" : phrase;
            }
        }

        return null;
    }

    public const string IntakeProblemSummary = "Check the sciatica intake: it cannot be used for exercise advice (see detail)";

    public const string IntakeProblemAction = "No exercise advice is given from this intake. Correct or repeat the sciatica intake, then open the chart again.";

    public const string IntakeInvalidSummary = "Complete the sciatica intake: screening answers missing or invalid; no exercise advice yet";

    public const string AbsoluteHeading = "Left out: absolute contraindications (never lifted)";

    public const string RelativeHeading = "Left out: relative contraindications (a clinician may override one, with a documented reason)";

    public const string OtherHeading = "Left out: not suited to the patient's circumstances";
    /// <summary>The heading of the card's list of what would change the decision.</summary>
    public const string WhatWouldChangeHeading = "What would change it (changes a clinician can act on; never a screening finding)";

    /// <summary>A suggestion's label: what to do for which target, in the clinician's words of the change.</summary>
    public static string ChangeLabel(SuggestedChange change) => change.Explanation;


    public const string SuggestionLabel = "Create the exercise program (draft care plan)";

    /// <summary>A dose as a clinician writes it: "hold 30 s, 3 sets, twice a day".</summary>
    public static string Dose(Dosage dose)
    {
        var parts = new List<string>();
        if (dose.HoldSeconds is { } hold)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"hold {hold} s"));
        }

        if (dose.Repetitions is { } repetitions)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{repetitions} repetitions"));
        }

        if (dose.Sets is { } sets)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{sets} sets"));
        }

        if (dose.Minutes is { } minutes)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{minutes} min"));
        }

        parts.Add((dose.TimesPerDay ?? 1) switch
        {
            1 => "once a day",
            2 => "twice a day",
            var times => string.Create(CultureInfo.InvariantCulture, $"{times} times a day"),
        });
        return string.Join(", ", parts);
    }
}
