namespace Sciatica.Rules.Handouts.Tests;

/// <summary>Only what a host calls is public in the handout package (#28 point 3): no page plumbing, no Razor components.</summary>
public sealed class PublicSurfaceTests
{
    [Fact]
    public void PublicTypes_AreWhatAHostCalls()
    {
        var exported = typeof(HandoutRenderer).Assembly.GetExportedTypes().Select(t => t.FullName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
        [
            "Sciatica.Rules.Handouts.Handout",
            "Sciatica.Rules.Handouts.HandoutLanguages",
            "Sciatica.Rules.Handouts.HandoutOptions",
            "Sciatica.Rules.Handouts.HandoutRenderer",
            "Sciatica.Rules.Handouts.PaperSize",
            "Sciatica.Rules.Handouts.SciaticaHandoutsServiceCollectionExtensions",
        ], exported);
    }

    [Fact]
    public void ThePackage_DependsOnNoRazorOrComponentsAssembly()
    {
        var references = typeof(HandoutRenderer).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).ToList();
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }
}
