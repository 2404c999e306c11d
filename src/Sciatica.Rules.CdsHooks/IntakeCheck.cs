using Hl7.Fhir.Model;

namespace Sciatica.Rules.CdsHooks;

/// <summary>
/// Whether an intake may decide this patient's plan today: it is about the patient whose chart is open, it is a finished
/// record (completed or amended, never in progress, stopped or entered in error), and it is recent. Each failure is said in
/// a clinician's words; any failure means no program card.
/// </summary>
internal static class IntakeCheck
{
    /// <summary>What is wrong with the intake, in words for the card (empty when nothing is), and whether its danger signs may still be said.</summary>
    public static IntakeVerdict Check(QuestionnaireResponse response, string patientId, Uri? fhirServer, DateTimeOffset now, TimeSpan maximumAge, TimeSpan skew)
    {
        var problems = new List<string>();
        // Danger in an unfinished or incompletely answered intake is still said, but only from this patient's current
        // record: never from another patient's intake, one entered in error, or one that is undated, stale or dated ahead.
        var mayWarn = true;
        var subject = response.Subject?.Reference;
        if (string.IsNullOrEmpty(subject))
        {
            problems.Add("The intake names no patient (QuestionnaireResponse.subject), so it cannot be matched to this chart.");
            mayWarn = false;
        }
        else if (!IsPatient(subject, patientId, fhirServer))
        {
            problems.Add("The intake belongs to another patient than the one whose chart is open.");
            mayWarn = false;
        }

        switch (response.Status)
        {
            case QuestionnaireResponse.QuestionnaireResponseStatus.Completed or QuestionnaireResponse.QuestionnaireResponseStatus.Amended:
                break;
            case QuestionnaireResponse.QuestionnaireResponseStatus.EnteredInError:
                problems.Add("The intake is marked entered in error.");
                mayWarn = false;
                break;
            case QuestionnaireResponse.QuestionnaireResponseStatus.Stopped:
                problems.Add("The intake was stopped before it was finished.");
                break;
            case QuestionnaireResponse.QuestionnaireResponseStatus.InProgress:
                problems.Add("The intake is still in progress.");
                break;
            default:
                problems.Add("The intake has no status; only a completed or amended intake is used.");
                break;
        }

        foreach (var item in response.Item)
        {
            if (item.Answer.Count == 0 && item.LinkId is "redFlags" or "symptomsTolerateExercise")
            {
                // Unasked is not "none": a screening question left blank has not been answered.
                problems.Add(item.LinkId == "redFlags"
                    ? "The red-flag question was left blank: ask every red-flag question (and record \"none of these\" when none is present) before any exercise advice."
                    : "The question whether symptoms allow exercise was left blank: ask it before any exercise advice.");
            }
        }

        var authored = response.AuthoredElement is { } element && element.TryToDateTimeOffset(out var at) ? at : (DateTimeOffset?)null;
        if (authored is null)
        {
            problems.Add("The intake has no date (QuestionnaireResponse.authored), so it cannot be known to be current.");
            mayWarn = false;
        }
        else if (authored > now + skew)
        {
            problems.Add("The intake is dated in the future.");
            mayWarn = false;
        }
        else if (now - authored > maximumAge)
        {
            var days = (int)((now - authored.Value).TotalDays);
            problems.Add($"The intake is {days} days old; only one from the last {(int)maximumAge.TotalDays} days is used. Repeat the intake.");
            mayWarn = false;
        }

        return new IntakeVerdict(problems, mayWarn);
    }

    /// <summary><c>Patient/{id}</c>, optionally with a version, relative or on the request's FHIR server.</summary>
    private static bool IsPatient(string reference, string patientId, Uri? fhirServer)
    {
        var relative = reference;
        if (fhirServer is not null && reference.StartsWith(fhirServer.AbsoluteUri.TrimEnd('/') + "/", StringComparison.Ordinal))
        {
            relative = reference[(fhirServer.AbsoluteUri.TrimEnd('/').Length + 1)..];
        }

        var parts = relative.Split('/');
        return parts.Length is 2 or 4
            && parts[0] == "Patient"
            && parts[1] == patientId
            && (parts.Length == 2 || parts[2] == "_history");
    }
}

/// <summary>What is wrong with an intake, and whether the danger signs it records may still be said on a card.</summary>
/// <param name="Problems">Each problem in a clinician's words; empty when the intake may decide a plan.</param>
/// <param name="MayWarn">Whether the intake is this patient's current record, so an emergency or urgent sign in it is said.</param>
internal readonly record struct IntakeVerdict(IReadOnlyList<string> Problems, bool MayWarn);
