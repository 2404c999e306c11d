using System.Text.Json.Nodes;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Testing;

/// <summary>
/// Injection payloads (#27, point 5) and a catalog whose every free text carries them, for the tests of each output
/// (one source file, linked into the test projects that need it).
/// </summary>
internal static class HostileText
{
    /// <summary>Script, HTML with an event handler, a javascript link, a remote tracking image, bidi overrides and isolates, ESC sequences (window title, clear screen), BEL and a C1 control.</summary>
    public static IReadOnlyList<string> Payloads { get; } =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "![](http://tracker.example/pixel.png)",
        "<https://evil.example>",
        "Walking\u202Egnikaw \u2066isolated\u2069",
        "\u001B]0;owned\u0007 title \u001B[2J cleared \u009B31m csi \u0085 next",
    ];

    /// <summary>Every payload in one text, with a marker in words that must still be readable in each output.</summary>
    public static string All(string marker) => marker + " " + string.Join(" ", Payloads);

    /// <summary>Gets whether a character would act on a reader instead of being read: C0 (but LF, CR, tab), DEL, C1, or a bidi control.</summary>
    public static bool IsCommand(char c) =>
        (c < ' ' && c is not '\n' and not '\r' and not '\t') || c is >= '\u007F' and <= '\u009F' || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069' || c is '\u200E' or '\u200F' or '\u061C';

    /// <summary>Gets whether a character is a bidirectional control (mark, embedding, override or isolate).</summary>
    public static bool IsBidi(char c) => c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069' || c is '\u200E' or '\u200F' or '\u061C';

    /// <summary>The default catalog written out with every name, rationale, instruction and message replaced by payloads, and a declared source whose citation carries them; loaded.</summary>
    public static ProgramSelector Catalog()
    {
        var document = JsonNode.Parse(CatalogLoader.Write(ProgramSelector.Default.Catalog, ProgramSelector.Default.RuleSet))!.AsObject();
        document["name"] = "hostile";
        document["sources"] = new JsonArray(new JsonObject { ["id"] = "HOSTILE", ["citation"] = All("citation"), ["supports"] = All("supports") });
        var number = 0;
        foreach (var exercise in document["exercises"]!.AsArray().Select(e => e!.AsObject()))
        {
            exercise["name"] = All("exercise" + ++number);
            exercise["rationale"] = All("rationale");
            exercise["instructions"] = new JsonArray([.. exercise["instructions"]!.AsArray().Select(_ => (JsonNode?)JsonValue.Create(All("step")))]);
            exercise["source"] = "HOSTILE";
        }

        foreach (var rule in document["contraindications"]!.AsArray().Concat(document["screening"]!.AsArray()).Select(r => r!.AsObject()))
        {
            rule["rationale"] = All("rationale");
        }

        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(document.ToJsonString()));
        return CatalogLoader.Load(stream);
    }
}
