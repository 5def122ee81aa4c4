namespace FactCheck.Tests.Publishing;

/// <summary>
/// The sanitizer on its own, fed HTML that Markdig would never produce: it is the defence that must
/// hold if a Markdown extension or a later change ever lets raw markup through.
/// </summary>
public class HtmlSanitizerTests
{
    private static readonly HtmlSanitizer Sanitizer = new();

    [Theory]
    [InlineData("<p onclick=\"alert(1)\">x</p>", "<p>x</p>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\"&#106;avascript:alert(1)\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\"jav&#x09;ascript:alert(1)\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\" &#14; javascript:alert(1)\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\"javascript&colon;alert(1)\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\"//evil.example\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\"/\\evil.example\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\"https://ok.example/\" target=\"_blank\" style=\"color:red\" id=\"corrections\">x</a>", "<a href=\"https://ok.example/\">x</a>")]
    [InlineData("<a href=\"/ar/advisories?tag=x\">x</a>", "<a href=\"/ar/advisories?tag=x\">x</a>")]
    [InlineData("<a href=\"mailto:desk@factcheck.example\">x</a>", "<a href=\"mailto:desk@factcheck.example\">x</a>")]
    [InlineData("<script>alert(1)</script>ok", "ok")]
    [InlineData("<svg><script>alert(1)</script></svg>ok", "ok")]
    [InlineData("<svg onload=alert(1)>ok", "")]
    [InlineData("<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>ok", "ok")]
    [InlineData("<img src=x onerror=alert(1)>ok", "ok")]
    [InlineData("<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>ok", "ok")]
    [InlineData("<style>*{display:none}</style>ok", "ok")]
    [InlineData("<form action=\"javascript:alert(1)\"><button>x</button></form>ok", "ok")]
    [InlineData("<h1>Fake title</h1>", "")]
    [InlineData("<div class=\"table-scroll verdict verdict-false\">x</div>", "<div class=\"table-scroll\">x</div>")]
    [InlineData("<table><tr><td class=\"align-end\" dir=\"rtl\" style=\"text-align:right\">x</td></tr></table>", "<table><tbody><tr><td class=\"align-end\" dir=\"rtl\">x</td></tr></tbody></table>")]
    [InlineData("<p dir=\"rtl\">نص <bdi dir=\"ltr\">WhatsApp</bdi></p>", "<p dir=\"rtl\">نص <bdi dir=\"ltr\">WhatsApp</bdi></p>")]
    [InlineData("<p data-x=\"1\" title=\"t\">x</p>", "<p title=\"t\">x</p>")]
    [InlineData("<!-- <script>alert(1)</script> -->ok", "ok")]
    public void Keeps_only_what_rendered_markdown_needs(string html, string expected)
    {
        Assert.Equal(expected, Sanitizer.Sanitize(html));
    }

    [Theory]
    [InlineData("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">")]
    [InlineData("<!--<img src=\"--><img src=x onerror=alert(1)//\">")]
    [InlineData("<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>")]
    [InlineData("<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\">")]
    [InlineData("<table><td><a href=\"javascript:alert(1)\">x</a></td></table>")]
    [InlineData("<p>a<p>b<a href=\"java\u0000script:alert(1)\">c</a>")]
    public void Mutation_tricks_end_up_inert(string html)
    {
        PublishedHtml.AssertSafe(Sanitizer.Sanitize(html));
    }
}
