using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Sciatica.Rules.WebApi.Tests;

/// <summary>POST /handout and POST /handout/review: the contract's input in, the printable handout out.</summary>
public sealed class HandoutEndpointTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private const string Profile = """{"causes":["herniatedDisc"],"affectedRoots":["l5"],"legPain":6,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}""";

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("/handout", "lang=\"en\"")]
    [InlineData("/handout?lang=de", "lang=\"de\"")]
    public async Task PostHandout_Profile_ReturnsTheHandoutOfTheDecision(string path, string language)
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(path, Json(Profile));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains($"<html {language}>", html, StringComparison.Ordinal);
        Assert.Contains("data-decision=\"program\"", html, StringComparison.Ordinal);
        Assert.Contains("data-exercise=\"walking\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostHandout_EmergencyProfile_HasNoExercise()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/handout", Json("""{"causes":["herniatedDisc"],"legPain":6,"backPain":3,"medicalClearance":true,"symptomsTolerateExercise":true,"redFlags":["saddleAnesthesia"]}"""));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-decision=\"emergency\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-exercise", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostHandoutReview_ReviewRequest_ReturnsTheAdjustedPlan()
    {
        using var client = factory.CreateClient();
        var body = File.ReadAllText(Path.Combine(Repository.Root, "samples", "profiles", "review-progress.json"));

        using var response = await client.PostAsync("/handout/review", Json(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-decision=\"adjust\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/handout?lang=fr", Profile, "lang")]
    [InlineData("/handout", """{"causes":["herniated"],"legPain":11,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}""", "$.causes[0]")]
    [InlineData("/handout/review", """{"profile":{}}""", "$.feedback")]
    public async Task PostHandout_BadInput_IsAProblemNamingTheField(string path, string body, string field)
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(path, Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
    }
}
