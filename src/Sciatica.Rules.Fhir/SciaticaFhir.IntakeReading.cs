using System.Buffers;
using System.Text.Json;
using Hl7.Fhir.Model;

namespace Sciatica.Rules.Fhir;

public static partial class SciaticaFhir
{
    /// <summary>
    /// Reads a completed intake as a profile, as strictly as the JSON contract: every problem at once, each naming the
    /// linkId (<c>item[linkId='legPain']</c>); unknown linkIds, repeated items, answers of the wrong type and codes
    /// outside the options are errors. A required item without an answer is an error that says which question to ask: an
    /// unanswered red-flag or tolerance question is never read as "none" or "yes". Weeks of pregnancy or since surgery
    /// answered although the gating question says no, or missing although it says yes, are errors.
    /// </summary>
    /// <param name="response">The questionnaire response.</param>
    /// <returns>The validated profile.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="response"/> is null.</exception>
    /// <exception cref="SciaticaValidationException">The response breaks the intake's rules or the profile contract.</exception>
    public static PatientProfile ReadIntake(QuestionnaireResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var problems = new List<ValidationProblem>();
        if (response.Questionnaire is { } canonical && canonical != IntakeQuestionnaireUrl && canonical != IntakeQuestionnaireUrl + "|" + IntakeQuestionnaireVersion)
        {
            problems.Add(new("QuestionnaireResponse.questionnaire", Invariant($"is '{Echo(canonical)}'; allowed values: '{IntakeQuestionnaireUrl}' or '{IntakeQuestionnaireUrl}|{IntakeQuestionnaireVersion}'.")));
        }

        var bad = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var answered = new HashSet<string>(StringComparer.Ordinal);
        var gates = new Dictionary<string, bool>(StringComparer.Ordinal);
        var overrides = new List<(string ExerciseId, string RuleId, string Reason)>();
        var json = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            for (var i = 0; i < response.Item.Count; i++)
            {
                var given = response.Item[i];
                if (given.LinkId == OverrideGroup)
                {
                    ReadOverride(given, Invariant($"QuestionnaireResponse.item[{i}]"), problems, overrides);
                    continue;
                }

                var path = Invariant($"QuestionnaireResponse.item[{i}]");
                var item = Items.FirstOrDefault(x => x.LinkId == given.LinkId);
                if (item is null)
                {
                    problems.Add(new(path + ".linkId", Invariant($"is '{Echo(given.LinkId)}', which is not an item of the intake; allowed values: {string.Join(", ", Items.Select(x => x.LinkId))}, {OverrideGroup}.")));
                    continue;
                }

                path = Invariant($"QuestionnaireResponse.item[linkId='{item.LinkId}']");
                if (!seen.Add(item.LinkId))
                {
                    problems.Add(new(path, "is given twice; give each item once, with all its answers."));
                    bad.Add(item.LinkId);
                    continue;
                }

                if (given.Item.Count > 0)
                {
                    problems.Add(new(path + ".item", "has nested items; this item has none."));
                    bad.Add(item.LinkId);
                    continue;
                }

                if (given.Answer.Count == 0)
                {
                    continue;
                }

                if (!item.Repeats && given.Answer.Count > 1)
                {
                    problems.Add(new(path + ".answer", Invariant($"has {given.Answer.Count} answers; this item takes one.")));
                    bad.Add(item.LinkId);
                    continue;
                }

                var answers = new List<Action<Utf8JsonWriter>>();
                var none = false;
                for (var a = 0; a < given.Answer.Count; a++)
                {
                    if (Answer(item, given.Answer[a], Invariant($"{path}.answer[{a}]"), problems, ref none) is { } write)
                    {
                        answers.Add(write);
                    }
                }

                if (answers.Count < given.Answer.Count)
                {
                    bad.Add(item.LinkId);
                    if (!item.Repeats || !item.InProfile || answers.Count == 0)
                    {
                        continue;
                    }

                    // Refused, but the valid answers of a list (the signs beside an unknown code) are still written, so
                    // the screening below says their danger.
                }

                if (none && given.Answer.Count > 1)
                {
                    // Refused, but the signs it names are still read (not "none"): the screening below says their danger.
                    problems.Add(new(path + ".answer", "gives \"None of these\" together with a warning sign; give either the signs that are present or \"None of these\"."));
                    bad.Add(item.LinkId);
                }

                answered.Add(item.LinkId);
                if (!item.InProfile)
                {
                    gates[item.LinkId] = given.Answer[0].Value is FhirBoolean { Value: true };
                    continue;
                }

                writer.WritePropertyName(item.LinkId);
                if (item.Repeats)
                {
                    writer.WriteStartArray();
                }

                answers.ForEach(write => write(writer));
                if (item.Repeats)
                {
                    writer.WriteEndArray();
                }
            }

            if (overrides.Count > 0)
            {
                writer.WriteStartArray("clinicianOverrides");
                foreach (var (exerciseId, ruleId, reason) in overrides)
                {
                    writer.WriteStartObject();
                    writer.WriteString("exerciseId", exerciseId);
                    writer.WriteString("ruleId", ruleId);
                    writer.WriteString("reason", reason);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        foreach (var item in Items)
        {
            var path = Invariant($"QuestionnaireResponse.item[linkId='{item.LinkId}']");
            if (item.Required && !answered.Contains(item.LinkId) && !bad.Contains(item.LinkId))
            {
                problems.Add(new(path, item.Unanswered ?? "was not answered; it is required."));
                bad.Add(item.LinkId);
            }

            if (item.EnabledBy is { } gate && !bad.Contains(item.LinkId) && !bad.Contains(gate) && gates.TryGetValue(gate, out var yes))
            {
                if (yes && !answered.Contains(item.LinkId))
                {
                    problems.Add(new(path, Invariant($"was not answered although '{gate}' is yes; answer it, or answer '{gate}' no.")));
                    bad.Add(item.LinkId);
                }
                else if (!yes && answered.Contains(item.LinkId))
                {
                    problems.Add(new(path, Invariant($"is answered although '{gate}' is no; it is asked only when '{gate}' is yes.")));
                    bad.Add(item.LinkId);
                }
            }
        }

        // Danger is said even when the form is wrong: the red flags that could be read are screened on their own.
        ScreeningNotice? screening;
        try
        {
            var profile = SciaticaJson.ReadProfile(json.WrittenMemory);
            if (problems.Count == 0)
            {
                return profile;
            }

            screening = RedFlagScreening.Of(profile.RedFlags);
        }
        catch (SciaticaValidationException ex)
        {
            screening = ex.Screening;
            // The contract's own checks (ranges, required items, at least one cause), named by linkId; not repeated for items already reported.
            foreach (var problem in ex.Problems)
            {
                var (linkId, remainder) = LinkIdOf(problem.Path);
                if (linkId is null || !bad.Contains(linkId))
                {
                    problems.Add(new(linkId is null ? "QuestionnaireResponse" : Invariant($"QuestionnaireResponse.item[linkId='{linkId}']{remainder}"), problem.Message));
                }
            }
        }

        throw new SciaticaValidationException(Subject, problems) { Screening = screening };
    }

    /// <summary>One clinician override group: exerciseId, ruleId and reason, each one string answer.</summary>
    private static void ReadOverride(QuestionnaireResponse.ItemComponent group, string at, List<ValidationProblem> problems, List<(string, string, string)> overrides)
    {
        var path = Invariant($"{at}[linkId='{OverrideGroup}']");
        if (group.Answer.Count > 0)
        {
            problems.Add(new(path + ".answer", "is a group: its answers are the nested items exerciseId, ruleId and reason."));
            return;
        }

        string? Part(string linkId)
        {
            var parts = group.Item.Where(x => x.LinkId == linkId).ToList();
            if (parts.Count == 1 && parts[0].Answer.Count == 1 && parts[0].Answer[0].Value is FhirString { Value: { Length: > 0 } text })
            {
                return text;
            }

            problems.Add(new(Invariant($"{path}.item[linkId='{linkId}']"), "must be given once with one non-empty valueString answer."));
            return null;
        }

        var unknown = group.Item.Where(x => x.LinkId is not ("exerciseId" or "ruleId" or "reason")).Select(x => x.LinkId ?? "(an item without a linkId)").ToList();
        if (unknown.Count > 0)
        {
            problems.Add(new(path + ".item", Invariant($"has items {ProblemList.Listed(unknown, 160)}; allowed values: exerciseId, ruleId, reason.")));
        }

        var (exercise, rule, reason) = (Part("exerciseId"), Part("ruleId"), Part("reason"));
        if (exercise is not null && rule is not null && reason is not null && unknown.Count == 0)
        {
            overrides.Add((exercise, rule, reason));
        }
    }

    private static Action<Utf8JsonWriter>? Answer(Item item, QuestionnaireResponse.AnswerComponent answer, string path, List<ValidationProblem> problems, ref bool none)
    {
        switch (item.Type)
        {
            case Questionnaire.QuestionnaireItemType.Choice when answer.Value is Coding coding:
                var option = item.Options.FirstOrDefault(o => CodeSystemBase + o.System == coding.System && o.Concept.Code == coding.Code);
                if (option.Concept is not null)
                {
                    if (option.Concept == Terminology.NoneOfThese)
                    {
                        none = true;
                        return static _ => { };
                    }

                    var code = coding.Code;
                    return w => w.WriteStringValue(code);
                }

                problems.Add(new(path + ".valueCoding", Invariant($"is {Echo(coding.System + "|" + coding.Code)}, which is not an answer option; allowed values: {string.Join(", ", item.Options.Select(o => CodeSystemBase + o.System + "|" + o.Concept.Code))}.")));
                return null;
            case Questionnaire.QuestionnaireItemType.Integer when answer.Value is Integer { Value: { } number }:
                return w => w.WriteNumberValue(number);
            case Questionnaire.QuestionnaireItemType.Boolean when answer.Value is FhirBoolean { Value: { } flag }:
                return w => w.WriteBooleanValue(flag);
            default:
                var expected = item.Type switch
                {
                    Questionnaire.QuestionnaireItemType.Choice => "valueCoding",
                    Questionnaire.QuestionnaireItemType.Integer => "valueInteger",
                    _ => "valueBoolean",
                };
                problems.Add(new(path, Invariant($"is {(answer.Value is null ? "empty" : "a " + answer.Value.TypeName)}; allowed values: {expected}.")));
                return null;
        }
    }

    /// <summary>Cuts a piece of the response quoted in a problem to 80 characters, ellipsis included, as the core readers do.</summary>
    private static string Echo(string? text) => ProblemList.Echo(text);

    /// <summary>Splits a contract path (<c>$.causes[1]</c>) into the linkId and the rest, as answers.</summary>
    private static (string? LinkId, string Remainder) LinkIdOf(string path)
    {
        if (!path.StartsWith("$.", StringComparison.Ordinal))
        {
            return (null, string.Empty);
        }

        var name = path[2..];
        if (name.StartsWith("clinicianOverrides", StringComparison.Ordinal))
        {
            return (OverrideGroup, string.Empty);
        }

        var bracket = name.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? (name, string.Empty) : (name[..bracket], ".answer" + name[bracket..]);
    }
}
