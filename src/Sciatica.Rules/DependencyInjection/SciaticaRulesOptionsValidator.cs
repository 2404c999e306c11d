using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Sciatica.Rules;

/// <summary>
/// Builds the engine of an options instance once per host: the start-up validation and the engine registration
/// share the result, so the catalog is read, validated and logged once.
/// </summary>
internal sealed class SciaticaRulesEngineBuilder(ILoggerFactory? loggerFactory)
{
    // Keyed by what the options say, not by instance: the options system creates one instance to validate at
    // start-up and another for IOptions<T>.Value.
    private readonly ConcurrentDictionary<(string? Path, Func<Stream>? Open, Catalogs.RuleThresholds? Thresholds), Lazy<ProgramSelector>> built = new();
    private readonly ILogger? logger = loggerFactory?.CreateLogger("Sciatica.Rules");

    /// <summary>Gets the engine of these options; a refused catalog throws the same exception on every call.</summary>
    public ProgramSelector Build(SciaticaRulesOptions options) =>
        built.GetOrAdd((options.CatalogPath, options.OpenCatalog, options.Thresholds), _ => new Lazy<ProgramSelector>(() => options.Build(logger), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
}

/// <summary>Validates <see cref="SciaticaRulesOptions"/> by building the engine once, reporting every catalog problem.</summary>
internal sealed class SciaticaRulesOptionsValidator(SciaticaRulesEngineBuilder builder) : IValidateOptions<SciaticaRulesOptions>
{
    public ValidateOptionsResult Validate(string? name, SciaticaRulesOptions options)
    {
        if (options.ConfigurationProblems is { Count: > 0 } settings)
        {
            return ValidateOptionsResult.Fail(settings);
        }

        try
        {
            builder.Build(options);
            return ValidateOptionsResult.Success;
        }
        catch (SciaticaValidationException ex)
        {
            return ValidateOptionsResult.Fail(ex.Problems.Select(p => $"{ex.Subject}: {p}"));
        }
        catch (IOException ex)
        {
            return ValidateOptionsResult.Fail($"The catalog cannot be read: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            return ValidateOptionsResult.Fail($"The catalog cannot be read: {ex.Message}");
        }
    }
}
