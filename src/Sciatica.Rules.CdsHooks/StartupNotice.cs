using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Sciatica.Rules.CdsHooks;

/// <summary>Says at start, as loudly as a log can, when the service answers calls nobody signed.</summary>
internal sealed partial class StartupNotice(IOptions<SciaticaCdsHooksOptions> options, ILogger<StartupNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.AllowUnauthenticatedCalls)
        {
            LogUnauthenticated(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 2600, Level = LogLevel.Critical, Message = "SECURITY: the Sciatica.Rules CDS Hooks service ANSWERS UNAUTHENTICATED CALLS (SciaticaCdsHooks:AllowUnauthenticatedCalls is true). Anyone who can reach it may call it. For development only: never in production.")]
    private static partial void LogUnauthenticated(ILogger logger);
}
