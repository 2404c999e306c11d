namespace Sciatica.Rules.Packages.Tests;

/// <summary>The throwaway host's own files: a web app that references the packages by version, nothing else.</summary>
internal static class HostFiles
{
    public static string Project(string version, IEnumerable<string> packages) => $"""
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <!-- A console app's implicit usings (GlobalUsings.cs); web blocks add the web ones themselves. -->
            <ImplicitUsings>disable</ImplicitUsings>
            <NoWarn>$(NoWarn);CS1998;CS0105;CS0162</NoWarn>
          </PropertyGroup>
          <ItemGroup>
        {string.Concat(packages.Select(p => $"    <PackageReference Include=\"{p}\" Version=\"{version}\" />\n"))}    <PackageReference Include="Microsoft.Extensions.Hosting" Version="10.0.0" />
          </ItemGroup>
        </Project>
        """;

    public static string NuGetConfig(string feed) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="sciatica-local-feed" value="{feed}" />
          </packageSources>
        </configuration>
        """;

    public const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    public static string Registry(IEnumerable<DocumentBlocks.Block> blocks) =>
        "internal static class Registry\n{\n    public static readonly (string Name, bool Run, bool Web, global::System.Func<string[], global::System.Threading.Tasks.Task> Entry)[] Blocks =\n    [\n"
        + string.Concat(blocks.Select(b => $"        (\"{b.Name}\", {(b.Run ? "true" : "false")}, {(b.Web ? "true" : "false")}, Snippets.{SnippetRewriter.ClassName(b)}.Snippet.RunAsync),\n"))
        + "    ];\n}\n";

    /// <summary>
    /// The host's entry point: select, FHIR $apply and a handout through the packages, then every documentation
    /// block. A web block is started on a free port and stopped once it has started. Prints one line per check and
    /// exits 1 when any failed, naming the document and the block.
    /// </summary>
    public const string Program = """
        using System.Diagnostics;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;
        using Sciatica.Rules;
        using Sciatica.Rules.Fhir;
        using Sciatica.Rules.Handouts;

        var failed = new List<string>();

        // The three packages on their own.
        var profile = new PatientProfile
        {
            Causes = [Cause.HerniatedDisc], AffectedRoots = [NerveRoot.L5], LegPain = 5, BackPain = 3,
            MedicalClearance = true, RedFlags = [], SymptomsTolerateExercise = true,
        };
        var decision = ProgramSelector.Default.Select(profile);
        Check("select: a program with exercises", decision.Decision == DecisionKind.Program && decision.Exercises.Count > 0);
        var plan = SciaticaFhir.Apply(ProgramSelector.Default, decision, new Hl7.Fhir.Model.ResourceReference("Patient/host"));
        Check("FHIR $apply: a draft CarePlan proposal", plan.Status == Hl7.Fhir.Model.RequestStatus.Draft && SciaticaFhir.ToJson(plan).Contains("\"CarePlan\"", StringComparison.Ordinal));
        var services = new ServiceCollection().AddSciaticaHandouts().BuildServiceProvider();
        var handout = await services.GetRequiredService<HandoutRenderer>().RenderAsync(decision);
        Check("handout: the program's HTML", handout.Html.StartsWith("<!DOCTYPE html>", StringComparison.Ordinal) && handout.Html.Contains("data-decision=\"program\"", StringComparison.Ordinal));

        // Every documented block.
        foreach (var (name, run, web, entry) in Registry.Blocks)
        {
            if (!run)
            {
                Console.WriteLine($"compiled (not run): {name}");
                continue;
            }

            Console.WriteLine($"== {name}");
            try
            {
                await (web ? RunWeb(entry) : entry([])).WaitAsync(TimeSpan.FromSeconds(120));
                Console.WriteLine($"ok: {name}");
            }
            catch (Exception ex)
            {
                failed.Add(name);
                Console.WriteLine($"FAILED: {name}: {ex}");
            }
        }

        Console.WriteLine(failed.Count == 0 ? "all checks passed" : "failed: " + string.Join(", ", failed));
        return failed.Count == 0 ? 0 : 1;

        void Check(string what, bool passed)
        {
            Console.WriteLine((passed ? "ok: " : "FAILED: ") + what);
            if (!passed)
            {
                failed.Add(what);
            }
        }

        // Starts a web app on a free port and stops it once started (the way WebApplicationFactory finds a host:
        // the hosting diagnostic listener hands over each host as it is built).
        static async Task RunWeb(Func<string[], Task> entry)
        {
            using var listeners = DiagnosticListener.AllListeners.Subscribe(new Observer<DiagnosticListener>(listener =>
            {
                if (listener.Name == "Microsoft.Extensions.Hosting")
                {
                    listener.Subscribe(new Observer<KeyValuePair<string, object?>>(e =>
                    {
                        if (e.Key == "HostBuilt" && e.Value is IHost host)
                        {
                            var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
                            lifetime.ApplicationStarted.Register(lifetime.StopApplication);
                        }
                    }));
                }
            }));
            await entry(["--urls", "http://127.0.0.1:0"]);
        }

        sealed class Observer<T>(Action<T> next) : IObserver<T>
        {
            public void OnCompleted() { }
            public void OnError(Exception error) { }
            public void OnNext(T value) => next(value);
        }
        """;
}
