namespace Sciatica.Rules.Fhir.Tests;

/// <summary>
/// The knowledge bundle, run by a generic <c>$apply</c> walker (<see cref="GenericPlanDefinitionApply"/>, Firely's FHIRPath
/// engine, no knowledge of the rules), decides every generated intake as <see cref="ProgramSelector"/> does: the same
/// decision kind and exactly the same included exercises. A disagreement fails with the shrunk intake as FHIR JSON.
/// </summary>
public sealed class PlanDefinitionDifferentialTests
{
    private static readonly GenericPlanDefinitionApply Walker = new(SciaticaFhir.KnowledgeBundle(ProgramSelector.Default));

    [DifferentialProperty]
    public void GenericApply_AgreesWithTheEngine_OnDecisionAndExercises(PatientProfile profile)
    {
        var decision = ProgramSelector.Default.Select(profile);
        var intake = SciaticaFhir.IntakeResponse(profile);

        var (kind, exercises) = Walker.Apply(intake);

        var expected = decision.Exercises.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        if (kind != ContractName(decision.Decision) || !exercises.SetEquals(expected))
        {
            throw new InvalidOperationException(
                $"The plan definition gives {kind} with [{string.Join(", ", exercises.Order(StringComparer.Ordinal))}]; the engine gives {ContractName(decision.Decision)} with [{string.Join(", ", expected.Order(StringComparer.Ordinal))}].\n"
                + "Profile: " + SciaticaJson.WriteProfile(profile) + "\nIntake: " + SciaticaFhir.ToJson(intake));
        }
    }

    [Theory]
    [InlineData("redFlags", false)]
    [InlineData("redFlags", true)]
    [InlineData("symptomsTolerateExercise", false)]
    [InlineData("symptomsTolerateExercise", true)]
    public void GenericApply_UnansweredScreeningQuestion_NothingApplies(string linkId, bool itemPresentWithoutAnswer)
    {
        var intake = SciaticaFhir.IntakeResponse(Samples.Profiles["herniated-disc-l5"]);
        if (itemPresentWithoutAnswer)
        {
            intake.Item.Single(i => i.LinkId == linkId).Answer.Clear();
        }
        else
        {
            intake.Item.RemoveAll(i => i.LinkId == linkId);
        }

        var (kind, exercises) = Walker.Apply(intake);

        Assert.Null(kind);
        Assert.Empty(exercises);
    }

    private static string ContractName(DecisionKind kind) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());
}
