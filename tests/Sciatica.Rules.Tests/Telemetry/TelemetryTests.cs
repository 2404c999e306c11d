using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Tests.Telemetry;

/// <summary>What the library reports in production: metric and span names and tags, log events, and no patient data.</summary>
public sealed class TelemetryTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void Metrics_FollowTheRuntimeSwitch_OnUnlessSetToFalse(bool? configured, bool supported)
    {
        Assert.Equal(supported, SciaticaRulesTelemetry.MetricsSupported(configured));
    }

    [Fact]
    public void Metrics_InThisProcess_AreOnAndTheMeterIsPublished()
    {
        // The test host leaves the switch alone, so the counters exist for the listeners of the other tests.
        Assert.False(AppContext.TryGetSwitch(SciaticaRulesTelemetry.MetricsSwitch, out _));
        Assert.True(SciaticaRulesTelemetry.IsMetricsSupported);
        Assert.Equal(SciaticaRulesTelemetry.Name, SciaticaRulesTelemetry.Metrics.Decisions.Meter.Name);
    }

    [Fact]
    public void CliSample_TurnsMetricsOff()
    {
        // Nothing in a CLI call listens to metrics; with the switch off the library makes no meter (docs/benchmarks.md).
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "sciatica-rules.runtimeconfig.json")));

        Assert.False(config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").GetProperty(SciaticaRulesTelemetry.MetricsSwitch).GetBoolean());
    }

    [Fact]
    public void MeterAndActivitySource_CarryTheAssemblyVersion()
    {
        var version = typeof(SciaticaRulesTelemetry).Assembly.GetName().Version!.ToString();

        Assert.Equal(LibraryVersion.Value, version);
        Assert.Equal(version, SciaticaRulesTelemetry.Metrics.Meter.Version);
        Assert.Equal(version, SciaticaRulesTelemetry.Source.Version);
    }

    [Fact]
    public void Select_Review_Refusal_CountedWithDecisionRuleSetAndDocumentTags()
    {
        var measurements = new ConcurrentQueue<(string Instrument, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SciaticaRulesTelemetry.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
            measurements.Enqueue((instrument.Name, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();
        var selector = new ProgramSelector();

        selector.Select(Profiles.WithFlags(RedFlag.Fever) with { Age = 47 });
        new SessionReviewer(selector).Review(Profiles.Clear, new SessionFeedback { NewNumbness = false, NewRedFlags = [], NewWeakness = false, NextMorning = NextMorningChange.Same });
        Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile("{}"));

        var all = measurements.ToList();
        Assert.Contains(all, m => m.Instrument == SciaticaRulesTelemetry.DecisionsCounter && (string?)m.Tags["decision"] == "treatCauseFirst" && (string?)m.Tags["rule_set_version"] == selector.RuleSetVersion);
        Assert.Contains(all, m => m.Instrument == SciaticaRulesTelemetry.ReviewsCounter && (string?)m.Tags["decision"] == "adjust");
        Assert.Contains(all, m => m.Instrument == SciaticaRulesTelemetry.ValidationFailuresCounter && (string?)m.Tags["document"] == "profile");

        // Tags name kinds and versions only: never an age, a pain score or a red flag.
        Assert.All(all.SelectMany(m => m.Tags.Keys), key => Assert.Contains(key, new[] { "decision", "rule_set_version", "document" }));
    }

    [Fact]
    public void Select_Review_CatalogLoad_OneSpanEachWithTheirTags()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SciaticaRulesTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        var selector = CatalogLoader.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(CatalogLoader.Write(ExerciseCatalog.Default, RuleSet.Default))));
        selector.Select(Profiles.Clear);
        new SessionReviewer(selector).Review(Profiles.Clear, new SessionFeedback { NewNumbness = false, NewRedFlags = [], NewWeakness = false, NextMorning = NextMorningChange.Better });

        var names = spans.Select(s => s.OperationName).ToList();
        Assert.Contains("sciatica_rules.catalog_load", names);
        Assert.Contains("sciatica_rules.select", names);
        Assert.Contains("sciatica_rules.review", names);
        // The listener hears every test running at the time (other tests load catalogs, some refused): this load's span
        // is the one with this catalog's name and rule-set version.
        Assert.Contains(spans, s => s.OperationName == "sciatica_rules.catalog_load"
            && (string?)s.GetTagItem("catalog.name") == "default" && (string?)s.GetTagItem("rule_set_version") == selector.RuleSetVersion);
        Assert.Contains(spans, s => s.OperationName == "sciatica_rules.select" && (string?)s.GetTagItem("decision") == "program");
    }

    [Fact]
    public void AddSciaticaRules_CatalogLoadedOnceAndLogged_RefusedCatalogLogsEveryProblem()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, CatalogLoader.Write(ExerciseCatalog.Default, RuleSet.Default).Replace("\"name\": \"default\"", "\"name\": \"clinic\"", StringComparison.Ordinal));
            var logs = new ListLoggerProvider();
            using (var provider = new ServiceCollection().AddLogging(b => b.AddProvider(logs)).AddSciaticaRules(path).BuildServiceProvider())
            {
                provider.GetRequiredService<IStartupValidator>().Validate();
                provider.GetRequiredService<IProgramSelector>();
                provider.GetRequiredService<ISessionReviewer>();
            }

            // Validated at start-up and registered as the engine: read and logged once.
            var loaded = Assert.Single(logs.Entries, e => e.EventId.Name == "CatalogLoaded");
            Assert.Contains("clinic", loaded.Message, StringComparison.Ordinal);
            Assert.Contains("clinic/3.0.0+", loaded.Message, StringComparison.Ordinal);

            File.WriteAllText(path, """{"name":"broken","version":"1","exercises":[],"contraindications":[]}""");
            var refused = new ListLoggerProvider();
            using var broken = new ServiceCollection().AddLogging(b => b.AddProvider(refused)).AddSciaticaRules(path).BuildServiceProvider();
            Assert.Throws<OptionsValidationException>(() => broken.GetRequiredService<IStartupValidator>().Validate());
            var entry = Assert.Single(refused.Entries, e => e.EventId.Name == "CatalogRefused");
            Assert.Equal(LogLevel.Error, entry.Level);
            Assert.Contains("$.exercises", entry.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AddSciaticaRules_TightenedThresholds_LogsOneCatalogLoadedLineWithTheEnginesVersion()
    {
        var logs = new ListLoggerProvider();
        using var provider = new ServiceCollection().AddLogging(b => b.AddProvider(logs))
            .AddSciaticaRules(o => o.Thresholds = new RuleThresholds { SeriousPathologyMaximumAge = 45 })
            .BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        var engine = provider.GetRequiredService<IProgramSelector>();

        // One line, naming the version the engine really uses (the thresholds change the hash), not the default's too.
        var loaded = Assert.Single(logs.Entries, e => e.EventId.Name == "CatalogLoaded");
        Assert.NotEqual(ProgramSelector.Default.RuleSetVersion, engine.RuleSetVersion);
        Assert.Contains(engine.RuleSetVersion, loaded.Message, StringComparison.Ordinal);
    }

    private sealed class ListLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, EventId EventId, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new ListLogger(Entries);

        public void Dispose()
        {
        }

        private sealed class ListLogger(ConcurrentQueue<(LogLevel, EventId, string)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue((logLevel, eventId, formatter(state, exception)));
        }
    }
}
