using System.Text.Json.Serialization;

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

    /// <summary>Gets whether numbness is new or worse: the program stops and a clinician is needed. Required: never asked is not a no.</summary>
    public required bool NewNumbness { get; init; }

    /// <summary>Gets whether weakness is new or worse: the program stops and a specialist is needed urgently. Required: never asked is not a no.</summary>
    public required bool NewWeakness { get; init; }

    /// <summary>Gets red flags that appeared since intake: screening applies again. Required: an empty list means "asked, none".</summary>
    public required IReadOnlyList<RedFlag> NewRedFlags { get; init => field = ValueList.Of(value); }

    /// <summary>
    /// Gets the person's profile at the time of this session, for an earlier session of a history, or <see langword="null"/>
    /// when it is the current profile. An earlier session is checked against the program of its own profile, so a history
    /// stays valid when the person's situation moves on (weeks of pregnancy, pain). The latest session is always reviewed with
    /// the current profile: its own <see cref="Profile"/> is not read (and not written to JSON when null).
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PatientProfile? Profile { get; init; }
}
