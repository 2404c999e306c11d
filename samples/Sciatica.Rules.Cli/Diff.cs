using System.Text;
using System.Text.Json;
using Sciatica.Rules;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Cli;

/// <summary><c>diff</c>: every decision that changes between two catalogs, for a clinical lead to read before sign-off.</summary>
internal static class Diff
{
    public const string Help = """
        sciatica-rules diff: which decisions change between two catalogs, and the rules responsible.

        Usage:
          sciatica-rules diff --from CATALOG|default --to CATALOG|default [--format text|json]

        Compares the decisions of both catalogs over a seeded sample of 20,000 profiles drawn from the
        values the rules read (every cause and red flag, pain bands, ages, weeks and thresholds of both
        catalogs with one either side). The same catalogs always give the same report.

        """ + "\n" + CommandLine.ExitCodesHelp;

    public static int Run(string from, string to, string format, TextWriter output)
    {
        var comparison = RuleSetDiff.Compare(Load(from), Load(to));
        output.Write(format == "json" ? Json(comparison) : TerminalText.Lines(Text(comparison)));
        return comparison.Changes.Count == 0 ? ExitCodes.Decided : ExitCodes.Changes;
    }

    private static ProgramSelector Load(string catalog) => catalog == "default" ? ProgramSelector.Default : CatalogLoader.Load(catalog);

    private static string Text(RuleSetComparison c)
    {
        var text = new StringBuilder();
        text.Append("From: ").Append(c.From).Append('\n').Append("To:   ").Append(c.To).Append('\n');
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"Compared {c.ProfilesCompared} profiles (seeded sample, seed {c.Seed}).\n\n");
        if (c.Changes.Count == 0)
        {
            text.Append("No decision changes.\n");
            return text.ToString();
        }

        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{c.Changes.Count} kinds of change, {c.Changes.Sum(x => x.Profiles)} profiles:\n");
        var number = 0;
        foreach (var change in c.Changes)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\n{++number}. {change.Profiles} profiles: {TextReport.Name(change.FromDecision)}{When(change.FromTimeframe)} -> {TextReport.Name(change.ToDecision)}{When(change.ToTimeframe)}\n");
            if (change.ExercisesRemoved.Count > 0)
            {
                text.Append("   left out now: ").Append(string.Join(", ", change.ExercisesRemoved)).Append('\n');
            }

            if (change.ExercisesAdded.Count > 0)
            {
                text.Append("   added now:    ").Append(string.Join(", ", change.ExercisesAdded)).Append('\n');
            }

            text.Append("   rules:        ").Append(string.Join(", ", change.RuleIds)).Append('\n');
            text.Append("   for example:  ").Append(SciaticaJson.WriteProfile(change.ExampleProfile)).Append('\n');
        }

        return text.ToString();
    }

    private static string Json(RuleSetComparison c)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("from", c.From);
            writer.WriteString("to", c.To);
            writer.WriteNumber("profilesCompared", c.ProfilesCompared);
            writer.WriteNumber("seed", c.Seed);
            writer.WriteStartArray("changes");
            foreach (var change in c.Changes)
            {
                writer.WriteStartObject();
                writer.WriteNumber("profiles", change.Profiles);
                writer.WriteString("fromDecision", TextReport.Name(change.FromDecision));
                writer.WriteString("toDecision", TextReport.Name(change.ToDecision));
                WriteTimeframe(writer, "fromTimeframe", change.FromTimeframe);
                WriteTimeframe(writer, "toTimeframe", change.ToTimeframe);
                Strings(writer, "exercisesAdded", change.ExercisesAdded);
                Strings(writer, "exercisesRemoved", change.ExercisesRemoved);
                Strings(writer, "ruleIds", change.RuleIds);
                writer.WritePropertyName("exampleProfile");
                writer.WriteRawValue(SciaticaJson.WriteProfile(change.ExampleProfile));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>How soon, after a decision that is not a program: a later timeframe alone is a change a lead must see.</summary>
    private static string When(Timeframe? timeframe) => timeframe is { } t ? " (" + TextReport.Name(t) + ")" : string.Empty;

    private static void WriteTimeframe(Utf8JsonWriter writer, string name, Timeframe? timeframe)
    {
        if (timeframe is { } t)
        {
            writer.WriteString(name, TextReport.Name(t));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void Strings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
