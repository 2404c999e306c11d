
namespace Sciatica.Rules;

/// <summary>
/// The session review input document: the profile the program was selected for, the feedback on the latest
/// session and, optionally, the sessions before it.
/// </summary>
/// <param name="Profile">The person's intake.</param>
/// <param name="Feedback">How the latest session went.</param>
public sealed record ReviewRequest(PatientProfile Profile, SessionFeedback Feedback)
{
    /// <summary>Gets the sessions before <see cref="Feedback"/>, oldest first, so that a host can replay a person's log.</summary>
    /// <value>The default value is empty (a single session).</value>
    public IReadOnlyList<SessionFeedback> History { get; init => field = ValueList.Of(value); } = ValueList.Empty<SessionFeedback>();

    /// <summary>Gets every session in order: <see cref="History"/> then <see cref="Feedback"/>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<SessionFeedback> Sessions => [.. History, Feedback];
}
