using System.Text;
using System.Text.Json;

namespace Sciatica.Rules;

/// <content>The readers: a document in, a validated value out, or every problem at once.</content>
public static partial class SciaticaJson
{
    /// <summary>Reads a patient profile document.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated profile.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="SciaticaValidationException">The document is not valid JSON or breaks the contract; every problem is listed with its path.</exception>
    public static PatientProfile ReadProfile(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        // Text is read as its UTF-8; an unpaired surrogate, which UTF-8 cannot hold, becomes U+FFFD on the way.
        return ProfileReader.Read(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads a patient profile document from UTF-8 bytes.</summary>
    /// <param name="utf8Json">The JSON text as UTF-8.</param>
    /// <returns>The validated profile.</returns>
    /// <exception cref="SciaticaValidationException">The document is not valid JSON or breaks the contract; every problem is listed with its path.</exception>
    public static PatientProfile ReadProfile(ReadOnlyMemory<byte> utf8Json) => ProfileReader.Read(utf8Json.Span);

    /// <summary>The largest profile or review document the stream readers accept, in bytes.</summary>
    public const int MaximumDocumentBytes = 1024 * 1024;

    /// <summary>Reads a patient profile document from a stream of UTF-8 JSON.</summary>
    /// <param name="utf8Json">The document; read to its end.</param>
    /// <returns>The validated profile.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="SciaticaValidationException">The document is larger than <see cref="MaximumDocumentBytes"/>, not valid JSON, or breaks the contract.</exception>
    public static PatientProfile ReadProfile(Stream utf8Json) => FromStream(utf8Json, "profile", ReadProfile);

    /// <summary>Reads a patient profile document from a stream of UTF-8 JSON, asynchronously (for example a request body).</summary>
    /// <param name="utf8Json">The document; read to its end.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The validated profile.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="SciaticaValidationException">The document is larger than <see cref="MaximumDocumentBytes"/>, not valid JSON, or breaks the contract.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<PatientProfile> ReadProfileAsync(Stream utf8Json, CancellationToken cancellationToken = default) =>
        FromStreamAsync(utf8Json, "profile", ReadProfile, cancellationToken);

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
        return ProfileReader.Read(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element));
    }

    /// <summary>Reads a session review document: <c>{ "profile": ..., "feedback": ... }</c>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated request.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="SciaticaValidationException">The document is not valid JSON or breaks the contract; every problem is listed with its path.</exception>
    public static ReviewRequest ReadReviewRequest(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        // Text is read as its UTF-8; an unpaired surrogate, which UTF-8 cannot hold, becomes U+FFFD on the way.
        return ReviewReader.Read(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads a session review document from UTF-8 bytes.</summary>
    /// <param name="utf8Json">The JSON text as UTF-8.</param>
    /// <returns>The validated request.</returns>
    /// <exception cref="SciaticaValidationException">The document is not valid JSON or breaks the contract; every problem is listed with its path.</exception>
    public static ReviewRequest ReadReviewRequest(ReadOnlyMemory<byte> utf8Json) => ReviewReader.Read(utf8Json.Span);

    /// <summary>Reads a session review document from a stream of UTF-8 JSON.</summary>
    /// <param name="utf8Json">The document; read to its end.</param>
    /// <returns>The validated request.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="SciaticaValidationException">The document is larger than <see cref="MaximumDocumentBytes"/>, not valid JSON, or breaks the contract.</exception>
    public static ReviewRequest ReadReviewRequest(Stream utf8Json) => FromStream(utf8Json, "review request", ReadReviewRequest);

    /// <summary>Reads a session review document from a stream of UTF-8 JSON, asynchronously (for example a request body).</summary>
    /// <param name="utf8Json">The document; read to its end.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The validated request.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="SciaticaValidationException">The document is larger than <see cref="MaximumDocumentBytes"/>, not valid JSON, or breaks the contract.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<ReviewRequest> ReadReviewRequestAsync(Stream utf8Json, CancellationToken cancellationToken = default) =>
        FromStreamAsync(utf8Json, "review request", ReadReviewRequest, cancellationToken);

    /// <summary>Reads a whole document of at most <see cref="MaximumDocumentBytes"/> from a stream, then reads it with <paramref name="read"/>.</summary>
    private static T FromStream<T>(Stream utf8Json, string subject, Func<ReadOnlyMemory<byte>, T> read)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return read(DocumentReader.ReadAll(utf8Json, MaximumDocumentBytes, subject));
    }

    /// <summary>As <see cref="FromStream"/>, asynchronously; a null stream fails the task, as it did in each reader.</summary>
    private static async Task<T> FromStreamAsync<T>(Stream utf8Json, string subject, Func<ReadOnlyMemory<byte>, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return read(await DocumentReader.ReadAllAsync(utf8Json, MaximumDocumentBytes, subject, cancellationToken).ConfigureAwait(false));
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
}
