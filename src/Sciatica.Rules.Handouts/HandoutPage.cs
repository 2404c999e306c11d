using Microsoft.AspNetCore.Components;

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

    public required IReadOnlyList<HandoutExercise> Exercises { get; init; }

    public required IReadOnlyList<LeftOutExercise> LeftOut { get; init; }

    public required IReadOnlyList<LeftOutExercise> Stopped { get; init; }

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
}

/// <summary>An exercise left out of the plan, or stopped by a review, with its reasons in plain words.</summary>
internal sealed class LeftOutExercise
{
    public required string Id { get; init; }

    public required MarkupString Name { get; init; }

    public required IReadOnlyList<MarkupString> Reasons { get; init; }

    public MarkupString? Alternative { get; init; }
}
