using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Sciatica.Rules.Tests.Architecture;

/// <summary>
/// The library's folders depend on each other in one direction (docs/architecture.md): a folder may use the folders
/// listed before it in <see cref="Layers"/> and none listed after it, so a reference against the direction, and with
/// it any cycle between folders, fails here. A type's folder is the folder of the file that declares it
/// (<see cref="SourceFolders"/>), because several folders share the namespace <c>Sciatica.Rules</c>.
/// </summary>
public sealed class FolderDependencyTests
{
    /// <summary>
    /// The folders of src/Sciatica.Rules from the inside out. Each may depend on those before it. Changing this order
    /// is changing the architecture: change docs/architecture.md with it.
    /// </summary>
    public static readonly IReadOnlyList<string> Layers =
    [
        "Domain",
        "Telemetry",
        "Validation",
        "Catalogs",
        "Suggestions",
        "Selection",
        "Catalogs/Comparison",
        "Review",
        "Wording",
        "Serialization",
        "Catalogs/Loading",
        "DependencyInjection",
    ];

    /// <summary>Types the build writes into obj/ (no folder of their own), with the folder that uses them.</summary>
    private static readonly IReadOnlyDictionary<string, string> BuildWritten = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Sciatica.Rules.LibraryVersion"] = "Telemetry",
    };

    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Library =
        new(() => new ArchLoader().LoadAssemblies(typeof(PatientProfile).Assembly).Build());

    public static TheoryData<string> Folders() => [.. Layers.Take(Layers.Count - 1)];

    [Fact]
    public void Layers_ListEveryFolderOfTheLibraryOnce()
    {
        var folders = SourceFolders.All.Select(f => f.Folder).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

        Assert.Equal(folders, Layers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryTypeOfTheLibrary_HasAFolder()
    {
        var unplaced = Library.Value.Types
            .Where(t => t.Namespace.FullName.StartsWith("Sciatica.Rules", StringComparison.Ordinal))
            .Select(t => TopLevel(t.FullName))
            .Where(name => FolderOf(name) is null)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.Empty(unplaced);
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Folder_DependsOnNoFolderAfterIt(string folder)
    {
        var index = IndexOf(folder);
        var inFolder = TypesIn(name => name == folder);
        var outer = TypesIn(name => IndexOf(name) > index);

        Types().That().Are(inFolder)
            .Should().NotDependOnAny(Types().That().Are(outer))
            .Because($"{folder} lies inside the folders after it in FolderDependencyTests.Layers (docs/architecture.md)")
            .Check(Library.Value);
    }

    /// <summary>The folder a type's declaring file lies in, or null when no source file declares it.</summary>
    private static string? FolderOf(string topLevelName) =>
        SourceFolders.FolderOfType.TryGetValue(topLevelName, out var folder) ? folder
        : BuildWritten.TryGetValue(topLevelName, out var used) ? used
        : null;

    /// <summary>The declaring top-level type of a (possibly nested or compiler-generated) type.</summary>
    private static string TopLevel(string fullName)
    {
        var cut = fullName.IndexOfAny(['+', '/']);
        return cut < 0 ? fullName : fullName[..cut];
    }

    private static int IndexOf(string folder)
    {
        var index = Layers.ToList().IndexOf(folder);
        return index >= 0 ? index : throw new InvalidOperationException($"The folder {folder} is not in FolderDependencyTests.Layers.");
    }

    private static List<IType> TypesIn(Func<string, bool> folder) => Library.Value.Types
        .Where(t => FolderOf(TopLevel(t.FullName)) is { } f && folder(f))
        .ToList();
}
