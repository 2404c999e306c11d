using FsCheck;
using FsCheck.Fluent;
using Hl7.Fhir.FhirPath;
using Hl7.Fhir.Model;
using Hl7.FhirPath;
using Sciatica.Rules.Catalogs;
using Condition = Sciatica.Rules.Catalogs.Condition;

namespace Sciatica.Rules.Fhir.Tests;

/// <summary>
/// Each fact's FHIRPath expression, run by Firely's engine on the intake response written from a profile, is true
/// exactly when the engine's facts of that profile hold it: every cause, red flag, yes and no, preference, threshold,
/// leg-pain level and pregnancy week, including facts no rule of the default rule set reads today (a custom catalog's
/// rule may). The plan-definition differential checks whole rules; this checks every word they are made of.
/// </summary>
public sealed class FactExpressionTests
{
    private static readonly RuleThresholds Thresholds = ProgramSelector.Default.RuleSet.Thresholds;

    [Fact]
    public void EveryFactExpression_OnTheIntake_AgreesWithTheEngineFacts()
    {
        // Built here, not in a static field, so that the expressions are those of the code under test at this test's run.
        var expressions = Expressions();

        Prop.ForAll(IntakeArbitraries.Profile(), profile =>
        {
            var facts = Facts.Of(profile, Thresholds);
            var intake = SciaticaFhir.IntakeResponse(profile).ToPocoNode(ModelInfo.ModelInspector);
            foreach (var (bit, text, evaluate) in expressions)
            {
                var said = evaluate.Scalar(intake, new FhirEvaluationContext()) as bool?;
                var holds = facts.Intersects(Facts.None.With(bit));
                if (said != holds)
                {
                    throw new InvalidOperationException($"Fact bit {bit}: the engine says {holds}, the expression says {said?.ToString() ?? "nothing"}: {text}\nProfile: {SciaticaJson.WriteProfile(profile)}");
                }
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    /// <summary>Every bit that has an expression, compiled.</summary>
    private static List<(int Bit, string Text, CompiledExpression Evaluate)> Expressions()
    {
        var paths = new FhirPathConditions(Thresholds);
        var compiler = new FhirPathCompiler();
        return [.. Enumerable.Range(0, 128)
            .Select(bit => (bit, Text: paths.Holds(Condition.AllOf(bit))))
            .Where(x => x.Text is not null)
            .Select(x => (x.bit, x.Text!, compiler.Compile(x.Text!)))];
    }

    [Fact]
    public void EveryFactTheEngineCanSet_HasAnExpression()
    {
        // Every bit Facts.Of sets for some profile: causes, red flags, yes and no, preferences, thresholds, levels.
        var settable = new[]
        {
            Facts.MedicalClearance, Facts.NoMedicalClearance, Facts.SymptomsTolerateExercise, Facts.SymptomsDoNotTolerateExercise,
            Facts.LandWalkingPainful, Facts.LandWalkingNotPainful, Facts.PoolAccess, Facts.NoPoolAccess, Facts.PrefersExtension,
            Facts.PrefersFlexion, Facts.NoExtensionPreference, Facts.AgeNotRecorded, Facts.AgeBelowSeriousPathologyMinimum,
            Facts.AgeAboveSeriousPathologyMaximum, Facts.SpineSurgeryRecorded, Facts.SpineSurgeryTooRecent, Facts.SymptomWeeksNotRecorded,
            Facts.SymptomsSixWeeksOrMore, Facts.Pregnant, Facts.LegPainSevere, Facts.BackPainSevere,
        }
            .Concat(Enum.GetValues<Cause>().Select(Facts.Cause))
            .Concat(Enum.GetValues<RedFlag>().Select(Facts.RedFlag))
            .Concat(Enumerable.Range(0, 11).Select(Facts.LegPainOfAtLeast))
            .Concat(Enumerable.Range(0, 43).Select(Facts.PregnancyOfAtLeast));

        Assert.Equal([.. settable.Order()], Expressions().Select(e => e.Bit).Order());
    }

    [Fact]
    public void AnyOfAndAllOf_NoneOneAndSeveral()
    {
        Assert.Equal("false", FhirPathConditions.AnyOf([]));
        Assert.Equal("a", FhirPathConditions.AnyOf(["a"]));
        Assert.Equal("(a) or (b)", FhirPathConditions.AnyOf(["a", "b"]));
        Assert.Equal("true", FhirPathConditions.AllOf([]));
        Assert.Equal("a", FhirPathConditions.AllOf(["a"]));
        Assert.Equal("(a) and (b)", FhirPathConditions.AllOf(["a", "b"]));
    }
}
