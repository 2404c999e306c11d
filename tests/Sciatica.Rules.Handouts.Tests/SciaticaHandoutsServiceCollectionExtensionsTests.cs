using Microsoft.Extensions.DependencyInjection;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Handouts.Tests;

public sealed class SciaticaHandoutsServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddSciaticaHandouts_Alone_RendersWithTheDefaultEngine()
    {
        using var provider = new ServiceCollection().AddSciaticaHandouts().BuildServiceProvider();

        var renderer = provider.GetRequiredService<HandoutRenderer>();
        var decision = provider.GetRequiredService<IProgramSelector>().Select(Profile());
        var handout = await renderer.RenderAsync(decision);

        Assert.Same(renderer, provider.GetRequiredService<HandoutRenderer>());
        Assert.Equal((await HandoutRenderer.Default.RenderAsync(decision)).Html, handout.Html);
    }

    [Fact]
    public async Task AddSciaticaHandouts_WithTheHostsThresholds_RendersTheHostsDecisions()
    {
        using var provider = new ServiceCollection()
            .AddSciaticaRules(o => o.Thresholds = new RuleThresholds { MaximumPainDuringExercise = 4 })
            .AddSciaticaHandouts()
            .BuildServiceProvider();
        var engine = provider.GetRequiredService<IProgramSelector>();

        var handout = await provider.GetRequiredService<HandoutRenderer>().RenderAsync(engine.Select(Profile()));

        // A decision of the host's engine renders (another engine's would be refused), with the host's pain limit.
        Assert.Contains(engine.RuleSetVersion.Split('+')[1], handout.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(ProgramSelector.Default.RuleSetVersion.Split('+')[1], handout.Html, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => provider.GetRequiredService<HandoutRenderer>().RenderAsync(ProgramSelector.Default.Select(Profile())));
    }

    [Fact]
    public void AddSciaticaHandouts_AddedTwice_RegistersOnceAndYourOwnWins()
    {
        var services = new ServiceCollection().AddSciaticaHandouts().AddSciaticaHandouts();
        var mine = new HandoutRenderer(ProgramSelector.Default);
        using var provider = new ServiceCollection().AddSingleton(mine).AddSciaticaHandouts().BuildServiceProvider();

        Assert.Single(services, d => d.ServiceType == typeof(HandoutRenderer));
        Assert.Single(services, d => d.ServiceType == typeof(IProgramSelector));
        Assert.Same(mine, provider.GetRequiredService<HandoutRenderer>());
    }

    private static PatientProfile Profile() => new()
    {
        Causes = [Cause.HerniatedDisc],
        LegPain = 3,
        BackPain = 2,
        MedicalClearance = true,
        RedFlags = [],
        SymptomsTolerateExercise = true,
    };
}
