using System.Collections.Immutable;

namespace Sciatica.Rules.Catalogs;

/// <summary>
/// The "stop and seek help" criteria every decision carries, and how to exercise safely
/// while exercising [PMM, TBC, CKS]. Messages never promise recovery.
/// </summary>
internal static class SafetyAdvice
{
    public const string EmergencySigns =
        "Go to emergency care now if you notice new trouble passing urine or controlling your bladder or bowels, numbness around the genitals or back passage, leg symptoms that are new, spreading or getting worse in both legs, or weakness getting worse in both legs.";

    public const string NeurologicalChange =
        "Stop the exercises and contact your clinician promptly if numbness or weakness in the leg or foot is new or getting worse, for example if you trip over your toes.";

    public const string NeverWorse =
        "Exercise should not make your symptoms worse. Pain during an exercise should stay at 5 out of 10 or lower and settle by the next morning; if it does not, do less of that exercise.";

    public const string Peripheralisation =
        "If pain, tingling or numbness spreads further down the leg during or after a movement, stop that movement; symptoms moving back toward the spine are a good sign.";

    public const string SlowAndPainFree = "Move slowly and with control, and stay within a pain-free range.";

    public const string StayActive = "Keep active through the day; bed rest is not recommended.";

    public const string Supervision =
        "Starting under the supervision of a physical therapist is recommended; this plan supports, and does not replace, your clinician's care.";

    /// <summary>Gets the advice for a decision; the first line says how soon to act, in words.</summary>
    public static ImmutableArray<string> For(DecisionKind kind, Timeframe? timeframe = null) => kind switch
    {
        DecisionKind.Emergency => Emergency,
        DecisionKind.UrgentReferral => Urgent,
        DecisionKind.TreatCauseFirst => timeframe == Timeframe.Within24Hours ? TreatFirstWithin24Hours : TreatFirst,
        DecisionKind.SeekMedicalAdvice => Advice,
        _ => Program,
    };

    private static readonly ImmutableArray<string> Program =
        [NeverWorse, Peripheralisation, NeurologicalChange, EmergencySigns, SlowAndPainFree, StayActive, Supervision];

    private static readonly ImmutableArray<string> Emergency =
        ["Go to an emergency department now, or call the emergency number. Do not start or continue exercises.", EmergencySigns];

    private static readonly ImmutableArray<string> Urgent =
        ["Contact your doctor within 24 hours for an urgent specialist assessment. Do not start exercises until you have been assessed.", EmergencySigns];

    private static readonly ImmutableArray<string> TreatFirst =
        ["See your doctor within the next few days so that the possible serious cause is assessed and treated; exercise can be considered after that.", EmergencySigns];

    private static readonly ImmutableArray<string> TreatFirstWithin24Hours =
        ["See a doctor within 24 hours: with a fever, an infection of the spine has to be ruled out. Do not start exercises until then.", EmergencySigns];

    private static readonly ImmutableArray<string> Advice =
        ["Get medical advice before you start exercising; a program can be chosen once the points in the reasons are resolved.", StayActive, EmergencySigns];
}
