using Microsoft.Extensions.Logging;

namespace Sciatica.Rules;

/// <summary>The library's log messages (source-generated): catalog loaded or refused. No patient data.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, EventName = "CatalogLoaded", Level = LogLevel.Information,
        Message = "Loaded catalog {CatalogName} version {CatalogVersion}: rule set {RuleSetVersion}, {ExerciseCount} exercises, {ContraindicationCount} contraindications")]
    public static partial void CatalogLoaded(ILogger logger, string catalogName, string catalogVersion, string ruleSetVersion, int exerciseCount, int contraindicationCount);

    [LoggerMessage(EventId = 2, EventName = "CatalogRefused", Level = LogLevel.Error,
        Message = "Refused catalog with {ProblemCount} problems: {Problems}")]
    public static partial void CatalogRefused(ILogger logger, int problemCount, string problems);
}
