using NRules;
using NRules.Fluent;
using NRules.Fluent.Dsl;
using Sciatica.Rules;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Benchmarks.Peers;

/// <summary>
/// The default rule set in NRules (Rete): rules written with the fluent DSL, compiled once into a session
/// factory; each decision opens a session, inserts the patient with the rule data (gates,
/// contraindications, exercises, thresholds) as facts, and fires, as the NRules documentation shows.
/// </summary>
public sealed class NRulesPeer
{
    private static readonly Type[] RuleTypes =
    [
        typeof(RedFlagGateRule), typeof(CauseGateRule), typeof(OsteoporoticTraumaRule), typeof(OlderInjuryRule), typeof(CancerWithNeurologyRule), typeof(NoClearanceRule),
        typeof(SymptomsNotControlledRule), typeof(RecentSurgeryRule), typeof(PainCeilingRule), typeof(ContraindicationRule),
        typeof(LandWalkingPainfulRule), typeof(AquaticNeedsPoolRule), typeof(WaterWalkingRule), typeof(ExtensionNeedsPreferenceRule), typeof(ClinicianEnabledOnlyRule),
    ];

    private readonly ISessionFactory factory;
    private readonly PeerRuleData data;
    private readonly object[] facts;

    public NRulesPeer(PeerRuleData data)
    {
        this.data = data;
        var repository = new RuleRepository();
        repository.Load(spec => spec.NestedTypes().From(RuleTypes));
        if (repository.GetRules().Count() != RuleTypes.Length)
        {
            throw new InvalidOperationException("NRules did not load every rule type.");
        }

        factory = repository.Compile();
        facts =
        [
            .. data.RuleSet.Screening.Select(g => new GateFact(g.RedFlag is { } f ? ContractNames.Of(f) : null, g.Cause is { } c ? ContractNames.Of(c) : null, g.Decision)),
            .. data.RuleSet.Contraindications.Select(ContraindicationFact.From),
            .. data.Exercises,
            new ThresholdsFact(data.Thresholds),
        ];
    }

    public PeerDecision Decide(PatientProfile profile)
    {
        var outcome = new Outcome();
        var session = factory.CreateSession();
        session.Insert(PeerPatient.From(profile));
        session.Insert(outcome);
        session.InsertAll(facts);
        session.Fire();
        return outcome.Decision != DecisionKind.Program
            ? new PeerDecision(outcome.Decision, [])
            : new PeerDecision(DecisionKind.Program, [.. data.Exercises.Select(e => e.Id).Where(id => !outcome.Excluded.Contains(id))]);
    }

    public sealed class Outcome
    {
        public DecisionKind Decision { get; private set; } = DecisionKind.Program;

        public HashSet<string> Excluded { get; } = [];

        public void Escalate(DecisionKind decision) => Decision = decision > Decision ? decision : Decision;

        public void Exclude(string exerciseId) => Excluded.Add(exerciseId);
    }

    public sealed record GateFact(string? RedFlag, string? Cause, DecisionKind Decision);

    public sealed record ThresholdsFact(RuleThresholds Values);

    public sealed record ContraindicationFact(HashSet<string> Causes, string? When, bool AfterSurgery, HashSet<string> Movements, HashSet<string> Positions, string? LiftedBy, int? MinimumLegPain, int? MinimumPregnancyWeeks)
    {
        public static ContraindicationFact From(Contraindication c) => new(
            [.. c.Causes.Select(ContractNames.Of)],
            c.WhenDirectionalPreference is { } w ? ContractNames.Of(w) : null,
            c.AfterSpineSurgery,
            [.. c.Movements.Select(ContractNames.Of)],
            [.. c.Positions.Select(ContractNames.Of)],
            c.Strength == ContraindicationStrength.Relative && c.LiftedByDirectionalPreference is { } l ? ContractNames.Of(l) : null,
            c.MinimumLegPain,
            c.MinimumPregnancyWeeks);
    }

    public sealed class RedFlagGateRule : Rule
    {
        public override void Define()
        {
            PeerPatient p = null!;
            GateFact g = null!;
            Outcome o = null!;
            When().Match(() => p).Match(() => g, x => x.RedFlag != null && p.RedFlags.Contains(x.RedFlag)).Match(() => o);
            Then().Do(_ => o.Escalate(g.Decision));
        }
    }

    public sealed class CauseGateRule : Rule
    {
        public override void Define()
        {
            PeerPatient p = null!;
            GateFact g = null!;
            Outcome o = null!;
            When().Match(() => p).Match(() => g, x => x.Cause != null && p.Causes.Contains(x.Cause)).Match(() => o);
            Then().Do(_ => o.Escalate(g.Decision));
        }
    }

    public sealed class OsteoporoticTraumaRule : Rule
    {
        public override void Define()
        {
            PeerPatient p = null!;
            Outcome o = null!;
            When().Match(() => p, x => x.Causes.Contains("injury") && x.Causes.Contains("osteoporosis")).Match(() => o);
            Then().Do(_ => o.Escalate(DecisionKind.TreatCauseFirst));
        }
    }

    public sealed class OlderInjuryRule : Rule
    {
        public override void Define()
        {
            PeerPatient p = null!;
            ThresholdsFact t = null!;
            Outcome o = null!;
            When().Match(() => t).Match(() => p, x => x.Causes.Contains("injury") && (x.Age > t.Values.SeriousPathologyMaximumAge || x.Age < 0)).Match(() => o);
            Then().Do(_ => o.Escalate(DecisionKind.TreatCauseFirst));
        }
    }

    public sealed class CancerWithNeurologyRule : Rule
    {
        public override void Define()
        {
            PeerPatient p = null!;
            Outcome o = null!;
            When().Match(() => p, x => (x.RedFlags.Contains("cancerHistory") || x.RedFlags.Contains("suspectedCancer"))
                && (x.RedFlags.Contains("progressiveWeakness") || x.RedFlags.Contains("footDrop")
                    || x.RedFlags.Contains("bilateralLegSymptoms") || x.RedFlags.Contains("cordCompressionSigns"))).Match(() => o);
            Then().Do(_ => o.Escalate(DecisionKind.Emergency));
        }
    }

    public sealed class NoClearanceRule : Rule
    {
        public override void Define()
        {
            PeerPatient p = null!;
            Outcome o = null!;
            When().Match(() => p, x => !x.MedicalClearance).Match(() => o);
            Then().Do(_ => o.Escalate(DecisionKind.SeekMedicalAdvice));
        }
    }

    public sealed class SymptomsNotControlledRule : Rule
    {
        public override void Define()
        {
            PeerPatient p = null!;
            Outcome o = null!;
            When().Match(() => p, x => !x.SymptomsTolerateExercise).Match(() => o);
            Then().Do(_ => o.Escalate(DecisionKind.SeekMedicalAdvice));
        }
    }

    public sealed class RecentSurgeryRule : Rule
    {
        public override void Define()
        {
            PeerPatient p = null!;
            ThresholdsFact t = null!;
            Outcome o = null!;
            When().Match(() => t).Match(() => p, x => x.Weeks >= 0 && x.Weeks < t.Values.MinimumWeeksAfterSpineSurgery).Match(() => o);
            Then().Do(_ => o.Escalate(DecisionKind.SeekMedicalAdvice));
        }
    }

    public sealed class PainCeilingRule : Rule
    {
        public override void Define()
        {
            PeerPatient p = null!;
            ThresholdsFact t = null!;
            Outcome o = null!;
            When().Match(() => t).Match(() => p, x => x.MaxPain >= t.Values.SeverePainFrom).Match(() => o);
            Then().Do(_ => o.Escalate(DecisionKind.SeekMedicalAdvice));
        }
    }

    public sealed class ContraindicationRule : Rule
    {
        public override void Define()
        {
            PeerPatient p = null!;
            ContraindicationFact c = null!;
            PeerExercise e = null!;
            Outcome o = null!;
            When()
                .Match(() => p)
                .Match(() => c, x => (x.Causes.Count == 0 || x.Causes.Overlaps(p.Causes))
                    && (x.When == null || x.When == p.Preference)
                    && (!x.AfterSurgery || p.Weeks >= 0)
                    && (x.LiftedBy == null || x.LiftedBy != p.Preference)
                    && (x.MinimumLegPain == null || p.LegPain >= x.MinimumLegPain)
                    && (x.MinimumPregnancyWeeks == null || p.PregnancyWeeks >= x.MinimumPregnancyWeeks))
                .Match(() => e, x => x.Movements.Overlaps(c.Movements) || c.Positions.Contains(x.Position))
                .Match(() => o);
            Then().Do(_ => o.Exclude(e.Id));
        }
    }

    public sealed class LandWalkingPainfulRule : Rule
    {
        public override void Define()
        {
            PeerPatient p = null!;
            PeerExercise e = null!;
            Outcome o = null!;
            When().Match(() => p, x => x.LandWalkingPainful).Match(() => e, x => x.Movements.Contains("weightBearing")).Match(() => o);
            Then().Do(_ => o.Exclude(e.Id));
        }
    }

    public sealed class AquaticNeedsPoolRule : Rule
    {
        public override void Define()
        {
            PeerPatient p = null!;
            PeerExercise e = null!;
            Outcome o = null!;
            When().Match(() => p, x => !x.PoolAccess).Match(() => e, x => x.Movements.Contains("aquatic")).Match(() => o);
            Then().Do(_ => o.Exclude(e.Id));
        }
    }

    public sealed class WaterWalkingRule : Rule
    {
        public override void Define()
        {
            PeerPatient p = null!;
            PeerExercise e = null!;
            Outcome o = null!;
            When().Match(() => p, x => !x.LandWalkingPainful).Match(() => e, x => x.Kind == "aerobic" && x.Movements.Contains("aquatic")).Match(() => o);
            Then().Do(_ => o.Exclude(e.Id));
        }
    }

    public sealed class ExtensionNeedsPreferenceRule : Rule
    {
        public override void Define()
        {
            PeerPatient p = null!;
            PeerExercise e = null!;
            Outcome o = null!;
            When().Match(() => p, x => x.Preference != "extension").Match(() => e, x => x.Movements.Contains("lumbarExtension")).Match(() => o);
            Then().Do(_ => o.Exclude(e.Id));
        }
    }

    public sealed class ClinicianEnabledOnlyRule : Rule
    {
        public override void Define()
        {
            PeerExercise e = null!;
            Outcome o = null!;
            When().Match(() => e, x => x.ClinicianEnabledOnly).Match(() => o);
            Then().Do(_ => o.Exclude(e.Id));
        }
    }
}
