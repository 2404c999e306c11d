using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Sciatica.Rules;

/// <summary>
/// Reads and writes the documents of the JSON contract: strict reading (unknown properties, unknown
/// enum values, wrong types, out-of-range numbers, duplicate properties and missing required fields are
/// errors naming the field and the allowed values) and deterministic writing (equal values give
/// byte-identical JSON).
/// </summary>
/// <remarks>Thread-safe. Uses only source-generated serializer metadata, so it is trim and AOT safe.</remarks>
public static class SciaticaJson
{
    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowDuplicateProperties = false, MaxDepth = 32 };

    /// <summary>Reads a patient profile document.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated profile.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="SciaticaValidationException">The document is not valid JSON or breaks the contract; every problem is listed with its path.</exception>
    public static PatientProfile ReadProfile(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Screened("profile", () => Encoding.UTF8.GetBytes(json), () =>
        {
            // A plainly valid document (well-formed UTF-16, so it converts to UTF-8 unchanged) is read without a document
            // tree; anything else goes to the strict reader, which reports every problem as before.
            var utf8 = new byte[Encoding.UTF8.GetByteCount(json)];
            if (System.Text.Unicode.Utf8.FromUtf16(json, utf8, out _, out var written, replaceInvalidSequences: false) == System.Buffers.OperationStatus.Done
                && FastProfileReader.TryRead(utf8.AsSpan(0, written)) is { } profile)
            {
                return profile;
            }

            using var document = Parse(json, "profile");
            return ReadCheckedProfile(document.RootElement);
        });
    }

    /// <summary>Reads a patient profile document from UTF-8 bytes.</summary>
    /// <param name="utf8Json">The JSON text as UTF-8.</param>
    /// <returns>The validated profile.</returns>
    /// <exception cref="SciaticaValidationException">The document is not valid JSON or breaks the contract; every problem is listed with its path.</exception>
    public static PatientProfile ReadProfile(ReadOnlyMemory<byte> utf8Json) =>
        Screened("profile", () => utf8Json, () =>
        {
            // A plainly valid document is read without a document tree; anything else goes to the strict reader, which reports every problem.
            return FastProfileReader.TryRead(utf8Json.Span) ?? ReadProfileStrictly(utf8Json);
        });

    /// <summary>The strict reader alone: the document tree, every problem listed.</summary>
    internal static PatientProfile ReadProfileStrictly(ReadOnlyMemory<byte> utf8Json) =>
        Guard("profile", () =>
        {
            using var document = Parse(utf8Json, "profile");
            return ReadCheckedProfile(document.RootElement);
        });

    /// <summary>The largest profile or review document the stream readers accept, in bytes.</summary>
    public const int MaximumDocumentBytes = 1024 * 1024;

    /// <summary>Reads a patient profile document from a stream of UTF-8 JSON.</summary>
    /// <param name="utf8Json">The document; read to its end.</param>
    /// <returns>The validated profile.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="SciaticaValidationException">The document is larger than <see cref="MaximumDocumentBytes"/>, not valid JSON, or breaks the contract.</exception>
    public static PatientProfile ReadProfile(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return ReadProfile(DocumentReader.ReadAll(utf8Json, MaximumDocumentBytes, "profile"));
    }

    /// <summary>Reads a patient profile document from a stream of UTF-8 JSON, asynchronously (for example a request body).</summary>
    /// <param name="utf8Json">The document; read to its end.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The validated profile.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="SciaticaValidationException">The document is larger than <see cref="MaximumDocumentBytes"/>, not valid JSON, or breaks the contract.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<PatientProfile> ReadProfileAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return ReadProfile(await DocumentReader.ReadAllAsync(utf8Json, MaximumDocumentBytes, "profile", cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Reads a patient profile from an already parsed JSON element.</summary>
    /// <param name="element">The profile object.</param>
    /// <returns>The validated profile.</returns>
    /// <exception cref="SciaticaValidationException">The element breaks the contract; every problem is listed with its path.</exception>
    /// <remarks>
    /// The element is read from its JSON text, as <see cref="ReadProfile(ReadOnlyMemory{byte})"/> reads a document, so
    /// that it gets the same answer: a property given twice (which <see cref="JsonDocument"/> may have allowed) is
    /// refused, and so is nesting deeper than the readers accept. Lines in problems count from the element's first line.
    /// </remarks>
    public static PatientProfile ReadProfile(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Undefined)
        {
            throw Invalid("profile", "$", "must be a JSON object, not nothing.");
        }

        // The raw UTF-8 as parsed, not re-encoded text: bytes the parser let through (invalid UTF-8 in a string) stay as they were.
        return ReadProfile(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element).ToArray());
    }

    /// <summary>Reads a profile from a parsed element whose document was already checked (duplicates, depth).</summary>
    internal static PatientProfile ReadCheckedProfile(JsonElement element) =>
        Guard("profile", () =>
        {
            var problems = new ProblemList();
            var profile = ProfileReader.Read(element, "$", problems);
            problems.ThrowIfAny("profile");
            return profile!;
        });

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

    /// <summary>Reads a decision document, strictly.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="SciaticaValidationException">The document is not a valid decision.</exception>
    public static ProgramDecision ReadDecision(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Deserialize(json, "decision", ContractJson.Compact.ProgramDecision);
    }

    private static T Deserialize<T>(string json, string subject, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info)
    {
        try
        {
            return JsonSerializer.Deserialize(json, info) ?? throw Invalid(subject, "$", $"must be a {subject} object, not null.");
        }
        catch (JsonException ex)
        {
            throw Invalid(subject, ex.Path is null ? "$" : string.Join('.', ex.Path.Split('.').Select(ProblemList.Echo)), "is not valid: " + QuotesShortened(ex.Message), ex.LineNumber + 1);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            throw Invalid(subject, "$", "is not valid: " + QuotesShortened(ex.Message));
        }
    }

    /// <summary>Reads a session review document: <c>{ "profile": ..., "feedback": ... }</c>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated request.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="SciaticaValidationException">The document is not valid JSON or breaks the contract; every problem is listed with its path.</exception>
    public static ReviewRequest ReadReviewRequest(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Screened("review request", () => Encoding.UTF8.GetBytes(json), () =>
        {
            using var document = Parse(json, "review request");
            return ReadReviewRequest(document.RootElement);
        });
    }

    /// <summary>Reads a session review document from UTF-8 bytes.</summary>
    /// <param name="utf8Json">The JSON text as UTF-8.</param>
    /// <returns>The validated request.</returns>
    /// <exception cref="SciaticaValidationException">The document is not valid JSON or breaks the contract; every problem is listed with its path.</exception>
    public static ReviewRequest ReadReviewRequest(ReadOnlyMemory<byte> utf8Json) =>
        Screened("review request", () => utf8Json, () =>
        {
            using var document = Parse(utf8Json, "review request");
            return ReadReviewRequest(document.RootElement);
        });

    /// <summary>Reads a session review document from a stream of UTF-8 JSON.</summary>
    /// <param name="utf8Json">The document; read to its end.</param>
    /// <returns>The validated request.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="SciaticaValidationException">The document is larger than <see cref="MaximumDocumentBytes"/>, not valid JSON, or breaks the contract.</exception>
    public static ReviewRequest ReadReviewRequest(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return ReadReviewRequest(DocumentReader.ReadAll(utf8Json, MaximumDocumentBytes, "review request"));
    }

    /// <summary>Reads a session review document from a stream of UTF-8 JSON, asynchronously (for example a request body).</summary>
    /// <param name="utf8Json">The document; read to its end.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The validated request.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="SciaticaValidationException">The document is larger than <see cref="MaximumDocumentBytes"/>, not valid JSON, or breaks the contract.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<ReviewRequest> ReadReviewRequestAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return ReadReviewRequest(await DocumentReader.ReadAllAsync(utf8Json, MaximumDocumentBytes, "review request", cancellationToken).ConfigureAwait(false));
    }

    private static ReviewRequest ReadReviewRequest(JsonElement root)
    {
        var problems = new ProblemList();
        var request = ReviewReader.Read(root, problems);
        problems.ThrowIfAny("review request");
        return request!;
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

    /// <summary>Reads a session review document, strictly.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The review.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="SciaticaValidationException">The document is not a valid review.</exception>
    public static SessionReview ReadReview(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Deserialize(json, "review", ContractJson.Compact.SessionReview);
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

    /// <summary>
    /// Runs a reader so that any input, however hostile, ends in <see cref="SciaticaValidationException"/>: text the
    /// framework cannot decode (an escaped lone surrogate, a raw unpaired surrogate) becomes a problem at <c>$</c>.
    /// </summary>
    internal static T Guard<T>(string subject, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException or DecoderFallbackException or EncoderFallbackException)
        {
            var detail = ex is InvalidOperationException or DecoderFallbackException or EncoderFallbackException
                ? UndecodableText + " (for example an unpaired surrogate such as \\ud800)"
                : "holds a value that cannot be read (" + QuotesShortened(ex.Message) + ")";
            throw Invalid(subject, "$", detail + ", so it cannot be read.");
        }
    }

    /// <summary>
    /// Runs a profile or review reader like <see cref="Guard{T}(string, Func{T})"/>, and when it refuses the document, reads
    /// what it still can: text that cannot be decoded is reported at the property that holds it, and the red flags that
    /// can be read are screened on their own, so that a refusal naming emergency or urgent signs says so first
    /// (<see cref="SciaticaValidationException.Screening"/>).
    /// </summary>
    private static T Screened<T>(string subject, Func<ReadOnlyMemory<byte>> utf8, Func<T> read)
    {
        try
        {
            try
            {
                return Guard(subject, read);
            }
            catch (SciaticaValidationException ex) when (ex.Problems.Count == 1 && ex.Problems[0].Path == "$" && ex.Problems[0].Message.StartsWith(UndecodableText, StringComparison.Ordinal)
                && LenientScan.UndecodablePath(utf8().Span) is { } path && path != "$")
            {
                throw Invalid(subject, path, ex.Problems[0].Message);
            }
        }
        catch (SciaticaValidationException ex) when (ex.Screening is null)
        {
            ex.Screening = RedFlagScreening.Of(LenientScan.RedFlags(utf8().Span));
            throw;
        }
    }

    private const string UndecodableText = "contains text that is not valid Unicode";

    internal static JsonDocument Parse(string json, string subject)
    {
        try
        {
            // A byte order mark at the start is accepted, as files saved by many editors carry one.
            return JsonDocument.Parse(json.StartsWith('\uFEFF') ? json.AsMemory(1) : json.AsMemory(), DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw Malformed(subject, ex, () => System.Text.Encoding.UTF8.GetBytes(json));
        }
    }

    internal static JsonDocument Parse(ReadOnlyMemory<byte> utf8Json, string subject)
    {
        try
        {
            return JsonDocument.Parse(utf8Json.Span.StartsWith(Utf8ByteOrderMark) ? utf8Json[3..] : utf8Json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw Malformed(subject, ex, utf8Json.ToArray);
        }
    }

    private static SciaticaValidationException Malformed(string subject, JsonException ex, Func<byte[]> utf8)
    {
        if (ex.LineNumber is null && JsonLineMap.Duplicates(utf8()) is { Count: > 0 } duplicates)
        {
            // The parser reports a duplicate property without its place; find every one with its path, line and position.
            return new SciaticaValidationException(subject, duplicates.Report());
        }

        var where = string.Create(CultureInfo.InvariantCulture, $"line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}");
        // The parser's message may quote the input (an invalid literal, a whole property name): each quote is cut.
        var detail = QuotesShortened(ex.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.', ' '));
        return Invalid(subject, "$", $"is not valid JSON at {where}: {detail}; allowed: one JSON document (an object) in UTF-8.", ex.LineNumber + 1);
    }

    /// <summary>A framework message with each quoted piece of input cut to the echo bound, and the whole to 200 characters.</summary>
    internal static string QuotesShortened(string message)
    {
        var parts = message.Split('\'');
        for (var i = 1; i < parts.Length; i += 2)
        {
            parts[i] = ProblemList.Echo(parts[i]);
        }

        return ProblemList.Bounded(string.Join('\'', parts), 200);
    }

    private static SciaticaValidationException Invalid(string subject, string path, string message, long? line = null) =>
        new(subject, [new ValidationProblem(path, message, line)]);
}
