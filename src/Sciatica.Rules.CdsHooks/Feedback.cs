using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Sciatica.Rules.CdsHooks;

/// <summary>
/// The feedback endpoint (CDS Hooks 2.0): <c>{"feedback": [{"card", "outcome", ...}]}</c>. Only the card id, the outcome and
/// the override reason's code are logged, each checked for shape first: never patient data, comments or raw input.
/// </summary>
internal static partial class Feedback
{
    public static async Task<IResult> InvokeAsync(HttpContext context, int limit, ILogger logger)
    {
        var (body, error) = await Problems.ReadJsonBody(context.Request, limit).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        var (document, problem) = BoundedJson.Parse(body);
        if (document is null)
        {
            return Problems.BadRequest("The feedback is not JSON this service reads.", problem!);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("feedback", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                return Invalid("$.feedback", "is required: an array of feedback objects.");
            }

            var accepted = new List<(string Card, string Outcome, string Reason)>();
            var index = 0;
            foreach (var item in items.EnumerateArray())
            {
                var path = $"$.feedback[{index++}]";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    return Invalid(path, "must be an object.");
                }

                var card = Text(item, "card");
                if (card is null || !Guid.TryParse(card, out _))
                {
                    return Invalid(path + ".card", "is required: the uuid of a card.");
                }

                var outcome = Text(item, "outcome");
                if (outcome is not ("accepted" or "overridden"))
                {
                    return Invalid(path + ".outcome", "is required; allowed values: accepted, overridden.");
                }

                var reason = item.TryGetProperty("overrideReason", out var overrideReason) && overrideReason.ValueKind == JsonValueKind.Object
                    && overrideReason.TryGetProperty("reason", out var coding) && coding.ValueKind == JsonValueKind.Object ? Text(coding, "code") : null;
                accepted.Add((card, outcome, reason is not null && Code().IsMatch(reason) ? reason : "none"));
            }

            foreach (var (card, outcome, reason) in accepted)
            {
                LogFeedback(logger, card, outcome, reason);
            }

            return Results.Ok();
        }
    }

    private static IResult Invalid(string path, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [path] = [message] }, title: "The feedback is invalid.");

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex("^[A-Za-z0-9\\-\\._]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Code();

    [LoggerMessage(EventId = 2610, Level = LogLevel.Information, Message = "CDS Hooks feedback: card {Card} {Outcome}; override reason {OverrideReason}")]
    private static partial void LogFeedback(ILogger logger, string card, string outcome, string overrideReason);
}
