using System.Text;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules;

/// <summary>
/// The person's words for a reason. Rules written for people (the catalog's rationales, the response rules) are
/// already plain and pass through; the engine's own bookkeeping reasons (clinician overrides, a lifted rule) name rule
/// ids, so they get a plain sentence of their own. Whatever the text, no bracketed source id reaches the person.
/// </summary>
internal static class PlainReasons
{
    private static readonly Dictionary<string, string> Own = new(StringComparer.Ordinal)
    {
        [BuiltInRules.ScreeningPassedId] =
            "None of your answers is a warning sign. A clinician has said you can exercise, the cause is known and your symptoms allow exercise, so you can start.",
        [BuiltInRules.PreferenceLiftsId] =
            "Your clinician found that some movements ease your symptoms, so exercises that are usually left out can be part of your plan.",
        [BuiltInRules.OverrideAppliedId] = "Your clinician has changed which exercises suit you.",
        [BuiltInRules.OverrideRefusedId] = "A change your clinician asked for was not made, to keep you safe.",
        [BuiltInRules.OverrideUnusedId] = "A change your clinician asked for did not apply to your plan.",
        [BuiltInRules.ClinicianEnabledOnlyId] = "Only your clinician can add this exercise, after checking you.",
        ["review-new-red-flag"] = "You told us about a new warning sign, so your answers were checked again. The most urgent advice applies.",
    };

    public static string Of(DecisionReason reason) =>
        Own.TryGetValue(reason.RuleId, out var plain) ? plain : WithoutSourceIds(reason.Message);

    /// <summary>Drops bracketed upper-case source ids such as " [TBC]" or " [NG59-1.2.1]" that a custom rule may carry.</summary>
    private static string WithoutSourceIds(string message)
    {
        if (!message.Contains('[', StringComparison.Ordinal))
        {
            return message;
        }

        var text = new StringBuilder(message.Length);
        for (var i = 0; i < message.Length; i++)
        {
            var close = message[i] == '[' ? message.IndexOf(']', i) : -1;
            if (close > i + 1 && IsSourceId(message.AsSpan(i + 1, close - i - 1)))
            {
                while (text.Length > 0 && text[^1] == ' ')
                {
                    text.Length--;
                }

                i = close;
                continue;
            }

            text.Append(message[i]);
        }

        return text.ToString();
    }

    private static bool IsSourceId(ReadOnlySpan<char> inside)
    {
        foreach (var c in inside)
        {
            if (!(char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c is '-' or '.' or ',' or ';' or ' ' or '_'))
            {
                return false;
            }
        }

        return char.IsAsciiLetterUpper(inside[0]);
    }
}
