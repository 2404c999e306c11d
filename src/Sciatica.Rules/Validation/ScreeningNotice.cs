namespace Sciatica.Rules;

/// <summary>
/// The screening decision that the red flags of a rejected input give on their own, when it is an emergency or an urgent
/// referral: an input with a typo elsewhere must never hide "go to emergency care now". It rides on
/// <see cref="SciaticaValidationException.Screening"/>, beside the field errors, and is written as the error's
/// <c>screening</c> object (<c>{"decision", "timeframe", "reasons"}</c>).
/// </summary>
/// <param name="Decision">The decision: <see cref="DecisionKind.Emergency"/> or <see cref="DecisionKind.UrgentReferral"/>.</param>
/// <param name="Timeframe">How soon to act.</param>
/// <param name="Reasons">The screening rules that fired, with their rationale and source.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ScreeningNotice(DecisionKind Decision, Timeframe Timeframe, IReadOnlyList<DecisionReason> Reasons)
{
    /// <summary>Gets the screening rules that fired, with their rationale and source.</summary>
    public IReadOnlyList<DecisionReason> Reasons { get; init => field = ValueList.Of(value); } = ValueList.Of(Reasons);

    /// <summary>
    /// The red flags (in contract names) that could be read and led to this decision; not written to JSON (the reasons
    /// name them), used for the one-line summary.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<RedFlag> RedFlags { get; init => field = ValueList.Of(value); } = ValueList.Empty<RedFlag>();

    /// <summary>
    /// One line for a person, first on an error report: the decision in capitals, what to do and how soon, and what was
    /// recorded, for example "EMERGENCY: go to emergency care now: bladder dysfunction was recorded.".
    /// </summary>
    /// <returns>The line, without a line break.</returns>
    public string Summary()
    {
        var label = Decision == DecisionKind.Emergency ? "EMERGENCY" : "URGENT";
        var action = DecisionWords.Headline(Decision).Person.TrimEnd('.');
        action = char.ToLowerInvariant(action[0]) + action[1..];
        var soon = DecisionWords.HowSoon(Timeframe).Person;
        if (!action.Contains(soon, StringComparison.Ordinal))
        {
            action += " (" + soon + ")";
        }

        if (RedFlags.Count == 0)
        {
            return label + ": " + action + ".";
        }

        var names = RedFlags.Select(Plain).ToList();
        var list = names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
        var plural = RedFlags.Count > 1 || RedFlags[0] is RedFlag.BilateralLegSymptoms or RedFlag.CordCompressionSigns;
        return label + ": " + action + ": " + list + (plural ? " were" : " was") + " recorded.";
    }

    /// <summary>A contract name in plain words: "bladderDysfunction" becomes "bladder dysfunction".</summary>
    private static string Plain(RedFlag flag)
    {
        var name = ContractNames.Of(flag);
        var text = new System.Text.StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c))
            {
                text.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
