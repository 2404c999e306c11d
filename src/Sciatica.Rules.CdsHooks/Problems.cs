using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Sciatica.Rules.CdsHooks;

/// <summary>Reading a JSON body and the RFC 9457 problem documents the service answers with.</summary>
internal static class Problems
{
    public static IResult BadRequest(string title, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: Bound(detail));

    /// <summary>At most 300 characters of a message that may echo input.</summary>
    public static string Bound(string text) => text.Length <= 300 ? text : text[..300] + "…";

    /// <summary>The body as bytes, or a problem: 415 when not declared JSON, 413 over the limit, 400 empty or cut short.</summary>
    public static async Task<(ReadOnlyMemory<byte> Body, IResult? Error)> ReadJsonBody(HttpRequest request, int limit)
    {
        if (!IsJson(request.ContentType))
        {
            return (default, Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The request body must be JSON.", detail: "Content-Type must be application/json (UTF-8)."));
        }

        if (request.ContentLength > limit)
        {
            return (default, TooLarge(request, limit));
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        byte[]? body;
        try
        {
            body = await BodyReading.ReadAsync(request.Body, limit, request.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex)
        {
            // Too large, too slow, cut short or badly framed: the client's fault, said plainly, and the connection is not reused.
            request.HttpContext.Response.Headers.Connection = "close";
            return (default, Results.Problem(statusCode: ex.StatusCode, title: "The request body could not be read.", detail: Bound(ex.Message)));
        }
        catch (IOException ex)
        {
            request.HttpContext.Response.Headers.Connection = "close";
            return (default, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request body could not be read.", detail: Bound(ex.Message)));
        }

        if (body is null)
        {
            return (default, TooLarge(request, limit));
        }

        return body.Length == 0
            ? (default, BadRequest("The request body is empty.", "Send one JSON document as the body."))
            : (body, null);
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase))
        && (!media.Charset.HasValue || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    private static IResult TooLarge(HttpRequest request, int limit)
    {
        request.HttpContext.Response.Headers.Connection = "close";
        return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request body is too large.", detail: $"A request body may be at most {limit} bytes.");
    }
}
