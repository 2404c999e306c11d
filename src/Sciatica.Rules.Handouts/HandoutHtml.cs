using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Sciatica.Rules.Handouts;

/// <summary>
/// Writes a handout as one self-contained HTML document. Internal on purpose: the Razor compiler makes every component
/// class public (dotnet/razor#8715), which put the page's plumbing into the package's public API, so the document is
/// written here instead. Sentences arrive as encoded HTML (<see cref="MarkupString"/> from <see cref="Texts"/>); every
/// other value is encoded on the way out.
/// </summary>
internal sealed class HandoutHtml
{
    /// <summary>The number of days of the diary.</summary>
    private const int DayCount = 14;

    /// <summary>Up to this many exercises the printed diary grid has room for 12 pt text (11 pt above it).</summary>
    private const int RoomyUpTo = 3;

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    private readonly StringBuilder html = new();
    private readonly Texts t;
    private readonly HandoutPage page;

    private HandoutHtml(Texts texts, HandoutPage page)
    {
        t = texts;
        this.page = page;
    }

    /// <summary>The whole handout: on paper the layout table's footer, which the browser repeats at the foot of every printed page, holds the emergency line of the stop box.</summary>
    public static string Write(Texts texts, HandoutPage page)
    {
        var writer = new HandoutHtml(texts, page);
        writer.Document();
        return writer.html.ToString();
    }

    private void Document()
    {
        Raw("<!DOCTYPE html>\n<html lang=\"").Attr(t.Language).Raw("\"><head><meta charset=\"utf-8\">\n")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Raw("<meta name=\"generator\" content=\"Sciatica.Rules.Handouts\">\n")
            .Raw("<title>").Text(t.Plain(page.TitleKey)).Raw("</title>\n")
            .Raw("<style>").Raw(Stylesheet.For(page.Paper)).Raw("</style></head>\n");
        Raw("<body class=\"").Raw(page.IsProgram ? "program" : "act").Raw("\" data-decision=\"").Attr(page.DecisionCode)
            .Raw("\" data-rule-set-version=\"").Attr(page.RuleSetVersion).Raw("\" data-paper=\"").Raw(page.Paper == PaperSize.Letter ? "letter" : "a4").Raw("\">");
        Raw("<table class=\"layout\" role=\"presentation\">");
        if (page.IsProgram)
        {
            Raw("<tfoot class=\"print-only\"><tr><td><div class=\"stop stop-footer\"><p class=\"stop-title\"><strong>").Markup(t["stop.heading"]).Raw(":</strong> ");
            EmergencyLine("span");
            Raw("</p></div></td></tr></tfoot>");
        }

        Raw("<tbody><tr><td><main><header><h1 id=\"top\">").Markup(t[page.TitleKey]).Raw("</h1>\n<dl class=\"clinic\">");
        foreach (var field in page.ClinicFields)
        {
            Raw("<div class=\"clinic-field\" data-clinic-field=\"").Attr(field.Key).Raw("\"><dt>").Markup(field.Label).Raw("</dt><dd>");
            if (field.Value is { } value)
            {
                Markup(value);
            }
            else
            {
                Raw("<span class=\"blank\"><span class=\"sr-only\">").Markup(t["clinic.blank"]).Raw("</span></span>");
            }

            Raw("</dd></div>");
        }

        Raw("</dl>\n");
        DecisionBox();
        Raw("</header>\n<section class=\"stop stop-box\" aria-labelledby=\"stop-heading\"><h2 id=\"stop-heading\">").Markup(t["stop.heading"]).Raw("</h2>\n");
        StopList();
        Raw("</section>");
        if (page.Pregnant)
        {
            // Warning signs to stop exercise in pregnancy, in our own words [ACOG: Committee Opinion 804, 2020].
            Raw("<section class=\"stop pregnancy\" data-source=\"ACOG\" aria-labelledby=\"pregnancy-heading\"><h2 id=\"pregnancy-heading\">").Markup(t["pregnancy.heading"])
                .Raw("</h2>\n<p>").Markup(t["pregnancy.signs"]).Raw("</p></section>");
        }

        if (page.IsReview && (page.Stopped.Count > 0 || page.Changed.Count > 0))
        {
            Raw("<section class=\"changes\" aria-labelledby=\"changes-heading\"><h2 id=\"changes-heading\">").Markup(t["review.changesHeading"]).Raw("</h2>");
            if (page.Stopped.Count > 0)
            {
                Raw("<ul class=\"stopped\">");
                foreach (var item in page.Stopped)
                {
                    Raw("<li data-exercise=\"").Attr(item.Id).Raw("\" data-number=\"").Raw(Number(item.Number)).Raw("\"><strong>").Raw(Number(item.Number)).Raw(". ").Markup(item.Name)
                        .Raw("</strong>: <strong>").Markup(page.StopAction).Raw(".</strong> ").Markup(item.Because).Raw("</li>\n");
                }

                Raw("</ul>");
            }

            foreach (var exercise in page.Changed)
            {
                ExerciseCard(exercise);
            }

            Raw("</section>");
        }

        var cards = page.IsReview ? page.Unchanged : page.Exercises;
        if (cards.Count > 0)
        {
            Raw("<section class=\"plan\" aria-labelledby=\"plan-heading\"><h2 id=\"plan-heading\">").Markup(t[page.IsReview ? "plan.reviewHeading" : "plan.heading"]).Raw("</h2>");
            if (!page.IsReview)
            {
                Raw("<p>").Markup(t["plan.intro"]).Raw("</p>\n<p class=\"feel\"><strong>").Markup(t["exercise.feelHeading"]).Raw("</strong> ").Markup(t["exercise.feel", page.MaximumPain]).Raw("</p>");
            }

            foreach (var exercise in cards)
            {
                ExerciseCard(exercise);
            }

            Raw("</section>");
        }

        if (page.IsProgram && !page.IsReview && page.Reasons.Count > 0)
        {
            Raw("<section class=\"why-section\" aria-labelledby=\"why-heading\"><h2 id=\"why-heading\">").Markup(t["plan.whyHeading"]).Raw("</h2>\n<p class=\"reasons\">")
                .Raw(string.Join(" ", page.Reasons.Select(r => r.Value))).Raw("</p></section>");
        }

        if (page.LeftOut.Count > 0)
        {
            Raw("<section class=\"left-out-section\" aria-labelledby=\"left-out-heading\"><h2 id=\"left-out-heading\">").Markup(t["leftOut.heading"]).Raw("</h2>\n<p>").Markup(t["leftOut.intro"]).Raw("</p>\n<ul class=\"left-out\">");
            foreach (var group in page.LeftOutByReason)
            {
                Raw("<li data-exercise=\"").Attr(string.Join(" ", group.Select(x => x.Id))).Raw("\">");
                for (var i = 0; i < group.Count; i++)
                {
                    Raw(i > 0 ? ", " : string.Empty).Raw("<strong>").Markup(group[i].Name).Raw("</strong>");
                }

                Raw(": ").Markup(group[0].Because).Raw("</li>\n");
            }

            Raw("</ul></section>");
        }

        // The diary last, after why and what was left out: a sheet to fill in, which on paper starts where it fits.
        if (page.Exercises.Count > 0)
        {
            Diary();
        }

        Raw("<footer><p>").Markup(t["footer.supports"]).Raw("</p>\n<p class=\"version\">").Markup(t["footer.version", page.RuleSetVersion]).Raw("</p></footer></main></td></tr></tbody></table></body>\n</html>");
    }

    /// <summary>The decision first, in plain words, with how soon to act; on a program the reasons follow the exercises ("Why this plan").</summary>
    private void DecisionBox()
    {
        Raw("<div class=\"decision ").Raw(page.IsProgram ? "go" : "act").Raw("\" role=\"note\" aria-label=\"").Attr(t.Plain("decision.label")).Raw("\"><p class=\"headline\"><strong>")
            .Markup(page.Headline).Raw("</strong></p>\n<p class=\"when\">").Markup(page.When).Raw("</p>");
        if (page.Reasons.Count > 0 && !page.IsProgram)
        {
            Raw("<p>").Markup(t["decision.why"]).Raw("</p>\n<ul class=\"reasons\">");
            foreach (var reason in page.Reasons)
            {
                Raw("<li>").Markup(reason).Raw("</li>\n");
            }

            Raw("</ul>");
        }

        Raw("</div>");
    }

    /// <summary>The emergency line: the headline of the one source of wording ("now", as on an emergency decision) as its lead.</summary>
    private void EmergencyLine(string element)
    {
        var lead = t.PlainContent("headline.emergency", Wording.Headline(DecisionKind.Emergency, Audience.Person)).TrimEnd('.');
        Raw("<").Raw(element).Raw(" class=\"stop-emergency\"><strong>").Text(lead).Raw("</strong>").Markup(t["stop.emergencyJoin"]).Raw(" ").Markup(t["stop.emergency"]).Raw("</").Raw(element).Raw(">");
    }

    /// <summary>Stop and seek help: the signs that need emergency care (always) and, on a program, the signs that stop exercise.</summary>
    private void StopList()
    {
        Raw("<ul class=\"stop-list\">");
        EmergencyLine("li");
        if (page.IsProgram)
        {
            Raw("<li class=\"stop-rule\">").Markup(t["stop.pain", page.MaximumPain]).Raw("</li>\n")
                .Raw("<li class=\"stop-rule\">").Markup(t["stop.spreading"]).Raw("</li>\n")
                .Raw("<li class=\"stop-rule\">").Markup(t["stop.neuro"]).Raw("</li>");
        }

        Raw("</ul>");
    }

    /// <summary>One exercise: drawing, dose, numbered steps and when to stop (the stop box's own sentences). Never split across printed pages.</summary>
    private void ExerciseCard(HandoutExercise exercise)
    {
        var id = "exercise-" + exercise.Id;
        Raw("<article class=\"exercise\" data-exercise=\"").Attr(exercise.Id).Raw("\" data-number=\"").Raw(Number(exercise.Number)).Raw("\" aria-labelledby=\"").Attr(id).Raw("\">")
            .Raw("<div class=\"figure").Raw(Illustrations.IsTall(exercise.Id) ? " tall" : string.Empty).Raw("\">")
            .Raw(Illustrations.Svg(exercise.Id, id + "-img", t.Plain("exercise.illustration", exercise.PlainName))).Raw("</div>\n")
            .Raw("<div class=\"body\"><h3 id=\"").Attr(id).Raw("\">").Raw(Number(exercise.Number)).Raw(". ").Markup(exercise.Name).Raw("</h3>");
        if (exercise.Action is { } action)
        {
            Raw("<p class=\"action\"><strong>").Markup(action).Raw(".</strong>");
            if (exercise.ChangesDose)
            {
                Raw(" ").Markup(t["action.newDose"]);
            }

            Raw("</p>");
        }

        Raw("<p class=\"dose\"><strong>").Markup(t["exercise.dose"]).Raw("</strong>");
        foreach (var part in exercise.Dose)
        {
            Raw("<span class=\"dose-part\">").Markup(part).Raw("</span>");
        }

        Raw("</p>\n<ol class=\"steps\" aria-label=\"").Attr(t.Plain("exercise.steps")).Raw("\">");
        foreach (var step in exercise.Steps)
        {
            Raw("<li>").Markup(step).Raw("</li>");
        }

        // The same sentences as the stop box, so that the card and the box never disagree.
        Raw("</ol>\n<p class=\"when-stop\"><strong>").Markup(t["exercise.stopHeading"]).Raw("</strong> <span class=\"stop-rule\">").Markup(t["stop.pain", page.MaximumPain])
            .Raw("</span> <span class=\"stop-rule\">").Markup(t["stop.spreading"]).Raw("</span></p></div></article>");
    }

    /// <summary>
    /// Two weeks, one column a day, everything in words (no arrows: a person reads "up" as "worse"). Each row is one
    /// field of the session-review input (docs/handouts.md). One table whose row of days the browser repeats on every
    /// printed page; each exercise is a row group kept on one page, so the diary splits between exercises with its
    /// headings repeated rather than running off the paper's edge.
    /// </summary>
    private void Diary()
    {
        var exercises = page.Exercises;
        Raw("<section class=\"diary\" aria-labelledby=\"diary-heading\"><h2 id=\"diary-heading\">").Markup(t["diary.heading"]).Raw("</h2>\n<p>").Markup(t["diary.intro"])
            .Raw("</p>\n<p class=\"legend\">").Markup(t["diary.legend", page.MaximumPain]).Raw("</p>\n")
            .Raw("<table class=\"grid").Raw(exercises.Count <= RoomyUpTo ? " roomy" : string.Empty).Raw("\"><caption>").Markup(t["diary.caption"]).Raw("</caption>\n")
            .Raw("<thead><tr><th scope=\"col\" class=\"label\">").Markup(t["diary.day"]).Raw("</th>");
        for (var day = 1; day <= DayCount; day++)
        {
            Raw("<th scope=\"col\">").Raw(Number(day)).Raw("</th>");
        }

        Raw("</tr></thead>");
        for (var n = 0; n < exercises.Count; n++)
        {
            var exercise = exercises[n];
            var field = "exercises[" + Number(n) + "]";
            Raw("<tbody data-exercise=\"").Attr(exercise.Id).Raw("\"><tr class=\"group\" data-field=\"").Raw(field).Raw(".id\" data-value=\"").Attr(exercise.Id).Raw("\"><th scope=\"row\"><strong>")
                .Raw(Number(exercise.Number)).Raw(". ").Markup(exercise.Name).Raw("</strong>: ").Markup(t["diary.done"]).Raw("</th>");
            Boxes();
            Raw("</tr>\n<tr data-field=\"").Raw(field).Raw(".painDuring\"><th scope=\"row\">").Markup(t["diary.pain"]).Raw("</th>");
            Blanks();
            Raw("</tr>\n");
            foreach (var (value, key) in new[] { ("peripheralized", "diary.peripheralized"), ("centralized", "diary.centralized"), ("unchanged", "diary.unchanged") })
            {
                Raw("<tr data-field=\"").Raw(field).Raw(".symptomChange\" data-value=\"").Raw(value).Raw("\"><th scope=\"row\">").Markup(t[key]).Raw("</th>");
                Boxes();
                Raw("</tr>\n");
            }

            Raw("</tbody>");
        }

        Raw("<tbody class=\"day-rows\"><tr class=\"group\"><th scope=\"colgroup\" colspan=\"").Raw(Number(DayCount + 1)).Raw("\"><strong>").Markup(t["diary.dayCaption"]).Raw("</strong></th></tr>\n");
        foreach (var (fieldName, value, key) in new[]
        {
            ("nextMorning", "better", "diary.better"), ("nextMorning", "same", "diary.same"), ("nextMorning", "worse", "diary.worse"),
            ("newNumbness", null, "diary.newNumbness"), ("newWeakness", null, "diary.newWeakness"), ("newRedFlags", null, "diary.newRedFlags"),
        })
        {
            Raw("<tr data-field=\"").Raw(fieldName).Raw("\"");
            if (value is not null)
            {
                Raw(" data-value=\"").Raw(value).Raw("\"");
            }

            Raw("><th scope=\"row\">").Markup(t[key]).Raw("</th>");
            Boxes();
            Raw("</tr>\n");
        }

        Raw("</tbody></table></section>");
    }

    /// <summary>A tick box a day.</summary>
    private void Boxes()
    {
        for (var day = 1; day <= DayCount; day++)
        {
            Raw("<td><span class=\"box\" aria-hidden=\"true\"></span></td>");
        }
    }

    /// <summary>An empty cell a day, to write a number in.</summary>
    private void Blanks()
    {
        for (var day = 1; day <= DayCount; day++)
        {
            Raw("<td></td>");
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private HandoutHtml Raw(string value)
    {
        html.Append(value);
        return this;
    }

    private HandoutHtml Markup(MarkupString value)
    {
        html.Append(value.Value ?? string.Empty);
        return this;
    }

    private HandoutHtml Text(string value)
    {
        html.Append(Encoder.Encode(value));
        return this;
    }

    private HandoutHtml Attr(string value) => Text(value);
}
