using Sciatica.Rules;
using Sciatica.Rules.WebApi;

var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Limits.MaxRequestBodySize = Endpoints.MaximumBodyBytes;
    // A stalled or trickling body is cut (408 or a closed connection), never left to tie up the server.
    kestrel.Limits.MinRequestBodyDataRate = new Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(5));
    kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
});
builder.Services.AddProblemDetails();

// A clinic's own catalog: set SciaticaRules__CatalogPath (or "SciaticaRules:CatalogPath" in appsettings).
var catalogPath = builder.Configuration["SciaticaRules:CatalogPath"];
builder.Services.AddSciaticaRules(options => options.CatalogPath = string.IsNullOrWhiteSpace(catalogPath) ? null : catalogPath);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapSciaticaRules();
app.MapCdsHooks();

// Live while the process serves; ready once the catalog is loaded and the engine built (a bad catalog: 503, said plainly).
app.MapGet("/healthz", () => Results.Text("ok"));
app.MapGet("/readyz", (IServiceProvider services) =>
{
    try
    {
        return Results.Text("ready: " + services.GetRequiredService<IProgramSelector>().RuleSetVersion);
    }
    catch (SciaticaValidationException ex)
    {
        return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The catalog could not be loaded.", detail: ex.Message);
    }
});
app.Run();

/// <summary>The web sample's entry point, visible to integration tests (WebApplicationFactory).</summary>
public partial class Program;
