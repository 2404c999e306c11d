using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Sciatica.Rules.CdsHooks;

/// <summary>Registers the Sciatica.Rules CDS Hooks service in a .NET dependency injection container.</summary>
public static class SciaticaCdsHooksServiceCollectionExtensions
{
    /// <summary>
    /// Registers the CDS Hooks service and the engine (<see cref="SciaticaRulesServiceCollectionExtensions.AddSciaticaRules(IServiceCollection)"/>
    /// when none is registered): <see cref="SciaticaCdsHooksOptions"/> validated on start, CORS, the HTTP clients for the FHIR
    /// server and the JSON Web Key Sets, and <see cref="TimeProvider.System"/> unless a <see cref="TimeProvider"/> is registered.
    /// Bind the options from configuration with <c>services.AddOptions&lt;SciaticaCdsHooksOptions&gt;().Bind(section)</c>.
    /// Registrations use <c>TryAdd</c>: calling this twice registers the service once, and a registration of your own wins.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options, after configuration binding; optional.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddSciaticaCdsHooks(this IServiceCollection services, Action<SciaticaCdsHooksOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SciaticaCdsHooksOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.PostConfigure(configure);
        }

        if (services.Any(s => s.ServiceType == typeof(HookService)))
        {
            return services;
        }

        services.AddSciaticaRules();
        services.AddCors();
        services.AddHttpClient(Fetching.ClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SciaticaCdsHooksOptions>, SciaticaCdsHooksOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StartupNotice>());
        services.TryAddSingleton<Fetching>();
        services.TryAddSingleton<KeySets>();
        services.TryAddSingleton<ReplayGuard>();
        services.TryAddSingleton<ClientAuthenticator>();
        services.TryAddSingleton<HookService>();
        return services;
    }
}
