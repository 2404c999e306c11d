
namespace Sciatica.Rules;

/// <summary>How a session went: per exercise, the next morning, and any new neurological sign or red flag.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record SessionFeedback
{
    /// <summary>Gets the feedback per exercise.</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<ExerciseFeedback> Exercises { get; init => field = ValueList.Of(value); } = ValueList.Empty<ExerciseFeedback>();

    /// <summary>Gets the symptoms the next morning compared with before the session.</summary>
    public required NextMorningChange NextMorning { get; init; }

    /// <summary>Gets whether numbness is new or worse: the program stops and a clinician is needed.</summary>
    public bool NewNumbness { get; init; }

    /// <summary>Gets whether weakness is new or worse: the program stops and a specialist is needed urgently.</summary>
    public bool NewWeakness { get; init; }

    /// <summary>Gets red flags that appeared since intake: screening applies again.</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<RedFlag> NewRedFlags { get; init => field = ValueList.Of(value); } = ValueList.Empty<RedFlag>();
}
