using System.Globalization;
using System.Text;
using Sciatica.Rules;

namespace Sciatica.Rules.Cli;

/// <summary>Renders a decision as a plan a person reads: decision first, then exercises, what was left out, and when to stop.</summary>
internal static class TextReport
{
    public static string Headline(DecisionKind kind) => kind switch
    {
        DecisionKind.Emergency => "GO TO EMERGENCY CARE NOW",
        DecisionKind.UrgentReferral => "SEE A SPECIALIST URGENTLY",
        DecisionKind.TreatCauseFirst => "TREAT THE UNDERLYING CAUSE FIRST",
        DecisionKind.SeekMedicalAdvice => "GET MEDICAL ADVICE BEFORE EXERCISING",
        _ => "EXERCISE PROGRAM",
    };

    public static string Render(ProgramDecision decision)
    {
        var text = new StringBuilder();
        text.Append("Decision: ").Append(Headline(decision.Decision)).Append(" (").Append(Name(decision.Decision)).Append(")\n");
        if (decision.Timeframe is { } timeframe)
        {
            text.Append("How soon: ").Append(InWords(timeframe)).Append('\n');
        }

        text.Append('\n');
        text.Append("Why:\n");
        foreach (var reason in decision.Reasons)
        {
            text.Append("  - ").Append(reason.Message).Append(" [").Append(reason.RuleId).Append("; source ").Append(reason.Source).Append("]\n");
        }

        if (decision.Exercises.Count > 0)
        {
            text.Append("\nYour exercises:\n");
            var number = 0;
            foreach (var exercise in decision.Exercises)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n  {++number}. {exercise.Name} ({Name(exercise.Kind)}): {Dose(exercise.Dosage)}\n");
                text.Append("     Why: ").Append(exercise.Rationale).Append(" [source ").Append(exercise.Source).Append("]\n");
                var step = 0;
                foreach (var instruction in exercise.Instructions)
                {
                    text.Append(CultureInfo.InvariantCulture, $"     Step {++step}: {instruction}\n");
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
                text.Append("  - ").Append(excluded.Id).Append(": ")
                    .Append(string.Join(" ", excluded.Reasons.Select(r => r.Message + " [" + r.RuleId + "]"))).Append('\n');
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
                text.Append("  - ").Append(change.Target).Append(" -> ").Append(change.Gives).Append(": ").Append(change.Explanation).Append('\n')
                    .Append("    patch: ").Append(SciaticaJson.WritePatch(change.Patch)).Append('\n');
            }
        }

        text.Append("\nStop and seek help:\n");
        foreach (var advice in decision.SafetyAdvice)
        {
            text.Append("  - ").Append(advice).Append('\n');
        }

        text.Append("\nRule set: ").Append(decision.RuleSetVersion).Append('\n');
        return text.ToString();
    }

    public static string Render(SessionReview review)
    {
        var text = new StringBuilder();
        var headline = review.Decision == ReviewDecision.Adjust ? "CARRY ON, ADJUSTED AS BELOW" : "STOP THE PROGRAM: " + Headline((DecisionKind)(int)review.Decision);
        text.Append("Review: ").Append(headline).Append(" (").Append(Name(review.Decision)).Append(")\n");
        if (review.Timeframe is { } timeframe)
        {
            text.Append("How soon: ").Append(InWords(timeframe)).Append('\n');
        }

        text.Append("\nWhy:\n");
        foreach (var reason in review.Reasons)
        {
            text.Append("  - ").Append(reason.Message).Append(" [").Append(reason.RuleId).Append("; source ").Append(reason.Source).Append("]\n");
        }

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
                text.Append("  - ").Append(exercise.Id).Append(": ").Append(Name(exercise.Action).ToUpperInvariant()).Append(" (").Append(dose).Append(')');
                if (exercise.Alternative is { } alternative)
                {
                    text.Append("; instead: ").Append(alternative);
                }

                text.Append('\n');
            }
        }

        text.Append("\nStop and seek help:\n");
        foreach (var advice in review.SafetyAdvice)
        {
            text.Append("  - ").Append(advice).Append('\n');
        }

        text.Append("\nRule set: ").Append(review.RuleSetVersion).Append('\n');
        return text.ToString();
    }

    /// <summary>The contract spelling of an enum value (camelCase), as the JSON documents write it.</summary>
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>How soon to act, in words a person reads.</summary>
    public static string InWords(Timeframe timeframe) => timeframe switch
    {
        Timeframe.Now => "now: go to an emergency department or call the emergency number",
        Timeframe.Within24Hours => "within 24 hours",
        Timeframe.WithinDays => "within the next few days",
        _ => "before you start exercising",
    };

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
