
namespace Sciatica.Rules;

/// <summary>Reviews how a person responded to a session and says what to do next; the service hosts inject.</summary>
public interface ISessionReviewer
{
    /// <summary>Reviews a session of the program selected for <paramref name="profile"/>.</summary>
    /// <param name="profile">The person's intake, as used to select the program.</param>
    /// <param name="feedback">How the session went.</param>
    /// <returns>The review, fully explained.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="SciaticaValidationException">The feedback names an exercise that is not in the program, twice, or with a dose outside the catalog's bounds.</exception>
    SessionReview Review(PatientProfile profile, SessionFeedback feedback);

    /// <summary>
    /// Replays a person's sessions, oldest first, and returns the review of the last one: the next dose of every
    /// exercise of the program. Each session starts from the doses the previous one left (or the dose an entry
    /// reports it did); an exercise stopped in one session stays stopped. The same history always gives the same
    /// plan, equal to reviewing the sessions one by one.
    /// </summary>
    /// <param name="profile">The person's intake, as used to select the program.</param>
    /// <param name="sessions">The sessions, oldest first; at least one.</param>
    /// <returns>The review after the last session, or the first screening decision a session called for.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="sessions"/> is empty.</exception>
    /// <exception cref="SciaticaValidationException">A session names an exercise that is not in the program (or was stopped earlier), twice, or with a dose outside the catalog's bounds.</exception>
    SessionReview Review(PatientProfile profile, IReadOnlyList<SessionFeedback> sessions);

    /// <summary>
    /// Reviews one more session on top of the review of the sessions before it, as a host that stores the last
    /// review does: each exercise starts from the dose <paramref name="previous"/> gave it, and stopped exercises
    /// stay stopped. The result equals replaying the whole history.
    /// </summary>
    /// <param name="profile">The person's intake, as used to select the program.</param>
    /// <param name="feedback">How the new session went.</param>
    /// <param name="previous">The review of the sessions before; it must say <see cref="ReviewDecision.Adjust"/> and come from this rule set.</param>
    /// <returns>The review after the new session.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="previous"/> is not an adjusted program of this rule set and profile.</exception>
    /// <exception cref="SciaticaValidationException">The feedback names an exercise that is not in the program (or was stopped), twice, or with a dose outside the catalog's bounds.</exception>
    SessionReview Review(PatientProfile profile, SessionFeedback feedback, SessionReview previous);
}
