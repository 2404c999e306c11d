using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Sciatica.Rules.Packages.Tests;

/// <summary>
/// Turns a documentation block (a top-level program) into a method of the throwaway host, so that every block
/// compiles in one project: its usings stay at the top of its own file, its statements become the body of
/// <c>RunAsync(string[] args)</c> and its type declarations follow in the block's own namespace.
/// </summary>
internal static class SnippetRewriter
{
    public static string ClassName(DocumentBlocks.Block block) =>
        "Block_" + new string(block.Document.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray()) + "_" + block.Number;

    public static string Rewrite(DocumentBlocks.Block block)
    {
        var unit = CSharpSyntaxTree.ParseText(block.Code, new CSharpParseOptions(LanguageVersion.Preview)).GetCompilationUnitRoot();
        var text = new StringBuilder();
        text.Append("// ").Append(block.Name).Append(" (generated from the document; a compile error here is an error in the document)\n");
        if (block.Web)
        {
            foreach (var web in DocumentBlocks.WebUsings)
            {
                text.Append("using ").Append(web).Append(";\n");
            }
        }

        foreach (var directive in unit.Usings)
        {
            text.Append(directive.ToFullString().Trim()).Append('\n');
        }

        text.Append("\nnamespace Snippets.").Append(ClassName(block)).Append(";\n\n");
        text.Append("internal static class Snippet\n{\n    public static async global::System.Threading.Tasks.Task RunAsync(string[] args)\n    {\n");
        foreach (var statement in unit.Members.OfType<GlobalStatementSyntax>())
        {
            // #line keeps the document's own line numbers (within the block) in compile errors.
            var line = statement.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
            text.Append("#line ").Append(line).Append(" \"").Append(block.Name).Append("\"\n");
            text.Append(statement.ToFullString().TrimEnd()).Append('\n');
        }

        text.Append("#line default\n        await global::System.Threading.Tasks.Task.CompletedTask;\n    }\n}\n\n");
        foreach (var member in unit.Members.Where(m => m is not GlobalStatementSyntax))
        {
            text.Append(member.ToFullString().TrimEnd()).Append('\n');
        }

        return text.ToString();
    }
}
