using Sciatica.Rules.Domain;

namespace Sciatica.Rules.Review;

/// <summary>Reviews how a person responded to a session and says what to do next; the service hosts inject.</summary>
public interface ISessionReviewer
{
    /// <summary>Reviews a session of the program selected for <paramref name="profile"/>.</summary>
    /// <param name="profile">The person's intake, as used to select the program.</param>
    /// <param name="feedback">How the session went.</param>
    /// <returns>The review, fully explained.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="Validation.SciaticaValidationException">The feedback names an exercise that is not in the program, twice, or with a dose outside the catalog's bounds.</exception>
    SessionReview Review(PatientProfile profile, SessionFeedback feedback);
}
