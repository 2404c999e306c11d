using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sciatica.Rules;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Tests.DependencyInjection;

public sealed class SciaticaRulesServiceCollectionExtensionsTests
{
    [Fact]
    public void AddSciaticaRules_Default_ResolvesSingletonEngineOverDefaultCatalog()
    {
        using var provider = new ServiceCollection().AddSciaticaRules().BuildServiceProvider();

        var selector = provider.GetRequiredService<IProgramSelector>();

        Assert.Same(selector, provider.GetRequiredService<IProgramSelector>());
        Assert.Same(selector, provider.GetRequiredService<ProgramSelector>());
        Assert.Equal(ProgramSelector.Default.RuleSetVersion, selector.RuleSetVersion);
        Assert.IsType<SessionReviewer>(provider.GetRequiredService<ISessionReviewer>());
    }

    [Fact]
    public void AddSciaticaRules_AddedTwice_RegistersOnce()
    {
        var services = new ServiceCollection().AddSciaticaRules().AddSciaticaRules();

        Assert.Single(services, d => d.ServiceType == typeof(IProgramSelector));
        Assert.Single(services, d => d.ServiceType == typeof(ProgramSelector));
        Assert.Single(services, d => d.ServiceType == typeof(ISessionReviewer));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<SciaticaRulesOptions>));
    }

    [Fact]
    public void AddSciaticaRules_UserRegistrationFirst_UserWins()
    {
        var mine = new ProgramSelector();
        using var provider = new ServiceCollection().AddSingleton<IProgramSelector>(mine).AddSciaticaRules().BuildServiceProvider();

        Assert.Same(mine, provider.GetRequiredService<IProgramSelector>());
    }

    [Fact]
    public void AddSciaticaRules_CatalogPathAndThresholds_UsesThem()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, CatalogLoader.Write(ExerciseCatalog.Default, RuleSet.Default).Replace("\"name\": \"default\"", "\"name\": \"clinic\"", StringComparison.Ordinal));
        using var provider = new ServiceCollection()
            .AddSciaticaRules(o => { o.CatalogPath = path; o.Thresholds = new RuleThresholds { SeriousPathologyMaximumAge = 40 }; })
            .BuildServiceProvider();

        var selector = provider.GetRequiredService<IProgramSelector>();

        Assert.StartsWith("clinic/", selector.RuleSetVersion, StringComparison.Ordinal);
        Assert.Equal(DecisionKind.TreatCauseFirst, selector.Select(Profiles.With(Cause.Injury) with { Age = 45 }).Decision);
    }

    [Fact]
    public void AddSciaticaRules_InvalidCatalog_FailsAtStartWithEveryProblem()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, """{ "name": "Bad Name", "version": "1", "exercises": [], "contraindications": [], "extra": 1 }""");
        using var provider = new ServiceCollection().AddSciaticaRules(path).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, f => f.Contains("$.extra", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("$.name", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("$.exercises", StringComparison.Ordinal));
    }

    [Fact]
    public void AddSciaticaRules_LoosenedThresholds_FailAtStart()
    {
        using var provider = new ServiceCollection()
            .AddSciaticaRules(o => o.Thresholds = new RuleThresholds { MinimumWeeksAfterSpineSurgery = 1 })
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, f => f.Contains("minimumWeeksAfterSpineSurgery", StringComparison.Ordinal));
    }

    [Fact]
    public void AddSciaticaRules_ConfigurationSection_BindsCatalogPathAndThresholds()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, CatalogLoader.Write(ExerciseCatalog.Default, RuleSet.Default).Replace("\"name\": \"default\"", "\"name\": \"clinic\"", StringComparison.Ordinal));
        var configuration = Configuration(("SciaticaRules:CatalogPath", path), ("SciaticaRules:Thresholds:SeriousPathologyMaximumAge", "40"));
        using var provider = new ServiceCollection().AddSciaticaRules(configuration.GetSection("SciaticaRules")).BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        var selector = provider.GetRequiredService<IProgramSelector>();

        Assert.StartsWith("clinic/", selector.RuleSetVersion, StringComparison.Ordinal);
        Assert.Equal(DecisionKind.TreatCauseFirst, selector.Select(Profiles.With(Cause.Injury) with { Age = 45 }).Decision);
        Assert.Equal(DecisionKind.Program, ProgramSelector.Default.Select(Profiles.With(Cause.Injury) with { Age = 45 }).Decision);
    }

    [Fact]
    public void AddSciaticaRules_ConfigurationSectionEmpty_UsesTheDefaultCatalog()
    {
        var configuration = Configuration(("SciaticaRules:CatalogPath", ""));
        using var provider = new ServiceCollection().AddSciaticaRules(configuration.GetSection("SciaticaRules")).BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(ProgramSelector.Default.RuleSetVersion, provider.GetRequiredService<IProgramSelector>().RuleSetVersion);
    }

    [Fact]
    public void AddSciaticaRules_ConfigurationWithUnknownKeyAndBadNumber_FailsAtStartNamingEachKeyAndWhatIsAllowed()
    {
        var configuration = Configuration(
            ("SciaticaRules:CatalogPth", "x.json"),
            ("SciaticaRules:Thresholds:SeriousPathologyMaxAge", "45"),
            ("SciaticaRules:Thresholds:SeverePainFrom", "seven"));
        using var provider = new ServiceCollection().AddSciaticaRules(configuration.GetSection("SciaticaRules")).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(3, error.Failures.Count());
        Assert.Contains(error.Failures, f => f.StartsWith("SciaticaRules:CatalogPth:", StringComparison.Ordinal) && f.Contains("allowed settings: CatalogPath, Thresholds", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("SciaticaRules:Thresholds:SeriousPathologyMaxAge:", StringComparison.Ordinal) && f.Contains("SeriousPathologyMaximumAge", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("SciaticaRules:Thresholds:SeverePainFrom:", StringComparison.Ordinal) && f.Contains("'seven'", StringComparison.Ordinal) && f.Contains("a whole number", StringComparison.Ordinal));
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IProgramSelector>());
    }

    [Fact]
    public void AddSciaticaRules_ConfigurationLoosensAThreshold_FailsAtStartNamingIt()
    {
        var configuration = Configuration(("SciaticaRules:Thresholds:MinimumWeeksAfterSpineSurgery", "1"));
        using var provider = new ServiceCollection().AddSciaticaRules(configuration.GetSection("SciaticaRules")).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, f => f.Contains("minimumWeeksAfterSpineSurgery", StringComparison.Ordinal) && f.Contains("looser", StringComparison.Ordinal));
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
