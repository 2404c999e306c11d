
namespace Sciatica.Rules.Handouts;

/// <summary>What one handout shows, already in its language: built by <see cref="HandoutRenderer"/>, drawn by the components.</summary>
internal sealed class HandoutPage
{
    public required bool IsProgram { get; init; }

    public required bool IsReview { get; init; }

    /// <summary>The decision in the contract's words (for example <c>program</c> or <c>emergency</c>), on the body element.</summary>
    public required string DecisionCode { get; init; }

    public required string TitleKey { get; init; }

    /// <summary>The action headline (from <see cref="Wording.Headline(DecisionKind, Audience)"/>), translated.</summary>
    public required MarkupString Headline { get; init; }

    /// <summary>What to do and how soon (from <see cref="Wording.Explanation(DecisionKind, Timeframe?, Audience)"/>), translated.</summary>
    public required MarkupString When { get; init; }

    public required IReadOnlyList<MarkupString> Reasons { get; init; }

    /// <summary>Every exercise to do, in the plan's order (the diary's order); each carries its plan number.</summary>
    public required IReadOnlyList<HandoutExercise> Exercises { get; init; }

    /// <summary>For a review: the exercises whose dose changes, those made easier first (plan order within each), shown before the unchanged ones.</summary>
    public IReadOnlyList<HandoutExercise> Changed => [.. Exercises.Where(e => e.ChangesDose).OrderBy(e => e.EasierFirst).ThenBy(e => e.Number)];

    /// <summary>For a review: the exercises kept at the same dose, after the changes.</summary>
    public IReadOnlyList<HandoutExercise> Unchanged => [.. Exercises.Where(e => !e.ChangesDose)];

    public required IReadOnlyList<LeftOutExercise> LeftOut { get; init; }

    /// <summary>The left-out exercises grouped by the same reasons (said once for all of them), in the order each group first appears.</summary>
    public IReadOnlyList<IReadOnlyList<LeftOutExercise>> LeftOutByReason =>
        [.. LeftOut.GroupBy(x => x.Because.Value, StringComparer.Ordinal).Select(g => (IReadOnlyList<LeftOutExercise>)[.. g])];

    /// <summary>For a review: the exercises to stop, with their plan numbers and what comes instead, shown first.</summary>
    public required IReadOnlyList<LeftOutExercise> Stopped { get; init; }

    /// <summary>The paper the page is laid out for (never <see cref="PaperSize.Unspecified"/>).</summary>
    public required PaperSize Paper { get; init; }

    /// <summary>The clinic's fields at the top: name, date, clinician, clinic phone; a <see langword="null"/> value prints a line to fill in.</summary>
    public required IReadOnlyList<ClinicField> ClinicFields { get; init; }

    /// <summary>For a review: "Stop this exercise" (from <see cref="Wording.Action"/>), translated, before each stopped exercise's reasons.</summary>
    public MarkupString StopAction { get; init; }

    /// <summary>Whether to list the pregnancy warning signs [ACOG].</summary>
    public required bool Pregnant { get; init; }

    public required int MaximumPain { get; init; }

    public required string RuleSetVersion { get; init; }
}

/// <summary>One exercise to do, in the handout's language.</summary>
internal sealed class HandoutExercise
{
    public required string Id { get; init; }

    public required MarkupString Name { get; init; }

    public required string PlainName { get; init; }

    public required IReadOnlyList<MarkupString> Dose { get; init; }

    public required IReadOnlyList<MarkupString> Steps { get; init; }

    /// <summary>For a review: what changes (for example "Do a little more", from <see cref="Wording.Action"/>); <see langword="null"/> on a first plan.</summary>
    public MarkupString? Action { get; init; }

    /// <summary>Whether the review changed the dose (progress or regress), so the card says the new dose is below.</summary>
    public bool ChangesDose { get; init; }

    /// <summary>0 when the review makes it easier (regress), 1 otherwise: what gets easier is listed before what gets harder.</summary>
    public int EasierFirst { get; init; } = 1;

    /// <summary>Its number in the plan, from 1: the same on the first plan, on every review and in the diary.</summary>
    public required int Number { get; init; }
}

/// <summary>One clinic field at the top of the handout: its label and its value, or <see langword="null"/> for a line to fill in.</summary>
/// <param name="Key">What it is (name, date, clinician, phone, leg), on the element for hosts and tests.</param>
/// <param name="Label">The label, translated.</param>
/// <param name="Value">The value the host gave, or <see langword="null"/>.</param>
internal sealed record ClinicField(string Key, MarkupString Label, MarkupString? Value);

/// <summary>An exercise left out of the plan, or stopped by a review, with its reasons in plain words.</summary>
internal sealed class LeftOutExercise
{
    public required string Id { get; init; }

    public required MarkupString Name { get; init; }

    public required IReadOnlyList<MarkupString> Reasons { get; init; }

    public MarkupString? Alternative { get; init; }

    /// <summary>The reasons, then what comes instead, as one run of sentences with a space between each (never "...alternative.Instead:").</summary>
    public required MarkupString Because { get; init; }

    /// <summary>For a review: its number in the plan, from 1; 0 for an exercise left out of a first plan (not numbered).</summary>
    public int Number { get; init; }
}
