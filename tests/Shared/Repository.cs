namespace Sciatica.Rules.Testing;

/// <summary>The repository these tests run in (one source file, linked into every test project).</summary>
internal static class Repository
{
    /// <summary>Gets the folder holding Sciatica.Rules.sln, found upwards from the test output.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Sciatica.Rules.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (Sciatica.Rules.sln) was not found above the test output.");
    }
}
