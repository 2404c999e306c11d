using Sciatica.Rules.Catalogs;
using Sciatica.Rules.Generate;

namespace Sciatica.Rules.Tests.Docs;

/// <summary>
/// docs/rules.md and docs/clinical-sources.md are generated from the default rule set and the source table. When a rule
/// changes, these tests fail until the documents are written again: <c>dotnet run --project eng/Sciatica.Rules.Generate</c>.
/// </summary>
public sealed class RulesReferenceTests
{
    [Fact]
    public void RulesReference_MatchesTheDefaultRuleSet() =>
        GoldenFile.Check("docs/rules.md", RulesReference.Render(RuleSet.Default, ExerciseCatalog.Default), "the default rule set", GeneratedFiles.Command);

    [Fact]
    public void RulesReference_ClinicalSourcesMatchTheSourceTable() =>
        Architecture.GeneratedFilesTests.AssertCurrent("docs/clinical-sources.md");

    internal static string RepositoryRoot() => Repository.Root;
}
