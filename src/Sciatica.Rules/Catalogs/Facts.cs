using System.Numerics;

namespace Sciatica.Rules.Catalogs;

/// <summary>
/// Everything the rules read about a person, as 128 bits computed once per decision: causes (bits 0-15), red
/// flags (16-35), each yes/no field as a bit for yes and a bit for no, the directional preference, and every
/// threshold as the side the person falls on. Leg pain sets one bit per level it reaches (leg pain of 6 sets
/// "at least 0" to "at least 6"), pregnancy likewise per week, so that a rule's "at least N" is one bit test.
/// </summary>
internal readonly record struct Facts(ulong Low, ulong High)
{
    public const int MedicalClearance = 36;
    public const int NoMedicalClearance = 37;
    public const int SymptomsTolerateExercise = 38;
    public const int SymptomsDoNotTolerateExercise = 39;
    public const int LandWalkingPainful = 40;
    public const int LandWalkingNotPainful = 41;
    public const int PoolAccess = 42;
    public const int NoPoolAccess = 43;
    public const int PrefersExtension = 44;
    public const int PrefersFlexion = 45;
    public const int NoExtensionPreference = 46;
    public const int AgeNotRecorded = 47;
    public const int AgeBelowSeriousPathologyMinimum = 48;
    public const int AgeAboveSeriousPathologyMaximum = 49;
    public const int SpineSurgeryRecorded = 50;
    public const int SpineSurgeryTooRecent = 51;
    public const int SymptomWeeksNotRecorded = 52;
    public const int SymptomsSixWeeksOrMore = 53;
    public const int Pregnant = 54;
    public const int LegPainSevere = 55;
    public const int BackPainSevere = 56;

    /// <summary>High bits 0-10: leg pain at least 0..10.</summary>
    private const int LegPainAtLeast = 64;

    /// <summary>High bits 11-53: pregnancy of at least 0..42 weeks.</summary>
    private const int PregnancyWeeksAtLeast = 64 + 11;

    public static Facts None => default;

    /// <summary>The first bit of the red flags: causes use the 16 bits below it, red flags the 20 from it.</summary>
    private const int FirstRedFlag = 16;

    public static int Cause(Cause cause) => (int)cause;

    public static int RedFlag(RedFlag flag) => FirstRedFlag + (int)flag;

    public static int Prefers(DirectionalPreference preference) => preference == DirectionalPreference.Extension ? PrefersExtension : PrefersFlexion;

    public static int LegPainOfAtLeast(int pain) => LegPainAtLeast + pain;

    public static int PregnancyOfAtLeast(int weeks) => PregnancyWeeksAtLeast + weeks;

    /// <summary>The facts with one more bit set.</summary>
    public Facts With(int bit) => bit < 64 ? new(Low | (1UL << bit), High) : new(Low, High | (1UL << (bit - 64)));

    public bool IsEmpty => (Low | High) == 0;

    public Facts Or(Facts other) => new(Low | other.Low, High | other.High);

    public bool Intersects(Facts other) => ((Low & other.Low) | (High & other.High)) != 0;

    /// <summary>The lowest fact set, or none.</summary>
    public Facts Lowest => Low != 0 ? new(Low & (~Low + 1), 0) : new(0, High & (~High + 1));

    /// <summary>Every fact.</summary>
    public static Facts Every => new(ulong.MaxValue, ulong.MaxValue);

    public static Facts Of(PatientProfile p, RuleThresholds t)
    {
        var low = p.CauseBits | (p.RedFlagBits << FirstRedFlag);
        low |= Bit(p.MedicalClearance ? MedicalClearance : NoMedicalClearance);
        low |= Bit(p.SymptomsTolerateExercise ? SymptomsTolerateExercise : SymptomsDoNotTolerateExercise);
        low |= Bit(p.LandWalkingPainful ? LandWalkingPainful : LandWalkingNotPainful);
        low |= Bit(p.PoolAccess ? PoolAccess : NoPoolAccess);
        low |= p.DirectionalPreference switch
        {
            DirectionalPreference.Extension => Bit(PrefersExtension),
            DirectionalPreference.Flexion => Bit(PrefersFlexion) | Bit(NoExtensionPreference),
            _ => Bit(NoExtensionPreference),
        };
        low |= p.Age switch
        {
            null => Bit(AgeNotRecorded),
            var a when a < t.SeriousPathologyMinimumAge => Bit(AgeBelowSeriousPathologyMinimum),
            var a when a > t.SeriousPathologyMaximumAge => Bit(AgeAboveSeriousPathologyMaximum),
            _ => 0,
        };
        low |= p.WeeksSinceSpineSurgery switch
        {
            null => 0,
            var w when w < t.MinimumWeeksAfterSpineSurgery => Bit(SpineSurgeryRecorded) | Bit(SpineSurgeryTooRecent),
            _ => Bit(SpineSurgeryRecorded),
        };
        low |= p.SymptomWeeks switch
        {
            null => Bit(SymptomWeeksNotRecorded),
            >= 6 => Bit(SymptomsSixWeeksOrMore),
            _ => 0,
        };
        low |= p.PregnancyWeeks is null ? 0 : Bit(Pregnant);
        low |= p.LegPain >= t.SeverePainFrom ? Bit(LegPainSevere) : 0;
        low |= p.BackPain >= t.SeverePainFrom ? Bit(BackPainSevere) : 0;
        var high = (1UL << (p.LegPain + 1)) - 1;
        if (p.PregnancyWeeks is { } weeks)
        {
            high |= ((1UL << (weeks + 1)) - 1) << (PregnancyWeeksAtLeast - 64);
        }

        return new(low, high);
    }

    private static ulong Bit(int bit) => 1UL << bit;

    /// <summary>The facts without one bit.</summary>
    public Facts Without(int bit) => bit < 64 ? new(Low & ~(1UL << bit), High) : new(Low, High & ~(1UL << (bit - 64)));

    /// <summary>The facts of the same person with one yes/no field answered yes (<paramref name="yes"/>), given its no bit <paramref name="no"/>.</summary>
    public Facts WithYes(int yes, int no) => Without(no).With(yes);

    /// <summary>The facts of the same person with another directional preference (as <see cref="Of"/> sets it).</summary>
    public Facts WithPreference(DirectionalPreference? preference)
    {
        var facts = Without(PrefersExtension).Without(PrefersFlexion).Without(NoExtensionPreference);
        return preference switch
        {
            DirectionalPreference.Extension => facts.With(PrefersExtension),
            DirectionalPreference.Flexion => facts.With(PrefersFlexion).With(NoExtensionPreference),
            _ => facts.With(NoExtensionPreference),
        };
    }

    /// <summary>The facts of the same person with leg pain <paramref name="pain"/> (as <see cref="Of"/> sets it).</summary>
    public Facts WithLegPain(int pain, RuleThresholds t)
    {
        var low = pain >= t.SeverePainFrom ? Low | Bit(LegPainSevere) : Low & ~Bit(LegPainSevere);
        const ulong legBits = (1UL << 11) - 1;
        return new(low, (High & ~legBits) | ((1UL << (pain + 1)) - 1));
    }

    /// <summary>The facts of the same person with back pain <paramref name="pain"/> (as <see cref="Of"/> sets it).</summary>
    public Facts WithBackPain(int pain, RuleThresholds t) =>
        new(pain >= t.SeverePainFrom ? Low | Bit(BackPainSevere) : Low & ~Bit(BackPainSevere), High);

    public int Count => BitOperations.PopCount(Low) + BitOperations.PopCount(High);
}

/// <summary>A rule's condition on the person, compiled: every fact of <see cref="All"/>, and at least one of <see cref="Any"/> unless it is empty.</summary>
internal readonly record struct Condition(Facts All, Facts Any)
{
    public static Condition Always => default;

    // One and two facts, written out: a params span of two would go through the framework's InlineArray2<int>,
    // whose code the JIT compiles even in a ReadyToRun build (docs/benchmarks.md, cold start).
    public static Condition AllOf(int bit) => new(Facts.None.With(bit), Facts.None);

    public static Condition AllOf(int first, int second) => new(Facts.None.With(first).With(second), Facts.None);

    public static Condition AnyOf(int first, int second) => new(Facts.None, Facts.None.With(first).With(second));

    public Condition And(int bit) => new(All.With(bit), Any);

    /// <summary>Facts of which the condition needs at least one: one fact it requires, or the facts of which it requires any; every fact when it always holds.</summary>
    public Facts Trigger => !All.IsEmpty ? All.Lowest : !Any.IsEmpty ? Any : Facts.Every;

    public bool Holds(Facts facts) =>
        (facts.Low & All.Low) == All.Low && (facts.High & All.High) == All.High
        && (Any.IsEmpty || ((facts.Low & Any.Low) | (facts.High & Any.High)) != 0);
}
