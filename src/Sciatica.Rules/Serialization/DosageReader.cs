using System.Text.Json;

namespace Sciatica.Rules;

/// <summary>Reads a dosage object: every field optional, null or a positive integer.</summary>
internal static class DosageReader
{
    internal static readonly string[] Properties = ["holdSeconds", "repetitions", "sets", "minutes", "timesPerDay"];

    public static Dosage? Read(JsonElement element, string path, ProblemList problems)
    {
        var before = problems.Count;
        var reader = new JsonElementReader(element, path, problems, Properties);
        if (!reader.IsObject)
        {
            return null;
        }

        var hold = reader.Integer("holdSeconds", required: false, 1, int.MaxValue, nullable: true);
        var repetitions = reader.Integer("repetitions", required: false, 1, int.MaxValue, nullable: true);
        var sets = reader.Integer("sets", required: false, 1, int.MaxValue, nullable: true);
        var minutes = reader.Integer("minutes", required: false, 1, int.MaxValue, nullable: true);
        var times = reader.Integer("timesPerDay", required: false, 1, int.MaxValue, nullable: true);
        return problems.Count > before
            ? null
            : new Dosage { HoldSeconds = hold, Repetitions = repetitions, Sets = sets, Minutes = minutes, TimesPerDay = times };
    }
}
