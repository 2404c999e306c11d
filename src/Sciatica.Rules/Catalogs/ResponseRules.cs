using System.Globalization;
using static Sciatica.Rules.Catalogs.ClinicalSources;

namespace Sciatica.Rules.Catalogs;

/// <summary>The response rules of a session review: how a session went changes the next dose [PMM, TBC].</summary>
internal sealed class ResponseRules
{
    public ResponseRules(RuleThresholds t)
    {
        var limit = string.Create(CultureInfo.InvariantCulture, $"{t.MaximumPainDuringExercise}");
        var progression = string.Create(CultureInfo.InvariantCulture, $"{t.MaximumPainForProgression}");
        NewRedFlag = new("review-new-red-flag", "A red flag was reported at follow-up, so screening applies again and the most urgent decision wins.", Cks);
        NewWeakness = new("review-new-weakness", "New or worsening leg weakness: stop the program and see a specialist urgently.", Cks);
        NewNumbness = new("review-new-numbness", "New or worsening numbness: stop the program and see a clinician before exercising again.", Cks);
        Peripheralized = new("review-peripheralization-stop", "Symptoms spread further down the leg with this exercise: stop it; a clinician may suggest an easier alternative.", Tbc);
        WalkingPeripheralized = new("review-peripheralization-walking-step-down", "Symptoms spread further down the leg while walking: walk less at a time (shorter bouts first, then fewer) rather than stopping, to stay active; it stops only when it is already at its lowest dose.", Ng59);
        PainAboveLimit = new("review-pain-above-limit", $"Pain during the exercise was above {limit} out of 10: do less of it next time.", Pmm);
        WorseNextMorning = new("review-worse-next-morning", "Symptoms were worse the next morning: reduce the load of every exercise of the program, reported or not.", Pmm);
        AtMinimum = new("review-at-minimum-stop", "The exercise needs to be reduced but is already at its lowest dose on every count (repetitions or minutes, times a day, sets, hold): stop it and ask a clinician.", Pmm);
        Progress = new("review-progress", $"Pain during stayed at {progression} out of 10 or lower, symptoms were no worse the next morning and nothing spread down the leg: do a little more.", Pmm);
        AtMaximum = new("review-at-maximum", "The exercise is already at the top of its range: keep the same dose.", Pmm);
        Continue = new("review-continue", "The exercise was tolerated but not yet comfortably enough to do more: keep the same dose; finding the right intensity can take time.", Seed);
        Centralized = new("review-centralization-continue", "Symptoms moved back toward the spine with this exercise, a good sign: keep it in the program.", Dp);
        NotReported = new("review-not-reported", "This exercise was not reported for the session: keep the same dose.", Pmm);
        StoppedEarlier = new("review-stopped-earlier", "This exercise was stopped after an earlier session and stays out of the program until a clinician says otherwise.", Tbc);
        NoProgressionAfterPeripheralization = new("review-no-progression-after-peripheralization", "Symptoms spread down the leg during this session, so no exercise is increased until that settles.", Tbc);
    }

    public DecisionReason NewRedFlag { get; }

    public DecisionReason NewWeakness { get; }

    public DecisionReason NewNumbness { get; }

    public DecisionReason Peripheralized { get; }

    public DecisionReason WalkingPeripheralized { get; }

    public DecisionReason PainAboveLimit { get; }

    public DecisionReason WorseNextMorning { get; }

    public DecisionReason AtMinimum { get; }

    public DecisionReason Progress { get; }

    public DecisionReason AtMaximum { get; }

    public DecisionReason Continue { get; }

    public DecisionReason Centralized { get; }

    public DecisionReason NoProgressionAfterPeripheralization { get; }

    public DecisionReason NotReported { get; }

    public DecisionReason StoppedEarlier { get; }

    public IEnumerable<RuleDescription> Describe() =>
        new[]
        {
            NewRedFlag, NewWeakness, NewNumbness, Peripheralized, WalkingPeripheralized, PainAboveLimit, WorseNextMorning, AtMinimum, Progress, AtMaximum, Continue,
            Centralized, NoProgressionAfterPeripheralization, NotReported, StoppedEarlier,
        }.Select(r => new RuleDescription(r.RuleId, RuleCategory.Response, r.Message, r.Source, null));
}
