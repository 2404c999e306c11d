using Sciatica.Rules.Domain;

namespace Sciatica.Rules.Review;

/// <summary>The session review input document: the profile the program was selected for, and the feedback.</summary>
/// <param name="Profile">The person's intake.</param>
/// <param name="Feedback">How the session went.</param>
public sealed record ReviewRequest(PatientProfile Profile, SessionFeedback Feedback);
