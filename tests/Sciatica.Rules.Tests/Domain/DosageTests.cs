namespace Sciatica.Rules.Tests.Domain;

public sealed class DosageTests
{
    public static TheoryData<int?, int?, int?, int?, int?> Doses() => new()
    {
        { null, null, null, null, null },
        { 30, 3, 2, null, null },
        { null, 10, 2, null, 2 },
        { null, null, null, 20, 1 },
        { 5, 12, 3, 15, 4 },
    };

    [Theory]
    [MemberData(nameof(Doses))]
    public void Describe_IsTheContractText(int? hold, int? repetitions, int? sets, int? minutes, int? timesPerDay)
    {
        var dosage = new Dosage { HoldSeconds = hold, Repetitions = repetitions, Sets = sets, Minutes = minutes, TimesPerDay = timesPerDay };

        Assert.Equal(SciaticaJson.WriteDosage(dosage), dosage.Describe());
    }

    [Fact]
    public void Describe_EveryDefaultCatalogBound_IsTheContractText()
    {
        Assert.All(
            ExerciseCatalogDoses(),
            dosage => Assert.Equal(SciaticaJson.WriteDosage(dosage), dosage.Describe()));
    }

    private static IEnumerable<Dosage> ExerciseCatalogDoses() =>
        Sciatica.Rules.Catalogs.ExerciseCatalog.Default.Exercises.SelectMany(e => new[] { e.Dosage, e.MinimumDosage, e.MaximumDosage });
}
