using System.Globalization;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules;

/// <summary>Danger at review: never hidden by an earlier session that ended the program, nor by an input error.</summary>
public sealed partial class SessionReviewer
{
    /// <summary>
    /// What the danger signs of a refused review say on their own: every red flag recorded (the profile's, each history
    /// entry's profile's and each session's new ones) and new weakness, so that an input error in the exercises never hides
    /// "go to emergency care now" or an urgent referral.
    /// </summary>
    private ScreeningNotice? ScreeningOf(PatientProfile profile, IReadOnlyList<SessionFeedback> sessions)
    {
        var flags = new List<RedFlag>(profile.RedFlags);
        var weakness = false;
        foreach (var session in sessions)
        {
            flags.AddRange(session?.NewRedFlags ?? []);
            flags.AddRange(session?.Profile?.RedFlags ?? []);
            weakness |= session?.NewWeakness == true;
        }

        if (weakness && (flags.Contains(RedFlag.CancerHistory) || flags.Contains(RedFlag.SuspectedCancer)))
        {
            flags.Add(RedFlag.ProgressiveWeakness);
        }

        var notice = RedFlagScreening.Of(flags);
        return notice is null && weakness
            ? new ScreeningNotice(DecisionKind.UrgentReferral, Timeframe.Within24Hours, [rules.NewWeakness])
            : notice;
    }

    /// <summary>The screening of every danger sign reported from session <paramref name="from"/> on, taken together, against the current profile.</summary>
    private SessionReview Rescreened(PatientProfile profile, ProgramDecision program, IReadOnlyList<SessionFeedback> sessions, int from)
    {
        var later = sessions.Skip(from).ToList();
        var together = sessions[^1] with
        {
            NewRedFlags = [.. later.SelectMany(f => f.NewRedFlags).Distinct().Order()],
            NewWeakness = later.Any(f => f.NewWeakness),
            NewNumbness = later.Any(f => f.NewNumbness),
        };
        var rescreened = ReviewSession(profile, program, [], together, sessions.Count - 1, sessions.Count);
        return rescreened;
    }

    /// <summary>The more cautious of two screening reviews: the more serious decision, then the sooner timeframe.</summary>
    private static SessionReview MoreCautious(SessionReview ended, SessionReview later) =>
        later.Decision == ReviewDecision.Adjust ? ended
            : (int)later.Decision > (int)ended.Decision || (later.Decision == ended.Decision && later.Timeframe < ended.Timeframe) ? later
            : ended;
}
