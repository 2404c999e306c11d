using System.Text;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Sciatica.Rules.Handouts.Tests;

/// <summary>
/// The handouts of the sample profiles and reviews in a real browser: no console error, no request, every drawing
/// named, no serious or critical axe violation, readable at 200% zoom, and printed to PDF on A4 and US Letter with the
/// expected number of pages, none of them holding only footer material. Screenshots and PDFs are written to
/// artifacts/handouts.
/// </summary>
public sealed partial class BrowserTests(Browser browser) : IClassFixture<Browser>
{
    /// <summary>The samples in a language each; the pages each prints on is checked against its page budget.</summary>
    public static TheoryData<string, string> Handouts => new()
    {
        { "herniated-disc-l5", HandoutLanguages.English },
        { "herniated-disc-l5", HandoutLanguages.German },
        { "disc-extension-preference", HandoutLanguages.English },
        { "osteoporosis-pregnancy-22-weeks", HandoutLanguages.English },
        { "stenosis-pool", HandoutLanguages.English },
        { "cauda-equina-emergency", HandoutLanguages.English },
        { "cauda-equina-emergency", HandoutLanguages.German },
        { "fever-iv-drug-use", HandoutLanguages.English },
        { "no-clearance", HandoutLanguages.English },
        { "review-progress", HandoutLanguages.English },
        { "review-new-bladder-dysfunction", HandoutLanguages.English },
    };

    [SkippableTheory]
    [MemberData(nameof(Handouts))]
    public async Task Handout_RendersCleanly_IsAccessible_AndPrintsWithinItsPageBudget(string sample, string language)
    {
        Browser.SkipUnlessAvailable();
        var html = await Render(sample, language, PaperSize.A4);
        var page = await browser.Chromium.NewPageAsync(new() { ViewportSize = new() { Width = 1024, Height = 1400 } });
        var errors = new List<string>();
        var requests = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        await page.RouteAsync("**/*", async route =>
        {
            requests.Add(route.Request.Url);
            await route.AbortAsync();
        });

        await page.SetContentAsync(html, new() { WaitUntil = WaitUntilState.Load });

        Assert.Empty(errors);
        Assert.Empty(requests);
        var unnamed = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('img, svg')]
              .filter(e => e.tagName.toLowerCase() === 'img'
                ? !(e.complete && e.naturalWidth > 0 && e.alt.trim())
                : !(e.getAttribute('role') === 'img' && document.getElementById(e.getAttribute('aria-labelledby') ?? '')?.textContent.trim()))
              .map(e => e.outerHTML.slice(0, 120))
            """);
        Assert.Empty(unnamed);
        var headings = await page.EvaluateAsync<int[]>("() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].filter(h => h.offsetParent !== null).map(h => +h.tagName[1])");
        Assert.Equal(1, headings[0]);
        Assert.All(headings.Zip(headings.Skip(1)), pair => Assert.True(pair.Second <= pair.First + 1, $"heading level jumps from h{pair.First} to h{pair.Second}"));

        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));

        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactDirectory, $"{sample}.{language}.png"), FullPage = true });

        // 200% zoom of a 1280-pixel window: a 640-pixel viewport. Nothing may need sideways scrolling.
        await page.SetViewportSizeAsync(640, 900);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"at 200% zoom the page is {overflow} px wider than the window");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactDirectory, $"{sample}.{language}.zoom200.png"), FullPage = true });

        // In print, no exercise is taller than a page, so that none is split (they keep break-inside: avoid).
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.SetViewportSizeAsync(794, 1123);
        var tallest = await page.EvaluateAsync<double>("() => Math.max(0, ...[...document.querySelectorAll('.exercise')].map(e => e.getBoundingClientRect().height))");
        Assert.True(tallest < 900, $"an exercise is {tallest} px tall in print, more than an A4 page holds");
        var cards = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.exercise')].map(e => getComputedStyle(e).breakInside)");
        Assert.All(cards, b => Assert.Equal("avoid", b));

        // A program of n exercises prints on at most ceil((n + 2) / 3) + 1 pages, diary included; anything else on one.
        var exercises = cards.Length;
        var budget = exercises == 0 ? 1 : (int)Math.Ceiling((exercises + 2) / 3.0) + 1;
        foreach (var paper in new[] { PaperSize.A4, PaperSize.Letter })
        {
            await page.SetContentAsync(await Render(sample, language, paper), new() { WaitUntil = WaitUntilState.Load });
            var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true, Path = Path.Combine(Browser.ArtifactDirectory, $"{sample}.{language}.{paper}.pdf") });
            Assert.True(PageCount(pdf) <= budget, $"{sample} ({language}, {paper}) prints on {PageCount(pdf)} pages; at most {budget}");
            await PrintedPages.AssertNoFooterOnlyPage(page, pdf, $"{sample} ({language}, {paper})");
        }

        await page.CloseAsync();
    }

    private static async Task<string> Render(string sample, string language, PaperSize paper) =>
        (sample.StartsWith("review", StringComparison.Ordinal)
            ? await HandoutRenderer.Default.RenderReviewAsync(Samples.Review(sample), new HandoutOptions { Language = language, Paper = paper })
            : await HandoutRenderer.Default.RenderAsync(Samples.Decision(sample), new HandoutOptions { Language = language, Paper = paper })).Html;

    /// <summary>The size of the first page of a PDF in points, rounded: "595 842" for A4, "612 792" for US Letter.</summary>
    internal static string MediaBox(byte[] pdf)
    {
        var box = MediaBoxPattern().Match(Encoding.Latin1.GetString(pdf));
        Assert.True(box.Success, "the PDF names no page size");
        static double Points(string value) => Math.Round(double.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
        return $"{Points(box.Groups[1].Value)} {Points(box.Groups[2].Value)}";
    }

    [GeneratedRegex(@"/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\]")]
    private static partial Regex MediaBoxPattern();

    /// <summary>The pages of a PDF: its page objects (<c>/Type /Page</c>, not <c>/Pages</c>).</summary>
    internal static int PageCount(byte[] pdf) => PageObject().Count(Encoding.Latin1.GetString(pdf));

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();
}
