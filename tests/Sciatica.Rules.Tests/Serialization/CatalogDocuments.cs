using System.Text;
using System.Text.Json.Nodes;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Tests.Serialization;

/// <summary>The default catalog as a document, to change and load: shared by the catalog reader's and loader's tests.</summary>
internal static class CatalogDocuments
{
    /// <summary>The default catalog and rule set, written as a catalog document.</summary>
    public static readonly string DefaultDocument = CatalogLoader.Write(ExerciseCatalog.Default, RuleSet.Default);

    /// <summary>A fresh parsed copy of <see cref="DefaultDocument"/>, to change.</summary>
    public static JsonObject Document() => JsonNode.Parse(DefaultDocument)!.AsObject();

    /// <summary>Loads a catalog document from its text, as a host reads it from a stream.</summary>
    public static ProgramSelector Load(string json) => CatalogLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));
}
