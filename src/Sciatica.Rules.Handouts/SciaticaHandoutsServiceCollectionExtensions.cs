using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Sciatica.Rules.Handouts;

/// <summary>Registers the patient handout renderer in a .NET dependency injection container.</summary>
public static class SciaticaHandoutsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="HandoutRenderer"/> as a singleton over the registered <see cref="IProgramSelector"/>, so
    /// its handouts use the host's catalog (names, steps and the pain limit). Also registers the engine over the
    /// default catalog unless one is registered already (<c>AddSciaticaRules</c> before or after this call configures
    /// it). Registrations use <c>TryAdd</c>: calling this twice registers once and a registration of your own wins.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddSciaticaHandouts(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSciaticaRules();
        services.TryAddSingleton(provider => new HandoutRenderer(
            provider.GetRequiredService<IProgramSelector>(),
            provider.GetService<ILogger<HandoutRenderer>>()));
        return services;
    }
}
