using Microsoft.Playwright;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Handouts.Tests;

/// <summary>
/// Handouts printed to PDF in Chromium on A4 and US Letter, in every language, for plans of 1, 7 and 11 exercises:
/// the page size asked for, at most ceil((n + 2) / 3) + 1 pages with the diary, no exercise taller than a page (and
/// each kept whole), nothing wider than the paper, body text at least 12 pt and the stop box at least 12 pt bold,
/// measured from the rendered print layout, and no printed page holding only footer material (read from the PDF).
/// The PDFs are written to artifacts/handouts.
/// </summary>
public sealed class PrintTests(Browser browser) : IClassFixture<Browser>
{
    public static TheoryData<PaperSize, string, int> Cases()
    {
        var data = new TheoryData<PaperSize, string, int>();
        foreach (var paper in new[] { PaperSize.A4, PaperSize.Letter })
        {
            foreach (var language in HandoutLanguages.All)
            {
                foreach (var n in new[] { 1, 7, 11 })
                {
                    data.Add(paper, language, n);
                }
            }
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task Plan_PrintsWithinItsPageBudget_AtReadableSizes(PaperSize paper, string language, int n)
    {
        Browser.SkipUnlessAvailable();
        var decision = PlanOf(n);
        var html = (await HandoutRenderer.Default.RenderAsync(decision, new HandoutOptions { Language = language, Paper = paper })).Html;
        var (widthMm, heightMm) = paper == PaperSize.Letter ? (215.9, 279.4) : (210.0, 297.0);
        const double PxPerMm = 96 / 25.4;
        // The window is the page's content area (the paper less the @page margins: 9 mm each side, 7 + 6 mm top and
        // bottom), so that the print layout measured here is the one on paper.
        var contentWidth = (widthMm - 18) * PxPerMm;
        var contentHeight = (heightMm - 13) * PxPerMm;
        var page = await browser.Chromium.NewPageAsync(new() { ViewportSize = new() { Width = (int)contentWidth, Height = (int)contentHeight } });
        await page.SetContentAsync(html, new() { WaitUntil = WaitUntilState.Load });
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        // Sizes in CSS px (1 pt = 4/3 px), from the layout as printed.
        var sizes = await page.EvaluateAsync<Measure[]>("""
            () => {
              const out = [];
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              while (walker.nextNode()) {
                const node = walker.currentNode;
                if (!node.textContent.trim()) continue;
                const e = node.parentElement;
                if (e.closest('caption') || e.getClientRects().length === 0) continue;
                const s = getComputedStyle(e);
                if (s.display === 'none' || s.visibility === 'hidden') continue;
                out.push({ area: e.closest('.diary .grid') ? 'diary' : e.closest('.stop') ? 'stop' : 'body',
                  px: parseFloat(s.fontSize), weight: parseInt(s.fontWeight, 10), text: node.textContent.trim().slice(0, 40) });
              }
              return out;
            }
            """);
        Assert.NotEmpty(sizes);
        var small = sizes.Where(s => s.Area != "diary" && s.Px < 16 - 0.01).Select(s => $"{s.Px * 0.75:0.#} pt: {s.Text}").ToList();
        Assert.True(small.Count == 0, "text under 12 pt in print: " + string.Join(" | ", small.Take(5)));
        var light = sizes.Where(s => s.Area == "stop" && s.Weight < 700).Select(s => s.Text).ToList();
        Assert.True(light.Count == 0, "stop box text not bold in print: " + string.Join(" | ", light.Take(5)));
        var diaryMin = sizes.Where(s => s.Area == "diary").Select(s => s.Px * 0.75).DefaultIfEmpty(0).Min();
        // The diary's grid: 12 pt where it fits (a plan of up to three exercises), 11 pt above that; never under 10 pt.
        var diaryFloor = n <= 3 ? 12 : 11;
        Assert.True(diaryMin >= diaryFloor - 0.01, $"diary text at {diaryMin:0.#} pt in print; at least {diaryFloor} pt for {n} exercises");

        var widest = await page.EvaluateAsync<double>("() => Math.max(...[...document.querySelectorAll('main, .diary .grid, .exercise')].map(e => e.getBoundingClientRect().width))");
        Assert.True(widest <= contentWidth + 1, $"something is {widest:0} px wide; the paper holds {contentWidth:0} px");
        var clipped = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('.diary th, .diary td')].filter(c => c.scrollWidth > c.clientWidth + 1).length");
        Assert.Equal(0, clipped);

        // The diary splits across pages between exercises with its row of days repeated, never clipped: every
        // exercise's rows (a row group kept whole) fit well within a page, and the row of days is a repeated header.
        var diary = await page.EvaluateAsync<Diary>("""
            () => ({
              header: getComputedStyle(document.querySelector('.diary thead')).display,
              groups: [...document.querySelectorAll('.diary tbody')].map(b => ({ height: b.getBoundingClientRect().height, breakInside: getComputedStyle(b).breakInside })),
              right: document.querySelector('.diary .grid').getBoundingClientRect().right,
            })
            """);
        Assert.Equal("table-header-group", diary.Header);
        Assert.Equal(n + 1, diary.Groups.Length);
        Assert.All(diary.Groups, g =>
        {
            Assert.Equal("avoid", g.BreakInside);
            Assert.True(g.Height < contentHeight / 3, $"a diary row group is {g.Height:0} px tall; a page holds {contentHeight:0} px");
        });
        Assert.True(diary.Right <= contentWidth + 1, $"the diary reaches {diary.Right:0} px; the paper holds {contentWidth:0} px");
        var cards = await page.EvaluateAsync<Card[]>("() => [...document.querySelectorAll('.exercise')].map(e => ({ height: e.getBoundingClientRect().height, breakInside: getComputedStyle(e).breakInside }))");
        Assert.Equal(n, cards.Length);
        Assert.All(cards, c =>
        {
            Assert.Equal("avoid", c.BreakInside);
            Assert.True(c.Height < contentHeight / 2, $"an exercise is {c.Height:0} px tall; a page holds {contentHeight:0} px");
        });

        var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true, Path = Path.Combine(Browser.ArtifactDirectory, $"plan-{n}.{language}.{paper}.pdf") });
        var budget = (int)Math.Ceiling((n + 2) / 3.0) + 1;
        var pages = BrowserTests.PageCount(pdf);
        Assert.Equal(paper == PaperSize.Letter ? "612 792" : "595 842", BrowserTests.MediaBox(pdf));
        await PrintedPages.AssertNoFooterOnlyPage(page, pdf, $"{n} exercises ({language}, {paper})");
        await page.CloseAsync();

        Assert.True(pages <= budget, $"{n} exercises ({language}, {paper}) print on {pages} pages; at most {budget}");
    }

    [Fact]
    public void PaperFromTheCulturePassedIn_LetterOnlyWhereItIsUsed()
    {
        Assert.Equal(PaperSize.A4, HandoutOptions.PaperFor(null));
        Assert.Equal(PaperSize.A4, HandoutOptions.PaperFor("de-DE"));
        Assert.Equal(PaperSize.A4, HandoutOptions.PaperFor("en-GB"));
        Assert.Equal(PaperSize.A4, HandoutOptions.PaperFor("en"));
        Assert.Equal(PaperSize.Letter, HandoutOptions.PaperFor("en-US"));
        Assert.Equal(PaperSize.Letter, HandoutOptions.PaperFor("es_MX"));
        Assert.Equal(PaperSize.Letter, HandoutOptions.PaperFor("fr-Latn-CA"));
        Assert.Equal(PaperSize.A4, new HandoutOptions().ResolvedPaper);
        Assert.Equal(PaperSize.Letter, new HandoutOptions { Culture = "en-US" }.ResolvedPaper);
        Assert.Equal(PaperSize.A4, new HandoutOptions { Culture = "en-US", Paper = PaperSize.A4 }.ResolvedPaper);
    }

    [Theory]
    [InlineData(PaperSize.A4, "size: A4")]
    [InlineData(PaperSize.Letter, "size: letter")]
    public async Task PageSize_IsSetInTheStylesheet(PaperSize paper, string css)
    {
        var html = (await HandoutRenderer.Default.RenderAsync(Samples.Decision("herniated-disc-l5"), new HandoutOptions { Paper = paper })).Html;
        Assert.Contains("@page { " + css + "; }", html, StringComparison.Ordinal);
    }

    /// <summary>A program of the first <paramref name="n"/> default exercises (the rest left out with a real reason), under the default rule set.</summary>
    internal static ProgramDecision PlanOf(int n)
    {
        var real = Samples.Decision("herniated-disc-l5");
        var reasons = real.Excluded.SelectMany(x => x.Reasons).ToList();
        var all = ExerciseCatalog.Default.Exercises;
        return real with
        {
            Exercises = [.. all.Take(n).Select(e => new PrescribedExercise
            {
                Id = e.Id, Name = e.Name, Kind = e.Kind, Movements = e.Movements, Dosage = e.Dosage, Instructions = e.Instructions, Rationale = e.Rationale, Source = e.Source,
            })],
            Excluded = [.. all.Skip(n).Select((e, i) => new ExcludedExercise(e.Id, [reasons[i % reasons.Count]]))],
        };
    }

    public sealed class Measure
    {
        public string Area { get; set; } = "";

        public double Px { get; set; }

        public int Weight { get; set; }

        public string Text { get; set; } = "";
    }

    public sealed class Diary
    {
        public string Header { get; set; } = "";

        public Card[] Groups { get; set; } = [];

        public double Right { get; set; }
    }

    public sealed class Card
    {
        public double Height { get; set; }

        public string BreakInside { get; set; } = "";
    }
}
