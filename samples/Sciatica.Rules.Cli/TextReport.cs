using System.Globalization;
using System.Text;
using Sciatica.Rules;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Cli;

/// <summary>Renders a decision as a plan a person reads: decision first, then exercises, what was left out, and when to stop.</summary>
internal static class TextReport
{
    /// <summary>The person's action headline in capitals, without its full stop, from the one source of wording.</summary>
    public static string Headline(DecisionKind kind) => Shout(Wording.Headline(kind, Audience.Person));

    private static string Shout(string sentence) => sentence.TrimEnd('.').ToUpperInvariant();

    public static string Render(ProgramDecision decision)
    {
        var text = new StringBuilder();
        text.Append("Decision: ").Append(Headline(decision.Decision)).Append(" (").Append(Name(decision.Decision)).Append(")\n");
        if (decision.Timeframe is { } timeframe)
        {
            text.Append("How soon: ").Append(Wording.HowSoon(timeframe, Audience.Person)).Append('\n');
        }

        text.Append("What to do: ").Append(Wording.Explanation(decision.Decision, decision.Timeframe, Audience.Person)).Append('\n');
        text.Append('\n');
        text.Append("Why:\n");
        AppendReasons(text, decision.Reasons);

        if (decision.Exercises.Count > 0)
        {
            text.Append("\nYour exercises:\n");
            var number = 0;
            foreach (var exercise in decision.Exercises)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n  {++number}. {T(exercise.Name)} ({Name(exercise.Kind)}): {Dose(exercise.Dosage)}\n");
                text.Append("     Why: ").Append(T(exercise.Rationale)).Append(" [source ").Append(T(exercise.Source)).Append("]\n");
                var step = 0;
                foreach (var instruction in exercise.Instructions)
                {
                    text.Append(CultureInfo.InvariantCulture, $"     Step {++step}: {T(instruction)}\n");
                }
            }
        }

        text.Append("\nLeft out:\n");
        if (decision.Decision != DecisionKind.Program)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - All {decision.Excluded.Count} exercises, until the points under \"Why\" are resolved.\n");
        }
        else if (decision.Excluded.Count == 0)
        {
            text.Append("  - Nothing.\n");
        }
        else
        {
            foreach (var excluded in decision.Excluded)
            {
                text.Append("  - ").Append(T(excluded.Id)).Append(": ")
                    .Append(string.Join(" ", excluded.Reasons.Select(r => T(Wording.Reason(r, Audience.Person)) + " [" + T(r.RuleId) + "]"))).Append('\n');
            }
        }

        if (decision.WhatWouldChange is { } changes)
        {
            text.Append("\nWhat would change it (for the clinician):\n");
            if (changes.Count == 0)
            {
                text.Append("  - Nothing a clinician can act on: the reasons above are facts about the person or absolute rules.\n");
            }

            foreach (var change in changes)
            {
                text.Append("  - ").Append(change.Target).Append(" -> ").Append(change.Gives).Append(": ").Append(T(change.Explanation)).Append('\n')
                    .Append("    patch: ").Append(T(SciaticaJson.WritePatch(change.Patch))).Append('\n');
            }
        }

        text.Append("\nStop and seek help:\n");
        foreach (var advice in decision.SafetyAdvice)
        {
            text.Append("  - ").Append(T(advice)).Append('\n');
        }

        text.Append("\nRule set: ").Append(T(decision.RuleSetVersion)).Append('\n');
        return text.ToString();
    }

    /// <summary>
    /// The review as text for a person. Exercises are named as the plan names them, with their id in brackets, when the
    /// catalog is given (the CLI passes the one it decided with); without it, by id.
    /// </summary>
    public static string Render(SessionReview review, ExerciseCatalog? catalog = null)
    {
        var text = new StringBuilder();
        text.Append("Review: ").Append(Shout(Wording.Headline(review.Decision, Audience.Person))).Append(" (").Append(Name(review.Decision)).Append(")\n");
        if (review.Timeframe is { } timeframe)
        {
            text.Append("How soon: ").Append(Wording.HowSoon(timeframe, Audience.Person)).Append('\n');
        }

        text.Append("What to do: ").Append(Wording.Explanation(review.Decision, review.Timeframe, Audience.Person)).Append('\n');
        text.Append("\nWhy:\n");
        AppendReasons(text, review.Reasons);

        if (review.Reasons.Count == 0)
        {
            // Only a program with no exercise at all gets here: say so rather than print an empty list.
            text.Append("  - The program has no exercise to adjust.\n");
        }

        if (review.Exercises.Count > 0)
        {
            text.Append("\nNext session:\n");
            foreach (var exercise in review.Exercises)
            {
                var dose = exercise.Dosage is null ? "do not do it" : Dose(exercise.Dosage);
                text.Append("  - ").Append(Named(catalog, exercise.Id)).Append(": ").Append(Wording.Action(exercise.Action, Audience.Person).ToUpperInvariant())
                    .Append(" [").Append(Name(exercise.Action)).Append("] (").Append(dose).Append(')');
                if (exercise.Alternative is { } alternative)
                {
                    text.Append("; instead: ").Append(Named(catalog, alternative));
                }

                text.Append('\n');
            }
        }

        text.Append("\nStop and seek help:\n");
        foreach (var advice in review.SafetyAdvice)
        {
            text.Append("  - ").Append(T(advice)).Append('\n');
        }

        text.Append("\nRule set: ").Append(T(review.RuleSetVersion)).Append('\n');
        return text.ToString();
    }

    /// <summary>An exercise by its catalog name and id ("Water walking (water-walking)"), or by id when it is not known.</summary>
    private static string Named(ExerciseCatalog? catalog, string id) =>
        catalog?.Find(id) is { } exercise ? T(exercise.Name) + " (" + T(id) + ")" : T(id);

    /// <summary>A piece of catalog, override or input text inside a line: controls and line breaks shown visibly.</summary>
    private static string T(string? text) => TerminalText.Inline(text);

    /// <summary>The contract spelling of an enum value (camelCase), as the JSON documents write it.</summary>
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>Each reason in the person's words, then its rule id and source id in brackets so that it can be traced.</summary>
    private static void AppendReasons(StringBuilder text, IReadOnlyList<DecisionReason> reasons)
    {
        foreach (var reason in reasons)
        {
            text.Append("  - ").Append(T(Wording.Reason(reason, Audience.Person))).Append(" [").Append(T(reason.RuleId)).Append("; source ").Append(T(reason.Source)).Append("]\n");
        }
    }

    public static string Dose(Dosage dose)
    {
        var parts = new List<string>();
        if (dose.Minutes is { } minutes)
        {
            parts.Add(Count(minutes, "minute"));
        }

        if (dose.HoldSeconds is { } hold)
        {
            parts.Add($"hold {Count(hold, "second")}");
        }

        if (dose.Repetitions is { } repetitions)
        {
            parts.Add(Count(repetitions, "repetition"));
        }

        if (dose.Sets is { } sets)
        {
            parts.Add(Count(sets, "set"));
        }

        if (dose.TimesPerDay is { } times)
        {
            parts.Add(times == 1 ? "once a day" : string.Create(CultureInfo.InvariantCulture, $"{times} times a day"));
        }

        return string.Join(", ", parts);
    }

    private static string Count(int value, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{value} {unit}{(value == 1 ? string.Empty : "s")}");
}
