using System.Text.Json;

namespace Sciatica.Rules;

/// <summary>Reads a dosage object: every field optional, null or a positive integer.</summary>
internal static class DosageReader
{
    internal static readonly string[] Properties = ["holdSeconds", "repetitions", "sets", "minutes", "timesPerDay"];

    private static readonly byte[][] Names = Utf8Names.Of(Properties);

    private static readonly string Allowed = string.Join(", ", Properties);

    /// <summary>Reads the dosage object at the current token; its problems go to <paramref name="slot"/> of <paramref name="parent"/>, and then it is null.</summary>
    public static Dosage? Read(ref JsonPass json, string path, ref ProblemBuffer? parent, int slot)
    {
        ProblemBuffer? problems = null;
        if (json.Token != JsonTokenType.StartObject)
        {
            JsonValues.Wrong(ref json, ref problems, 0, new FieldPath(path, null), "a JSON object");
            (parent ??= new()).AddAll(slot, problems);
            return null;
        }

        // 0: not given (a given value is at least 1); one per name of Names.
        Span<int> values = [0, 0, 0, 0, 0];
        var fields = new ObjectFields(path, Names, Properties, Allowed);
        while (fields.Next(ref json, ref problems))
        {
            var field = fields.Field;
            // A value that is not an integer >= 1 leaves null (0 here) and a problem, which refuses the dosage.
            JsonValues.Integer(ref json, ref problems, field + 1, new FieldPath(path, Properties[field]), 1, int.MaxValue, nullable: true, out var value);
            values[field] = value ?? 0;
        }

        if (problems is not null)
        {
            (parent ??= new()).AddAll(slot, problems);
            return null;
        }

        static int? Given(int value) => value > 0 ? value : null;
        return new Dosage { HoldSeconds = Given(values[0]), Repetitions = Given(values[1]), Sets = Given(values[2]), Minutes = Given(values[3]), TimesPerDay = Given(values[4]) };
    }
}
