using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Sciatica.Rules.Catalogs;
using Sciatica.Rules.Fhir;

namespace Sciatica.Rules.CdsHooks;

/// <summary>
/// The cards: one per call, by what was found. Every text that comes from a catalog, a rule set or a record passes
/// <see cref="MarkdownText.Escape(string?)"/>; the card's own words come from <see cref="CardWording"/>. Card and suggestion ids are
/// name-based UUIDs of the hook instance and the input, so a call repeated with the same hookInstance gets the same ids and
/// another invocation gets new ones.
/// </summary>
internal sealed class Cards(IProgramSelector engine, Uri documentation, string seed)
{
    public JsonObject Decision(ProgramDecision decision, ResourceReference patient)
    {
        var detail = new StringBuilder();
        detail.Append("**").Append(MarkdownText.Escape(CardWording.Action(decision))).Append("**\n\n");
        if (decision.Decision == DecisionKind.Program)
        {
            Program(decision, detail);
        }
        else
        {
            detail.Append("**Why**\n\n");
            foreach (var reason in decision.Reasons)
            {
                Reason(detail, reason);
            }
        }

        WhatWouldChange(decision, detail);
        Sources(detail, decision.Reasons.Select(r => r.Source).Concat(decision.Excluded.SelectMany(e => e.Reasons).Select(r => r.Source)));
        var card = Card("decision", CardWording.Summary(decision), detail.ToString(), decision.Decision switch
        {
            DecisionKind.Emergency => "critical",
            DecisionKind.UrgentReferral or DecisionKind.TreatCauseFirst => "warning",
            _ => "info",
        });
        var suggestions = new JsonArray();
        if (decision.Decision == DecisionKind.Program)
        {
            var plan = JsonNode.Parse(SciaticaFhir.ToJson(SciaticaFhir.Apply(engine, decision, patient)));
            suggestions.Add(new JsonObject
            {
                ["label"] = CardWording.SuggestionLabel,
                ["uuid"] = Uuid("suggestion"),
                ["isRecommended"] = true,
                ["actions"] = new JsonArray(new JsonObject { ["type"] = "create", ["description"] = "Create a draft CarePlan proposal for this exercise program.", ["resource"] = plan }),
            });
        }

        // Each change that would change the decision or bring back an exercise, as a suggestion the clinician acts on in
        // the intake (record clearance, lift a relative rule with a reason...): only inputs a clinician can act on, never
        // a screening fact, so no FHIR action is attached; the patch is in the detail.
        var number = 0;
        foreach (var change in decision.WhatWouldChange ?? [])
        {
            suggestions.Add(new JsonObject
            {
                ["label"] = CardWording.ChangeLabel(change),
                ["uuid"] = Uuid("change-" + number++.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ["isRecommended"] = false,
            });
        }

        if (suggestions.Count > 0)
        {
            card["selectionBehavior"] = "at-most-one";
            card["suggestions"] = suggestions;
        }

        return card;
    }

    /// <summary>A warning that the intake cannot be used, listing why; never a program.</summary>
    public JsonObject IntakeUnusable(string summary, IEnumerable<string> problems)
    {
        var detail = new StringBuilder().Append("**").Append(CardWording.IntakeProblemAction).Append("**\n\n");
        foreach (var problem in problems)
        {
            detail.Append("- ").Append(MarkdownText.Escape(problem)).Append('\n');
        }

        return Card("intake", summary, detail.ToString(), "warning");
    }

    private void Program(ProgramDecision decision, StringBuilder detail)
    {
        detail.Append("**Included exercises (").Append(decision.Exercises.Count).Append(")**\n\n");
        foreach (var exercise in decision.Exercises)
        {
            detail.Append("- ").Append(MarkdownText.Escape(exercise.Name)).Append(": ").Append(MarkdownText.Escape(CardWording.Dose(exercise.Dosage))).Append('\n');
        }

        var strengths = engine.RuleSet.Rules.ToDictionary(r => r.Id, r => r.Strength, StringComparer.Ordinal);
        var groups = decision.Excluded
            .GroupBy(e => e.Reasons.Any(r => strengths.GetValueOrDefault(r.RuleId) == ContraindicationStrength.Absolute) ? 0
                : e.Reasons.Any(r => strengths.GetValueOrDefault(r.RuleId) == ContraindicationStrength.Relative) ? 1 : 2)
            .OrderBy(g => g.Key);
        foreach (var group in groups)
        {
            detail.Append("\n**").Append(group.Key switch { 0 => CardWording.AbsoluteHeading, 1 => CardWording.RelativeHeading, _ => CardWording.OtherHeading }).Append("**\n\n");
            foreach (var excluded in group)
            {
                var name = engine.Catalog.Exercises.FirstOrDefault(e => e.Id == excluded.Id)?.Name ?? excluded.Id;
                detail.Append("- ").Append(MarkdownText.Escape(name)).Append(": ")
                    .Append(string.Join("; ", excluded.Reasons.Select(r => MarkdownText.Escape(r.Message) + " (" + MarkdownText.Escape(r.RuleId) + ")")))
                    .Append('\n');
            }
        }

        if (decision.Reasons.Count > 0)
        {
            detail.Append("\n**Also consider**\n\n");
            foreach (var reason in decision.Reasons)
            {
                Reason(detail, reason);
            }
        }
    }

    /// <summary>The "What would change it" section: each change in a clinician's words, with the patch of the intake it stands for.</summary>
    private static void WhatWouldChange(ProgramDecision decision, StringBuilder detail)
    {
        if (decision.WhatWouldChange is not { Count: > 0 } changes)
        {
            return;
        }

        detail.Append("\n**").Append(CardWording.WhatWouldChangeHeading).Append("**\n\n");
        foreach (var change in changes)
        {
            detail.Append("- ").Append(MarkdownText.Escape(change.Explanation)).Append(" (").Append(MarkdownText.Escape(SciaticaJson.WritePatch(change.Patch))).Append(")\n");
        }
    }

    private static void Reason(StringBuilder detail, DecisionReason reason) =>
        detail.Append("- ").Append(MarkdownText.Escape(CardWording.Reason(reason))).Append('\n');

    private void Sources(StringBuilder detail, IEnumerable<string> ids)
    {
        var known = ClinicalSources.BuiltIn.Concat(engine.RuleSet.DeclaredSources).DistinctBy(s => s.Id).ToDictionary(s => s.Id, StringComparer.Ordinal);
        var cited = ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (cited.Count == 0)
        {
            return;
        }

        detail.Append("\n**Sources**\n\n");
        foreach (var id in cited)
        {
            detail.Append("- ").Append(MarkdownText.Escape(id)).Append(": ").Append(MarkdownText.Escape(known.TryGetValue(id, out var source) ? source.Citation : "a source declared by the catalog without a citation")).Append('\n');
        }
    }

    private JsonObject Card(string part, string summary, string detail, string indicator) => new()
    {
        ["uuid"] = Uuid(part),
        ["summary"] = summary,
        ["detail"] = detail,
        ["indicator"] = indicator,
        ["source"] = new JsonObject
        {
            ["label"] = "Sciatica.Rules " + engine.RuleSetVersion,
            ["url"] = documentation.AbsoluteUri,
            ["topic"] = new JsonObject { ["system"] = SciaticaFhir.CodeSystemBase + "rule-set", ["code"] = engine.RuleSetVersion, ["display"] = "Sciatica.Rules rule set " + engine.RuleSetVersion },
        },
        ["overrideReasons"] = new JsonArray(
            new JsonObject { ["code"] = "clinician-assessed", ["system"] = SciaticaFhir.CodeSystemBase + "override-reason", ["display"] = "Assessed by a clinician: advice not applicable" },
            new JsonObject { ["code"] = "intake-out-of-date", ["system"] = SciaticaFhir.CodeSystemBase + "override-reason", ["display"] = "The intake is out of date" }),
    };

    /// <summary>A name-based UUID (version 8, RFC 9562) from SHA-256 of the seed (hook instance and input) and the part.</summary>
    private string Uuid(string part)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(part + "\n" + seed));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }
}
