using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;

namespace Sciatica.Rules;

/// <summary>
/// The names under which the library reports what it does in production: one <see cref="Meter"/> and one
/// <see cref="ActivitySource"/>, both called <see cref="Name"/>. Nothing about the person is ever reported: tags
/// carry the decision kind, the rule-set version, the document type and the catalog name, never profile values.
/// </summary>
/// <remarks>
/// Subscribe with OpenTelemetry (<c>AddMeter(SciaticaRulesTelemetry.Name)</c>, <c>AddSource(SciaticaRulesTelemetry.Name)</c>)
/// or with <see cref="MeterListener"/> and <see cref="ActivityListener"/>. With no listener, recording costs a check. A host that
/// turns the runtime's metrics off (MSBuild <c>MetricsSupport</c> false) gets no meter from the library at all.
/// Spans: <c>sciatica_rules.select</c>, <c>sciatica_rules.review</c>, <c>sciatica_rules.catalog_load</c>.
/// </remarks>
public static class SciaticaRulesTelemetry
{
    /// <summary>The name of the meter and of the activity source: <c>Sciatica.Rules</c>.</summary>
    public const string Name = "Sciatica.Rules";

    /// <summary>The counter of decisions made, tagged <c>decision</c> and <c>rule_set_version</c>.</summary>
    public const string DecisionsCounter = "sciatica_rules.decisions";

    /// <summary>The counter of session reviews, tagged <c>decision</c> (adjust or a screening decision) and <c>rule_set_version</c>.</summary>
    public const string ReviewsCounter = "sciatica_rules.reviews";

    /// <summary>The counter of documents or values refused as invalid, tagged <c>document</c> (profile, catalog, review request, ...).</summary>
    public const string ValidationFailuresCounter = "sciatica_rules.validation_failures";

    /// <summary>The runtime's switch for metrics, set by the MSBuild property <c>MetricsSupport</c>.</summary>
    internal const string MetricsSwitch = "System.Diagnostics.Metrics.Meter.IsSupported";

    internal static readonly ActivitySource Source = new(Name, LibraryVersion.Value);

    /// <summary>
    /// Whether the host allows metrics, as the runtime's own switch says (on unless set to false). When it is off no
    /// listener can receive a measurement, so the meter and its counters are never made: making them cost a fresh
    /// process a few milliseconds (docs/benchmarks.md, cold start), and trimmed builds leave them out.
    /// </summary>
    [FeatureSwitchDefinition(MetricsSwitch)]
    internal static bool IsMetricsSupported { get; } = MetricsSupported(AppContext.TryGetSwitch(MetricsSwitch, out var on) ? on : null);

    /// <summary>Metrics are on unless the host set the switch to false.</summary>
    /// <param name="configured">The switch's value, or null when the host did not set it.</param>
    internal static bool MetricsSupported(bool? configured) => configured is not false;

    internal static void Decided(DecisionKind kind, string ruleSetVersion)
    {
        if (IsMetricsSupported && Metrics.Decisions.Enabled)
        {
            Metrics.Decisions.Add(1, new KeyValuePair<string, object?>("decision", ContractNames.Of(kind)), new KeyValuePair<string, object?>("rule_set_version", ruleSetVersion));
        }
    }

    /// <summary>Counts a session review by its decision (a review decision, named as the contract names it).</summary>
    internal static void Reviewed<TDecision>(TDecision decision, string ruleSetVersion)
        where TDecision : struct, Enum
    {
        if (IsMetricsSupported && Metrics.Reviews.Enabled)
        {
            Metrics.Reviews.Add(1, new KeyValuePair<string, object?>("decision", ContractNames.Of(decision)), new KeyValuePair<string, object?>("rule_set_version", ruleSetVersion));
        }
    }

    internal static void Refused(string document)
    {
        if (IsMetricsSupported && Metrics.ValidationFailures.Enabled)
        {
            Metrics.ValidationFailures.Add(1, new KeyValuePair<string, object?>("document", document));
        }
    }

    /// <summary>The meter and its counters, made when first used and only when metrics are supported.</summary>
    internal static class Metrics
    {
        internal static readonly Meter Meter = new(Name, LibraryVersion.Value);

        internal static readonly Counter<long> Decisions = Meter.CreateCounter<long>(DecisionsCounter, "{decision}", "Decisions made, by kind and rule-set version.");

        internal static readonly Counter<long> Reviews = Meter.CreateCounter<long>(ReviewsCounter, "{review}", "Session reviews, by outcome and rule-set version.");

        internal static readonly Counter<long> ValidationFailures = Meter.CreateCounter<long>(ValidationFailuresCounter, "{document}", "Documents or values refused as invalid, by document type.");
    }
}
