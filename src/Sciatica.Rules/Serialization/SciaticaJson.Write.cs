using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Sciatica.Rules;

/// <content>The writers: deterministic JSON, equal values giving byte-identical text.</content>
public static partial class SciaticaJson
{
    /// <summary>Writes a decision document.</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="indented">Whether to indent the JSON for people; compact output is one line.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="decision"/> is null.</exception>
    public static string WriteDecision(ProgramDecision decision, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var output = new ArrayBufferWriter<byte>(8192);
        DecisionJson.Write(decision, output, indented);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    /// <summary>Writes a decision document as compact UTF-8 JSON (one line, no newline), the bytes <see cref="WriteDecision(ProgramDecision, bool)"/> encodes.</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="output">Where the bytes go.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <remarks>The fastest way to write decisions: the JSON of parts that decisions share is reused, not written again.</remarks>
    public static void WriteDecisionUtf8(ProgramDecision decision, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(output);
        DecisionJson.Write(decision, output);
    }

    /// <summary>Writes a profile patch (what would change a decision) as its compact JSON Merge Patch.</summary>
    /// <param name="patch">The patch.</param>
    /// <returns>The JSON text, one line.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="patch"/> is null.</exception>
    public static string WritePatch(ProfilePatch patch)
    {
        ArgumentNullException.ThrowIfNull(patch);
        return ProfilePatchConverter.Text(patch, ContractEncoder.Instance);
    }

    /// <summary>Writes a profile document.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="indented">Whether to indent the JSON for people.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    public static string WriteProfile(PatientProfile profile, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var context = indented ? ContractJson.Indented : ContractJson.Compact;
        return JsonSerializer.Serialize(profile, context.PatientProfile);
    }

    /// <summary>Writes a session review request document.</summary>
    /// <param name="request">The request.</param>
    /// <param name="indented">Whether to indent the JSON for people.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    public static string WriteReviewRequest(ReviewRequest request, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        return JsonSerializer.Serialize(request, (indented ? ContractJson.Indented : ContractJson.Compact).ReviewRequest);
    }

    /// <summary>Writes a session review document.</summary>
    /// <param name="review">The review.</param>
    /// <param name="indented">Whether to indent the JSON for people.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="review"/> is null.</exception>
    public static string WriteReview(SessionReview review, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(review);
        return JsonSerializer.Serialize(review, (indented ? ContractJson.Indented : ContractJson.Compact).SessionReview);
    }

    /// <summary>Writes rule descriptions (id, category, rationale, source, strength) as a JSON array.</summary>
    /// <param name="rules">The rules, for example <see cref="Catalogs.RuleSet.Rules"/>.</param>
    /// <param name="indented">Whether to indent the JSON for people.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/> is null.</exception>
    public static string WriteRules(IEnumerable<Catalogs.RuleDescription> rules, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return JsonSerializer.Serialize(rules.ToArray(), (indented ? ContractJson.Indented : ContractJson.Compact).IReadOnlyListRuleDescription);
    }

    /// <summary>Writes the screening notice of a rejected input: <c>{"decision", "timeframe", "reasons"}</c>.</summary>
    /// <param name="screening">The notice.</param>
    /// <returns>The JSON text, compact.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="screening"/> is null.</exception>
    public static string WriteScreening(ScreeningNotice screening)
    {
        ArgumentNullException.ThrowIfNull(screening);
        return JsonSerializer.Serialize(screening, ContractJson.Compact.ScreeningNotice);
    }

    internal static void WriteScreening(Utf8JsonWriter writer, ScreeningNotice screening) =>
        JsonSerializer.Serialize(writer, screening, ContractJson.Compact.ScreeningNotice);

    internal static string WriteDosage(Dosage dosage) => JsonSerializer.Serialize(dosage, ContractJson.Compact.Dosage);
}
