using System.Text;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Generate;

/// <summary>The rules reference (docs/rules.md) and the clinical sources (docs/clinical-sources.md).</summary>
internal static class RulesReference
{
    /// <summary>Writes docs/clinical-sources.md from the built-in source table.</summary>
    internal static string RenderSources()
    {
        var text = new StringBuilder();
        text.Append("# Clinical sources\n\n");
        text.Append("Generated from `ClinicalSources.BuiltIn` by `eng/Sciatica.Rules.Generate`; do not edit by hand.\n\n");
        text.Append("Every rule and exercise of the default rule set cites one of these ids in its `source`, and every decision\n");
        text.Append("repeats it, so a clinician can trace each reason to its evidence. The rules reference ([rules.md](rules.md))\n");
        text.Append("lists which rule cites which source. Figures quoted in rules come from these sources; the wording is the project's own.\n\n");
        text.Append("| id | citation | what the rules take from it |\n|---|---|---|\n");
        foreach (var source in ClinicalSources.BuiltIn)
        {
            text.Append("| `").Append(source.Id).Append("` | ").Append(source.Citation.Replace("|", "\\|", StringComparison.Ordinal)).Append(" | ")
                .Append(source.Supports.Replace("|", "\\|", StringComparison.Ordinal)).Append(" |\n");
        }

        return text.ToString();
    }

    /// <summary>Writes docs/rules.md for a rule set and catalog.</summary>
    internal static string Render(RuleSet rules, ExerciseCatalog catalog)
    {
        var text = new StringBuilder();
        text.Append("# Rules reference\n\n");
        text.Append("Generated from the default rule set by `eng/Sciatica.Rules.Generate`; do not edit by hand.\n");
        text.Append("Rule set `").Append(rules.Name).Append('/').Append(rules.Version).Append("`, version stamp `").Append(new Sciatica.Rules.ProgramSelector(catalog, rules).RuleSetVersion).Append("`.\n\n");
        text.Append("Source ids are listed with their full citations in [clinical-sources.md](clinical-sources.md) (for example `SEED` for the seed article, `CES` for the cauda equina review).\n");
        text.Append("Every decision other than a program says how soon to act (`timeframe`): emergency `now`, urgent referral `within24Hours`,\n");
        text.Append("treat the cause first `withinDays` (or `within24Hours` when a gate asks for sooner:");
        text.Append(string.Concat(rules.Screening.Where(g => g.Timeframe is not null).Select(g => " `" + g.Id + "` " + ContractNames.Of(g.Timeframe!.Value))));
        text.Append("), seek medical advice `beforeExercising`.\n");
        foreach (var group in rules.Rules.GroupBy(r => r.Category))
        {
            text.Append("\n## ").Append(Heading(group.Key)).Append("\n\n");
            text.Append("| rule id | strength | source | rationale |\n|---|---|---|---|\n");
            foreach (var rule in group)
            {
                text.Append("| `").Append(rule.Id).Append("` | ").Append(rule.Strength is { } s ? ContractNames.Of(s) : "-").Append(" | ")
                    .Append(rule.Source).Append(" | ").Append(rule.Rationale.Replace("|", "\\|", StringComparison.Ordinal)).Append(" |\n");
            }
        }

        text.Append("\n## Contraindications: conditions and movements\n\n");
        text.Append("| rule id | applies to causes | when | avoids | lifted by |\n|---|---|---|---|---|\n");
        foreach (var c in rules.Contraindications)
        {
            var when = new List<string>();
            if (c.WhenDirectionalPreference is { } p)
            {
                when.Add(ContractNames.Of(p) + " preference");
            }

            if (c.AfterSpineSurgery)
            {
                when.Add("after spine surgery");
            }

            if (c.MinimumLegPain is { } pain)
            {
                when.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"leg pain {pain} or more"));
            }

            if (c.MinimumPregnancyWeeks is { } weeks)
            {
                when.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"from {weeks} weeks of pregnancy"));
            }

            text.Append("| `").Append(c.Id).Append("` | ").Append(c.Causes.IsEmpty ? "any" : string.Join(", ", c.Causes.Select(ContractNames.Of)))
                .Append(" | ").Append(when.Count == 0 ? "always" : string.Join(", ", when))
                .Append(" | ").Append(string.Join(", ", c.Movements.Select(ContractNames.Of).Concat(c.Positions.Select(x => ContractNames.Of(x) + " position"))))
                .Append(c.GuardsCustomCatalogsOnly ? " (guards custom catalogs only)" : string.Empty)
                .Append(" | ").Append(c.LiftedByDirectionalPreference is { } l ? ContractNames.Of(l) + " preference, or a clinician override" : c.Strength == ContraindicationStrength.Relative ? "a clinician override" : "nothing").Append(" |\n");
        }

        if (rules.DeclaredSources.Count > 0)
        {
            text.Append("\n## Sources declared by this catalog\n\n| id | citation | link |\n|---|---|---|\n");
            foreach (var source in rules.DeclaredSources)
            {
                text.Append("| `").Append(source.Id).Append("` | ").Append(source.Citation.Replace("|", "\\|", StringComparison.Ordinal)).Append(" | ").Append(source.Link ?? "-").Append(" |\n");
            }
        }

        text.Append("\n## Default catalog\n\n");
        text.Append("Why each exercise carries its movements: [exercise-tagging.md](exercise-tagging.md).\n\n");
        text.Append("| exercise id | kind | position | movements | starting dose | source |\n|---|---|---|---|---|---|\n");
        foreach (var e in catalog.Exercises)
        {
            text.Append("| `").Append(e.Id).Append("` | ").Append(ContractNames.Of(e.Kind)).Append(" | ").Append(ContractNames.Of(e.Position)).Append(" | ")
                .Append(string.Join(", ", e.Movements.Select(ContractNames.Of))).Append(" | ")
                .Append(SciaticaJson.WriteDosage(e.Dosage).Replace("|", "\\|", StringComparison.Ordinal)).Append(" | ").Append(e.Source)
                .Append(e.ClinicianEnabledOnly ? " (clinician-enabled only)" : string.Empty).Append(" |\n");
        }

        return text.ToString();
    }

    private static string Heading(RuleCategory category) => category switch
    {
        RuleCategory.Emergency => "Screening: emergency care now",
        RuleCategory.UrgentReferral => "Screening: urgent specialist referral",
        RuleCategory.TreatCauseFirst => "Screening: treat the cause first",
        RuleCategory.SeekMedicalAdvice => "Screening: medical advice before exercise",
        RuleCategory.Contraindication => "Contraindications",
        RuleCategory.Eligibility => "Eligibility of single exercises",
        RuleCategory.Advice => "Program advice and clinician judgement",
        _ => "Session review (response rules)",
    };
}
