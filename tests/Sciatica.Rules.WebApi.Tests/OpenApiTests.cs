using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Sciatica.Rules.WebApi.Tests;

/// <summary>The OpenAPI document describes the JSON contract with the repository's own schemas (schemas/*.json).</summary>
public sealed class OpenApiTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    public static TheoryData<string> SchemaFiles => ["profile", "decision", "review-request", "review", "catalog"];

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public async Task Components_MatchTheSchemaFile(string name)
    {
        using var client = factory.CreateClient();
        var components = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!["components"]!["schemas"]!.AsObject();
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "schemas", name + ".schema.json")))!.AsObject();

        AssertSameShape(file, components[name]!.AsObject(), name, name);
        foreach (var (definition, schema) in file["$defs"]?.AsObject() ?? [])
        {
            AssertSameShape(schema!.AsObject(), components[name + "-" + definition]!.AsObject(), name + "-" + definition, name);
        }
    }

    [Fact]
    public async Task Operations_RequestAndResponseBodiesReferToTheContract()
    {
        using var client = factory.CreateClient();
        var paths = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!["paths"]!;

        var decisions = paths["/api/decisions"]!["post"]!;
        Assert.Equal("#/components/schemas/profile", (string?)decisions["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]);
        Assert.Equal("#/components/schemas/decision", (string?)decisions["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]);
        Assert.NotNull(decisions["responses"]!["400"]);
        Assert.Equal("#/components/schemas/review-request", (string?)paths["/api/reviews"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]);
        Assert.NotNull(paths["/cds-services"]);
    }

    /// <summary>Same type, same properties, same required list, same allowed values, same bounds; references rewritten from $defs to components.</summary>
    private static void AssertSameShape(JsonObject expected, JsonObject actual, string what, string file)
    {
        if (expected["type"] is JsonArray types)
        {
            // A list of types is a set: the OpenAPI writer may order it differently.
            Assert.Equal(types.Select(t => (string?)t).Order(StringComparer.Ordinal), actual["type"]!.AsArray().Select(t => (string?)t).Order(StringComparer.Ordinal));
        }

        if (expected["type"] is JsonValue type)
        {
            Assert.Equal((string?)type, (string?)actual["type"]);
        }

        foreach (var key in new[] { "required", "enum", "minimum", "maximum", "minItems", "additionalProperties", "pattern" })
        {
            if (expected[key] is { } value)
            {
                Assert.True(JsonNode.DeepEquals(value, actual[key]), $"{what}.{key}: expected {value.ToJsonString()}, got {actual[key]?.ToJsonString() ?? "nothing"}");
            }
        }

        if (expected["properties"] is JsonObject properties)
        {
            var served = actual["properties"]!.AsObject();
            Assert.Equal(properties.Select(p => p.Key).Order(StringComparer.Ordinal), served.Select(p => p.Key).Order(StringComparer.Ordinal));
            foreach (var (name, schema) in properties)
            {
                var reference = (string?)schema!["$ref"];
                Assert.Equal(reference?.Replace("#/$defs/", "#/components/schemas/" + file + "-", StringComparison.Ordinal), (string?)served[name]!["$ref"]);
            }
        }
    }

    private static string Root => Repository.Root;
}
