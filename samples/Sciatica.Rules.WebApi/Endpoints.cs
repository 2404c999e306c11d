using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Sciatica.Rules;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.WebApi;

/// <summary>The HTTP API: decisions, reviews, the catalog and the rules.</summary>
internal static class Endpoints
{
    /// <summary>The largest request body accepted: a profile is a few hundred bytes.</summary>
    public const int MaximumBodyBytes = 64 * 1024;

    private const string Json = "application/json";

    public static void MapSciaticaRules(this IEndpointRouteBuilder app)
    {
        // ?whatIf=true adds what would change the decision (CONTRACT.md, "What would change it").
        app.MapPost("/api/decisions", async (HttpRequest request, IProgramSelector selector) =>
            WhatIf(request) is not { } whatIf
                ? Results.ValidationProblem(
                    new Dictionary<string, string[]> { ["whatIf"] = [$"is '{request.Query["whatIf"]}'; allowed values: true, false."] },
                    title: "The whatIf parameter is not valid.")
                : await Handle(request, "profile", body => SciaticaJson.WriteDecision(selector.Select(SciaticaJson.ReadProfile(body), whatIf))));

        app.MapPost("/api/reviews", async (HttpRequest request, ISessionReviewer reviewer) =>
            await Handle(request, "review request", body =>
            {
                var input = SciaticaJson.ReadReviewRequest(body);
                return SciaticaJson.WriteReview(reviewer.Review(input.Profile, input.Sessions));
            }));

        // The patient handout: the same input as /api/decisions (or /api/reviews), printable HTML out, ?lang=en|de.
        app.MapPost("/handout", async (HttpRequest request, IProgramSelector selector, Handouts.HandoutRenderer renderer) =>
            await HandleHandout(request, "profile", (body, language) =>
            {
                var profile = SciaticaJson.ReadProfile(body);
                return renderer.RenderAsync(selector.Select(profile), new Handouts.HandoutOptions { Language = language, Pregnant = profile.PregnancyWeeks is not null, AffectedSide = profile.AffectedSide }, request.HttpContext.RequestAborted);
            }));

        app.MapPost("/handout/review", async (HttpRequest request, IProgramSelector selector, ISessionReviewer reviewer, Handouts.HandoutRenderer renderer) =>
            await HandleHandout(request, "review request", (body, language) =>
            {
                var input = SciaticaJson.ReadReviewRequest(body);
                var options = new Handouts.HandoutOptions { Language = language, Pregnant = input.Profile.PregnancyWeeks is not null, AffectedSide = input.Profile.AffectedSide, Plan = selector.Select(input.Profile) };
                return renderer.RenderReviewAsync(reviewer.Review(input.Profile, input.Sessions), options, request.HttpContext.RequestAborted);
            }));

        app.MapGet("/api/catalog", (ProgramSelector selector) =>
            Results.Text(CatalogLoader.Write(selector.Catalog, selector.RuleSet), Json, Encoding.UTF8));

        app.MapGet("/api/rules", (ProgramSelector selector) =>
            Results.Text(SciaticaJson.WriteRules(selector.RuleSet.Rules), Json, Encoding.UTF8));
    }

    /// <summary>Reads the body (within the size limit) and answers with the contract JSON, or an RFC 9457 problem naming each bad field.</summary>
    private static async Task<IResult> Handle(HttpRequest request, string subject, Func<ReadOnlyMemory<byte>, string> answer)
    {
        var (body, error) = await ReadBody(request);
        if (error is not null)
        {
            return error;
        }

        try
        {
            return Results.Text(answer(body), Json, Encoding.UTF8);
        }
        catch (SciaticaValidationException ex)
        {
            return Invalid(ex, subject);
        }
    }

    /// <summary>Checks the language, reads the body and answers with the handout's HTML, or a problem naming what is wrong.</summary>
    private static async Task<IResult> HandleHandout(HttpRequest request, string subject, Func<ReadOnlyMemory<byte>, string, Task<Handouts.Handout>> render)
    {
        var language = request.Query["lang"].ToString();
        language = language.Length == 0 ? Handouts.HandoutLanguages.English : language;
        if (!Handouts.HandoutLanguages.IsSupported(language))
        {
            // Answered before the body is read: the connection cannot carry another request after it.
            CloseAfterResponse(request);
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["lang"] = [$"is '{language}'; allowed values: {string.Join(", ", Handouts.HandoutLanguages.All)}."] },
                title: "The handout language is not supported.");
        }

        var (body, error) = await ReadBody(request);
        if (error is not null)
        {
            return error;
        }

        try
        {
            var handout = await render(body, language);
            return Results.Text(handout.Html, "text/html", Encoding.UTF8);
        }
        catch (SciaticaValidationException ex)
        {
            return Invalid(ex, subject);
        }
    }

    /// <summary>The selection options ?whatIf asks for (absent or false: none), or null when its value is not true or false.</summary>
    private static SelectionOptions? WhatIf(HttpRequest request) => request.Query["whatIf"].ToString() switch
    {
        "" or "false" => SelectionOptions.None,
        "true" => SelectionOptions.WithWhatWouldChange,
        _ => null,
    };

    /// <summary>A validation failure as an RFC 9457 problem: every problem, keyed by its path.</summary>
    public static IResult Invalid(SciaticaValidationException ex, string subject)
    {
        var errors = ex.Problems.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
        var problems = ex.Problems.Count == 1 ? ex.Problems[0].ToString() : $"{ex.Problems.Count} problems; see errors, keyed by path.";
        // The red flags that could be read give an emergency or urgent decision: it comes first, and as an object a host can act on.
        var extensions = ex.Screening is { } screening
            ? new Dictionary<string, object?> { ["screening"] = System.Text.Json.Nodes.JsonNode.Parse(SciaticaJson.WriteScreening(screening)) }
            : null;
        return Results.ValidationProblem(
            errors,
            detail: ex.Screening is { } s ? s.Summary() + " " + problems : problems,
            title: $"The {subject} is invalid.",
            type: "https://datatracker.ietf.org/doc/html/rfc9457",
            extensions: extensions);
    }

    /// <summary>
    /// Reads a JSON request body as bytes, or says why not: 415 for a body that is not declared JSON, 413 over the size
    /// limit (closing the connection), 400 for an empty body or one sent too slowly or cut short. Never a 500.
    /// </summary>
    public static async Task<(ReadOnlyMemory<byte> Body, IResult? Error)> ReadBody(HttpRequest request)
    {
        if (!IsJson(request.ContentType))
        {
            CloseAfterResponse(request);
            return (default, Results.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "The request body must be JSON.",
                detail: $"Content-Type is '{request.ContentType}'; allowed values: application/json (or a +json media type), UTF-8."));
        }

        if (request.ContentLength > MaximumBodyBytes)
        {
            return (default, TooLarge(request));
        }

        var feature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = MaximumBodyBytes;
        }

        ReadOnlyMemory<byte> body;
        try
        {
            body = await ReadLimited(request.Body, request.HttpContext.RequestAborted);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (default, TooLarge(request));
        }
        catch (BadHttpRequestException ex)
        {
            // A body sent too slowly (Kestrel's minimum data rate) or cut short: the client's fault, said plainly, never a 500.
            CloseAfterResponse(request);
            return (default, Results.Problem(statusCode: ex.StatusCode, title: "The request body could not be read.", detail: ex.Message));
        }
        catch (IOException) when (!request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // Framing Kestrel cannot read (for example a chunk-size line that overflows): the body is unreadable, the
            // connection unusable. Said as a 400, never a 500; the exception's text is not echoed.
            CloseAfterResponse(request);
            return (default, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request body could not be read.", detail: "The body's framing (Content-Length or chunked transfer encoding) is invalid."));
        }
        catch (InvalidDataException)
        {
            return (default, TooLarge(request));
        }

        if (body.IsEmpty)
        {
            return (default, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request body is empty.", detail: "Send one JSON document as the body."));
        }

        return (body, null);
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase))
        && (!media.Charset.HasValue || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    private static async Task<ReadOnlyMemory<byte>> ReadLimited(Stream body, CancellationToken cancel)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancel)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaximumBodyBytes)
            {
                throw new InvalidDataException("The request body is too large.");
            }
        }

        // Bytes, not text: the reader reports invalid UTF-8 as a problem instead of guessing replacement characters.
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    /// <summary>
    /// Marks the response to close the connection: an answer sent before the body was read whole leaves the rest of it
    /// on the connection, so a client must not send its next request there.
    /// </summary>
    private static void CloseAfterResponse(HttpRequest request) => request.HttpContext.Response.Headers.Connection = "close";

    private static IResult TooLarge(HttpRequest request)
    {
        // The rest of the body is not read, so the connection cannot be reused: say so, or clients send the next request into it.
        CloseAfterResponse(request);
        return Results.Problem(
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "The request body is too large.",
            detail: $"A request body may be at most {MaximumBodyBytes} bytes.");
    }
}
