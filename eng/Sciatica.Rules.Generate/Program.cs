using Sciatica.Rules.Generate;

// Writes every generated file of the repository (GeneratedFiles.All) and says which ones changed; review the diff.
var root = new DirectoryInfo(AppContext.BaseDirectory);
while (root is not null && !File.Exists(Path.Combine(root.FullName, "Sciatica.Rules.sln")))
{
    root = root.Parent;
}

if (root is null)
{
    Console.Error.WriteLine("The repository root (Sciatica.Rules.sln) was not found above " + AppContext.BaseDirectory);
    return 1;
}

foreach (var file in GeneratedFiles.All)
{
    var path = Path.Combine(root.FullName, file.RelativePath);
    var text = file.Write();
    if (File.Exists(path) && File.ReadAllText(path).ReplaceLineEndings("\n") == text)
    {
        Console.WriteLine("unchanged " + file.RelativePath);
        continue;
    }

    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    File.WriteAllText(path, text);
    Console.WriteLine("wrote     " + file.RelativePath);
}

if (!ContractNameTablesSource.CompiledTablesAreCurrent())
{
    // The documents name enum values through the library this run was built with, whose tables were the old ones.
    Console.WriteLine($"The contract-name tables changed: run {GeneratedFiles.Command} once more, so that the documents use them.");
}

return 0;
