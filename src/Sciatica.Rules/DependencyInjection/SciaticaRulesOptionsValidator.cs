using Microsoft.Extensions.Options;

namespace Sciatica.Rules;

/// <summary>Validates <see cref="SciaticaRulesOptions"/> by building the engine once, reporting every catalog problem.</summary>
internal sealed class SciaticaRulesOptionsValidator : IValidateOptions<SciaticaRulesOptions>
{
    public ValidateOptionsResult Validate(string? name, SciaticaRulesOptions options)
    {
        try
        {
            options.Build();
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
