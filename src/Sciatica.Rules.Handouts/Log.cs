using Microsoft.Extensions.Logging;

namespace Sciatica.Rules.Handouts;

/// <summary>The handout's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Handout in '{Language}': {Count} sentences have no translation and are shown in English: {Keys}")]
    public static partial void Untranslated(ILogger logger, string language, int count, string keys);
}
