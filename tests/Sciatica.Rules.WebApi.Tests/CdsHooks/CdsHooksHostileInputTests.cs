using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Sciatica.Rules.CdsHooks;
using Task = System.Threading.Tasks.Task;
using static Sciatica.Rules.WebApi.Tests.CdsHooks.CdsHooksHost;

namespace Sciatica.Rules.WebApi.Tests.CdsHooks;

/// <summary>Hostile bodies at the CDS endpoints (#27): a 400 problem document for each, never a 500; markdown that cannot inject.</summary>
public sealed class CdsHooksHostileInputTests(CdsHooksHost host) : IClassFixture<CdsHooksHost>
{
    private const string Head = """{"hook":"patient-view","hookInstance":"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea","context":{"patientId":"123"}""";

    public static TheoryData<string, byte[]> Bodies => new()
    {
        { "duplicate property", Utf8(Head + ""","hook":"patient-view"}""") },
        { "duplicate inside prefetch", Utf8(Head + ""","prefetch":{"intake":{"resourceType":"Bundle","resourceType":"Bundle"}}}""") },
        { "invalid UTF-8", [.. Utf8(Head[..^1] + ""","userId":" """), 0xC3, 0x28, .. Utf8("\"}}")] },
        { "lone surrogate", Utf8(Head[..^1] + ""","userId":"\ud800"}}""") },
        { "lone surrogate in a name", Utf8(Head + ""","\udc00":1}""") },
        { "root array", Utf8("[]") },
        { "root string", Utf8("\"patient-view\"") },
        { "context array", Utf8("""{"hook":"patient-view","hookInstance":"x","context":[]}""") },
        { "patientId object", Utf8("""{"hook":"patient-view","hookInstance":"x","context":{"patientId":{}}}""") },
        { "prefetch number", Utf8(Head + ""","prefetch":5}""") },
        { "intake string", Utf8(Head + ""","prefetch":{"intake":"QuestionnaireResponse"}}""") },
        { "intake not FHIR", Utf8(Head + ""","prefetch":{"intake":{"resourceType":"Banana"}}}""") },
        { "fhirAuthorization array", Utf8(Head + ""","fhirServer":"https://ehr.example.org/fhir","fhirAuthorization":[]}""") },
        { "byte order mark twice", [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. Utf8(Head + "}")] },
        { "deep nesting", Utf8(Head + ",\"x\":" + new string('[', 200) + new string(']', 200) + "}") },
        { "long array", Utf8(Head + ""","prefetch":{"intake":{"resourceType":"QuestionnaireResponse","status":"completed","item":[""" + string.Join(",", Enumerable.Repeat("1", 30_000)) + "]}}}") },
        { "truncated", Utf8(Head[..40]) },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task HostileServiceBody_400Problem(string name, byte[] body)
    {
        using var client = host.CreateClient();

        using var response = await Send(client, CdsHooksHost.Service, body, host.EhrToken());

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, name + ": " + response.StatusCode + " " + await response.Content.ReadAsStringAsync());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsStringAsync()).Length < 2_000, name);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""{"feedback":{}}""")]
    [InlineData("""{"feedback":[1]}""")]
    [InlineData("""{"feedback":[{"card":"not-a-uuid","outcome":"accepted"}]}""")]
    [InlineData("""{"feedback":[{"card":"9368d37b-3fa6-4e42-9ec4-c61a1c1c1a0b","outcome":"maybe"}]}""")]
    [InlineData("""{"feedback":[],"feedback":[]}""")]
    public async Task HostileFeedbackBody_400Problem(string body)
    {
        using var client = host.CreateClient();

        using var response = await Send(client, CdsHooksHost.Service + "/feedback", Utf8(body), host.EhrToken(audience: PublicBase + CdsHooksHost.Service + "/feedback"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task BodyOverTheLimit_413()
    {
        using var client = host.CreateClient();

        using var response = await Send(client, CdsHooksHost.Service, Utf8(Head[..^1] + ",\"pad\":\"" + new string('a', 300 * 1024) + "\"}}"), host.EhrToken());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    public static TheoryData<string> Payloads =>
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "![tracker](https://tracker.example/pixel.png)",
        "<https://evil.example>",
        "&#x3C;script&#x3E;",
        "Walking\u202Egnikaw\u2066x\u2069",
        "bell\u0007 escape\u001B[2J done\u0085",
        "line\n# Heading\n> quote\n- item\n```\ncode",
        "**bold** _em_ `code` ~~strike~~ | table |",
        "\\[x\\](javascript:alert(1))",
    ];

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Escape_NoLinkImageHtmlOrInvisibleCharacter_TextStillReadable(string payload)
    {
        var markdown = "- " + MarkdownText.Escape(payload) + "\n";

        var document = Markdown.Parse(markdown, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());

        Assert.Empty(document.Descendants<LinkInline>());
        Assert.Empty(document.Descendants<AutolinkInline>());
        Assert.Empty(document.Descendants<HtmlInline>());
        Assert.Empty(document.Descendants<HtmlBlock>());
        Assert.Empty(document.Descendants<HeadingBlock>());
        Assert.Empty(document.Descendants<CodeInline>());
        Assert.Empty(document.Descendants<EmphasisInline>());
        Assert.Single(document.Descendants<ListItemBlock>());
        Assert.DoesNotContain(markdown, c => char.IsControl(c) && c != '\n' || c is '\u202E' or '\u2066' or '\u2069');
        var visible = Markdown.ToPlainText(markdown).Trim();
        var letters = new string([.. payload.Where(char.IsAsciiLetterOrDigit)]);
        Assert.Equal(letters, new string([.. visible.Where(char.IsAsciiLetterOrDigit)]));
    }

    [Fact]
    public void Card_HostileReasonTextFromACatalog_NoLinkImageOrHtmlInTheDetail()
    {
        var engine = ProgramSelector.Default;
        var reasons = ((IEnumerable<object[]>)Payloads).Select(p => new DecisionReason("emergency-bladder-dysfunction", (string)p[0], "CKS")).ToList();
        var decision = new ProgramDecision
        {
            Decision = DecisionKind.Emergency,
            Timeframe = Timeframe.Now,
            Reasons = reasons,
            Exercises = [],
            Excluded = [],
            SafetyAdvice = ["<script>alert(1)</script>"],
            RuleSetVersion = engine.RuleSetVersion,
        };

        var card = new Cards(engine, new Uri("https://sciatica-rules.org/docs/rules"), "seed").Decision(decision, new Hl7.Fhir.Model.ResourceReference("Patient/123"));

        var document = Markdown.Parse((string)card["detail"]!, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());
        Assert.Empty(document.Descendants<LinkInline>());
        Assert.Empty(document.Descendants<AutolinkInline>());
        Assert.Empty(document.Descendants<HtmlInline>());
        Assert.Empty(document.Descendants<HtmlBlock>());
        Assert.Equal("critical", (string?)card["indicator"]);
    }

    [Fact]
    public void Escape_LongText_Bounded()
    {
        Assert.True(MarkdownText.Escape(new string('<', 10_000)).Length <= 2 * MarkdownText.MaximumLength + 1);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static async Task<HttpResponseMessage> Send(HttpClient client, string path, byte[] body, string token)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }
}
