using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Sciatica.Rules.WebApi;

/// <summary>
/// Puts the repository's JSON Schemas (schemas/*.json, embedded in this sample) into the OpenAPI document as its
/// components, and gives the JSON-contract operations their request and response bodies. Each file's <c>$defs</c>
/// become components named <c>file-def</c>, so the schemas are the same documents, not a second description.
/// </summary>
internal sealed partial class ContractOpenApi : IOpenApiDocumentTransformer
{
    /// <summary>The schema files, by component name.</summary>
    public static readonly string[] Schemas = ["profile", "decision", "review-request", "review", "catalog"];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var name in Schemas)
        {
            foreach (var (component, json) in Components(name))
            {
                var schema = OpenApiModelFactory.Parse<OpenApiSchema>(json, OpenApiSpecVersion.OpenApi3_1, document, out _, "json")
                    ?? throw new InvalidOperationException($"The schema {component} could not be read.");
                document.Components.Schemas[component] = schema;
            }
        }

        Body(document, "/api/decisions", HttpMethod.Post, "profile", "decision");
        Body(document, "/api/reviews", HttpMethod.Post, "review-request", "review");
        Body(document, "/api/catalog", HttpMethod.Get, null, "catalog");
        return Task.CompletedTask;
    }

    /// <summary>A schema file as components: the schema itself (without <c>$defs</c>) and each definition, with references rewritten to components.</summary>
    public static IEnumerable<(string Component, string Json)> Components(string name)
    {
        using var stream = typeof(ContractOpenApi).Assembly.GetManifestResourceStream("schemas/" + name + ".schema.json")
            ?? throw new InvalidOperationException($"schemas/{name}.schema.json is not embedded.");
        using var reader = new StreamReader(stream);
        var text = DefinitionReference().Replace(reader.ReadToEnd(), m => "\"#/components/schemas/" + name + "-" + m.Groups[1].Value + "\"");
        var root = JsonNode.Parse(text)!.AsObject();
        var definitions = root["$defs"]?.AsObject();
        root.Remove("$defs");
        root.Remove("$schema");
        root.Remove("$id");
        yield return (name, root.ToJsonString());
        foreach (var (definition, schema) in definitions ?? [])
        {
            yield return (name + "-" + definition, schema!.ToJsonString());
        }
    }

    private static void Body(OpenApiDocument document, string path, HttpMethod method, string? request, string response)
    {
        if (document.Paths?.TryGetValue(path, out var item) != true || item!.Operations?.TryGetValue(method, out var operation) != true || operation is null)
        {
            return;
        }

        if (request is not null)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = new OpenApiSchemaReference(request, document) } },
            };
        }

        operation.Responses ??= [];
        operation.Responses["200"] = new OpenApiResponse
        {
            Description = "The " + response + " document.",
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = new OpenApiSchemaReference(response, document) } },
        };
        if (request is not null)
        {
            operation.Responses["400"] = new OpenApiResponse { Description = "An RFC 9457 problem listing every problem, keyed by JSON path." };
            operation.Responses["413"] = new OpenApiResponse { Description = "The body is larger than 64 KiB." };
            operation.Responses["415"] = new OpenApiResponse { Description = "The body is not declared JSON." };
        }
    }

    [GeneratedRegex("\"#/\\$defs/([A-Za-z0-9_-]+)\"")]
    private static partial Regex DefinitionReference();
}
