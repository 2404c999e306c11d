using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Sciatica.Rules.WebApi.Tests;

/// <summary>The web sample as a deployed service: options bound from configuration, telemetry switched on by configuration.</summary>
public sealed class HostingTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private static string Root => Repository.Root;

    [Fact]
    public async Task CatalogPathFromConfiguration_ServesThatCatalog()
    {
        var path = Path.Combine(Root, "samples", "catalogs", "clinic-north.json");
        using var clinic = factory.WithWebHostBuilder(b => b.UseSetting("SciaticaRules:CatalogPath", path));
        using var client = clinic.CreateClient();

        var ready = await client.GetStringAsync("/readyz");

        Assert.StartsWith("ready: ", ready, StringComparison.Ordinal);
        Assert.DoesNotContain("default/", ready, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TelemetryEnabled_ServesAsBefore()
    {
        using var traced = factory.WithWebHostBuilder(b => b.UseSetting("Telemetry:Enabled", "true"));
        using var client = traced.CreateClient();
        using var content = new StringContent("""{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}""", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/api/decisions", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
