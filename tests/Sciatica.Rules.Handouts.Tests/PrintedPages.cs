using System.Text;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace Sciatica.Rules.Handouts.Tests;

/// <summary>
/// The text of each page of a handout printed to PDF by Chromium (read with PdfPig: Chromium subsets its fonts with
/// CID encodings), and the check of issue #25 that no printed page holds only footer material. Footer material is the
/// stop line repeated at the foot of every page of a program (<c>.stop-footer</c> in the <c>tfoot</c>) and the closing
/// <c>footer</c> (supports line, rule-set version); their texts are taken from the page itself.
/// </summary>
internal static class PrintedPages
{
    /// <summary>
    /// The letters and digits a page must hold besides footer material. The smallest thing a handout can rightly end a
    /// page with is a diary row group (an exercise's name, at least 10 letters) or the last item of a list (a sentence);
    /// a stray heading of a word or two ("Diary", "Tagebuch") kept from its section is not content, nor is a remnant of
    /// the footer left by a line break. 20 lies between the two.
    /// </summary>
    public const int MinimumContent = 20;

    /// <summary>Letters and digits only, compatibility-normalised (ligatures split) and lower-case.</summary>
    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>The text of each page of <paramref name="pdf"/>, in order.</summary>
    public static IReadOnlyList<string> Texts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(p => p.Text)];
    }

    /// <summary>
    /// Fails unless every page of <paramref name="pdf"/> (printed from <paramref name="page"/>) holds at least
    /// <see cref="MinimumContent"/> letters and digits besides footer material. So that the check cannot pass by
    /// failing to find the footer, the stop line must be found on every page of a program and the closing footer on a
    /// page.
    /// </summary>
    public static async Task AssertNoFooterOnlyPage(IPage page, byte[] pdf, string printed)
    {
        var footers = await page.EvaluateAsync<Footers>("""
            () => ({
              stop: [...document.querySelectorAll('.stop-footer')].map(e => e.innerText),
              closing: [...document.querySelectorAll('footer p')].map(e => e.innerText),
            })
            """);
        var stop = footers.Stop.Select(Normalise).Distinct().ToList();
        var closing = footers.Closing.Select(Normalise).ToList();
        Assert.True(stop.Count <= 1, $"{printed}: {stop.Count} different stop lines");
        Assert.NotEmpty(closing);
        Assert.All(stop.Concat(closing), text => Assert.True(text.Length > 0, $"{printed}: an empty footer"));

        var texts = Texts(pdf).Select(Normalise).ToList();
        Assert.NotEmpty(texts);
        var problems = new List<string>();
        for (var i = 0; i < texts.Count; i++)
        {
            var left = texts[i];
            if (stop.Count == 1)
            {
                if (!left.Contains(stop[0], StringComparison.Ordinal))
                {
                    problems.Add($"page {i + 1} of {texts.Count}: the stop line is not found at its foot");
                }

                left = left.Replace(stop[0], "", StringComparison.Ordinal);
            }

            left = closing.Aggregate(left, (text, c) => text.Replace(c, "", StringComparison.Ordinal));
            if (left.Length < MinimumContent)
            {
                problems.Add($"page {i + 1} of {texts.Count} holds only footer material ({left.Length} letters and digits besides it: \"{left}\")");
            }
        }

        var missing = closing.Where(c => !texts.Any(t => t.Contains(c, StringComparison.Ordinal))).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"the closing footer is not found on any page (\"{missing[0]}\")");
        }

        Assert.True(problems.Count == 0, $"{printed}: " + string.Join("; ", problems));
    }

    public sealed class Footers
    {
        public string[] Stop { get; set; } = [];

        public string[] Closing { get; set; } = [];
    }
}
