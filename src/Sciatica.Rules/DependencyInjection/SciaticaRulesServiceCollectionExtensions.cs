using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Sciatica.Rules;

/// <summary>Registers Sciatica.Rules in a .NET dependency injection container.</summary>
public static class SciaticaRulesServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine over the default catalog: <see cref="IProgramSelector"/>,
    /// <see cref="ProgramSelector"/> and <see cref="ISessionReviewer"/>, as singletons.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddSciaticaRules(this IServiceCollection services) => AddSciaticaRules(services, _ => { });

    /// <summary>Registers the engine over the catalog document at <paramref name="catalogPath"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="catalogPath">The path of the catalog document.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddSciaticaRules(this IServiceCollection services, string catalogPath)
    {
        ArgumentNullException.ThrowIfNull(catalogPath);
        return AddSciaticaRules(services, options => options.CatalogPath = catalogPath);
    }

    /// <summary>
    /// Registers the engine with its options read from a configuration section, for example
    /// <c>builder.Configuration.GetSection("SciaticaRules")</c> holding <c>CatalogPath</c> and
    /// <c>Thresholds:SeriousPathologyMaximumAge</c>. The section is read without reflection (trim- and AOT-safe).
    /// A key that is not a setting, or a threshold that is not a whole number, fails validation when the host
    /// starts, naming the key and the allowed settings or values, as does an invalid catalog.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The configuration section with the settings.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddSciaticaRules(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return AddSciaticaRules(services, options => SciaticaRulesConfiguration.Bind(section, options));
    }

    /// <summary>
    /// Registers the engine built from <see cref="SciaticaRulesOptions"/>. The options are validated when
    /// the host starts (<c>ValidateOnStart</c>): an invalid catalog stops start-up with every problem
    /// listed. Registrations use <c>TryAdd</c>, so calling this twice registers the engine once and a
    /// registration of your own wins.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddSciaticaRules(this IServiceCollection services, Action<SciaticaRulesOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<SciaticaRulesOptions>().Configure(configure).ValidateOnStart();
        services.TryAddSingleton(provider => new SciaticaRulesEngineBuilder(provider.GetService<Microsoft.Extensions.Logging.ILoggerFactory>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SciaticaRulesOptions>, SciaticaRulesOptionsValidator>());
        services.TryAddSingleton(provider => provider.GetRequiredService<SciaticaRulesEngineBuilder>().Build(provider.GetRequiredService<IOptions<SciaticaRulesOptions>>().Value));
        services.TryAddSingleton<IProgramSelector>(provider => provider.GetRequiredService<ProgramSelector>());
        services.TryAddSingleton<ISessionReviewer>(provider => new SessionReviewer(provider.GetRequiredService<IProgramSelector>()));
        return services;
    }
}
