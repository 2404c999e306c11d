using System.Net;
using System.Text.RegularExpressions;

namespace Sciatica.Rules.Handouts.Tests;

/// <summary>Catalog text with script, links, images, bidi overrides and terminal escapes reaches the handout as inert, readable text (#27, point 5).</summary>
public sealed partial class HandoutHostileTextTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    public async Task ProgramHandout_HostileCatalogText_EncodedInTextAndAttributes_NoInvisibleCharacters(string language)
    {
        var engine = HostileText.Catalog();
        var decision = engine.Select(Samples.Profile("herniated-disc-l5"));
        Assert.NotEmpty(decision.Exercises);
        Assert.NotEmpty(decision.Excluded);

        var html = (await new HandoutRenderer(engine).RenderAsync(decision, language)).Html;

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<https", html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(EventHandlerOrLink().Matches(html));
        var tags = Tags().Matches(html).Select(m => m.Value).ToList();
        Assert.DoesNotContain(tags, t => t.Contains("alert", StringComparison.Ordinal) && !t.StartsWith("<title", StringComparison.Ordinal));
        var read = WebUtility.HtmlDecode(html);
        Assert.DoesNotContain(read, HostileText.IsCommand);
        Assert.Contains("<script>alert(1)</script>", read, StringComparison.Ordinal);
        Assert.Contains("[x](javascript:alert(1))", read, StringComparison.Ordinal);
        Assert.Contains("exercise1", read, StringComparison.Ordinal);
    }

    [GeneratedRegex("<[a-zA-Z][^>]*\\s(on[a-z]+|href|src)\\s*=", RegexOptions.CultureInvariant)]
    private static partial Regex EventHandlerOrLink();

    [GeneratedRegex("<[a-zA-Z][^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tags();
}
