using System.Text;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Tests.Serialization;

/// <summary>
/// A catalog exercise's dosages as the one-pass reader reads them: each field given or null, a dosage that is not an
/// object, a number out of range, and a dosage's problems listed beside the exercise's other problems, never instead
/// of them. Written from the Serialization mutation run (part C).
/// </summary>
public sealed class DosageReaderTests
{
    private const string Exercise = """{"id":"pool-knee-lifts","name":"Standing knee lifts in the pool","kind":"strengthening","position":"inWater","movements":["aquatic","hipExtension"],"dosage":{"holdSeconds":null,"repetitions":10,"sets":1,"minutes":null,"timesPerDay":1},"minimumDosage":{"holdSeconds":null,"repetitions":5,"sets":1,"minutes":null,"timesPerDay":1},"maximumDosage":{"holdSeconds":null,"repetitions":20,"sets":2,"minutes":null,"timesPerDay":1},"progressionStep":{"holdSeconds":null,"repetitions":2,"sets":null,"minutes":null,"timesPerDay":null},"alternative":null,"instructions":["Stand in waist-deep water holding the pool edge.","Lift one knee slowly toward the water surface, keeping the back upright.","Lower it with control and change legs."],"rationale":"Water carries part of the body weight, so hip and trunk muscles can be trained with less load on the spine.","source":"AQUA","clinicianEnabledOnly":false}""";

    private static ProgramSelector Load(string exercise) =>
        CatalogLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes("""{"name":"c","version":"1","extends":"default","exercises":[""" + exercise + "]}")));

    [Fact]
    public void Load_DosagesGivenOrNull_ReadAsGivenAndNotGiven()
    {
        var exercise = Load(Exercise).Catalog.Exercises.Single(e => e.Id == "pool-knee-lifts");

        Assert.Equal(new Dosage { Repetitions = 10, Sets = 1, TimesPerDay = 1 }, exercise.Dosage);
        Assert.Equal(new Dosage { Repetitions = 2 }, exercise.ProgressionStep);
        Assert.Null(exercise.Dosage.HoldSeconds);
        Assert.Null(exercise.Dosage.Minutes);
    }

    [Fact]
    public void Load_DosageNotAnObject_OneProblemAtTheDosage()
    {
        var json = Exercise.Replace("\"dosage\":{\"holdSeconds\":null,\"repetitions\":10,\"sets\":1,\"minutes\":null,\"timesPerDay\":1}", "\"dosage\":5", StringComparison.Ordinal);

        var error = Assert.Throws<SciaticaValidationException>(() => Load(json));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.exercises[0].dosage", problem.Path);
        Assert.Equal("is the number 5; allowed values: a JSON object.", problem.Message);
    }

    [Fact]
    public void Load_SetsOfZero_OneProblemAtTheField()
    {
        var json = Exercise.Replace("\"repetitions\":10,\"sets\":1", "\"repetitions\":10,\"sets\":0", StringComparison.Ordinal);

        var error = Assert.Throws<SciaticaValidationException>(() => Load(json));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.exercises[0].dosage.sets", problem.Path);
        Assert.Equal("is the number 0; allowed values: an integer >= 1 or null.", problem.Message);
    }

    [Theory]
    [InlineData("\"sets\":0")]
    [InlineData("\"sets\":\"two\"")]
    public void Load_BrokenKindThenBrokenDosage_BothListed(string sets)
    {
        var json = Exercise
            .Replace("\"kind\":\"strengthening\"", "\"kind\":\"lifting\"", StringComparison.Ordinal)
            .Replace("\"repetitions\":10,\"sets\":1", "\"repetitions\":10," + sets, StringComparison.Ordinal);

        var error = Assert.Throws<SciaticaValidationException>(() => Load(json));

        Assert.Equal(["$.exercises[0].kind", "$.exercises[0].dosage.sets"], error.Problems.Select(p => p.Path));
    }

    [Fact]
    public void Load_BrokenKindThenDosageNotAnObject_BothListed()
    {
        var json = Exercise
            .Replace("\"kind\":\"strengthening\"", "\"kind\":\"lifting\"", StringComparison.Ordinal)
            .Replace("\"dosage\":{\"holdSeconds\":null,\"repetitions\":10,\"sets\":1,\"minutes\":null,\"timesPerDay\":1}", "\"dosage\":[]", StringComparison.Ordinal);

        var error = Assert.Throws<SciaticaValidationException>(() => Load(json));

        Assert.Equal(["$.exercises[0].kind", "$.exercises[0].dosage"], error.Problems.Select(p => p.Path));
    }
}
