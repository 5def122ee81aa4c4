using AngleSharp.Dom;

namespace FactCheck.Tests.Publishing;

/// <summary>
/// Editors' Markdown must never publish script, whatever it hides in (OWASP XSS filter evasion
/// cheat sheet, adapted to what Markdown lets through). Every output is parsed as a browser would and
/// judged by <see cref="PublishedHtml.AssertSafe"/>, in both directions.
/// </summary>
public class MarkdownXssTests
{
    private static readonly MarkdownRenderer Renderer = new();

    public static TheoryData<string> RawHtml => new()
    {
        "<script>alert(1)</script>",
        "<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>",
        "<<script>script>alert(1)<</script>/script>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<img src=x onerror=alert(1)>",
        "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
        "<img src=`javascript:alert(1)`>",
        "<svg/onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">XSS</text></a></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<math href=\"javascript:alert(1)\">CLICKME</math>",
        "<body onload=alert(1)>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>",
        "<object data=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\"></object>",
        "<embed src=\"https://evil.example/x.swf\">",
        "<base href=\"https://evil.example/\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<link rel=stylesheet href=\"https://evil.example/x.css\">",
        "<style>@import 'https://evil.example/x.css';</style>",
        "<div style=\"background-image: url(javascript:alert(1))\">x</div>",
        "<div style=\"width: expression(alert(1))\">x</div>",
        "<p style=\"position:fixed;inset:0;background:red\">Your account is blocked</p>",
        "<form action=\"javascript:alert(1)\"><button>Verify</button></form>",
        "<input onfocus=alert(1) autofocus>",
        "<details open ontoggle=alert(1)>",
        "<a href=\"javascript:alert(1)\">click</a>",
        "<a href=\"https://ok.example\" onmouseover=\"alert(1)\">hover</a>",
        "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<xmp><img src=x onerror=alert(1)></xmp>",
        "<template><script>alert(1)</script></template>",
        "<video><source onerror=\"alert(1)\">",
        "<marquee onstart=alert(1)>x</marquee>",
        "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
    };

    [Theory]
    [MemberData(nameof(RawHtml))]
    public void Raw_html_is_shown_as_text_never_as_markup(string markdown)
    {
        foreach (var direction in new[] { TextDirection.Ltr, TextDirection.Rtl })
        {
            var html = Renderer.Render(markdown, direction);
            PublishedHtml.AssertSafe(html);
            // Shown rather than silently dropped: the editor sees in the preview what they typed.
            Assert.Contains("&lt;", html);
        }
    }

    public static TheoryData<string> UnsafeTargets => new()
    {
        "javascript:alert(1)",
        "JaVaScRiPt:alert(document.cookie)",
        "&#106;avascript:alert(1)",
        "&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)",
        "&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)",
        "javascript&#58;alert(1)",
        "javascript&colon;alert(1)",
        "&amp;#106;avascript:alert(1)",
        "java&#x09;script:alert(1)",
        "java&#x0A;script:alert(1)",
        "java&#x0D;script:alert(1)",
        "&#x01;javascript:alert(1)",
        "&#x20;javascript:alert(1)",
        "java%0ascript:alert(1)",
        "javascript%3Aalert(1)",
        "%6A%61%76%61%73%63%72%69%70%74%3Aalert(1)",
        "\u200Bjavascript:alert(1)",
        "java\u00ADscript:alert(1)",
        "vbscript:msgbox(1)",
        "livescript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "DATA:text/html,%3Cscript%3Ealert(1)%3C/script%3E",
        "file:///etc/passwd",
        "ftp://files.example/x",
        // A scam's phone number must not become tap-to-call.
        "tel:+966112345678",
        "//evil.example/login",
        "%2F%2Fevil.example/login",
        "\\\\evil.example\\share",
        "/\\evil.example/login",
        "https:evil.example",
        "https:/evil.example",
        "https://bank.example@evil.example/login",
        "https://evil.example/\u202Egpj.exe",
        "mailto:",
        ":alert(1)",
    };

    [Theory]
    [MemberData(nameof(UnsafeTargets))]
    public void Links_to_refused_targets_lose_the_link_but_keep_their_text(string target)
    {
        var forms = new[]
        {
            $"[click here]({target})",
            $"[click here]({target} \"title\")",
            $"[click here][ref]\n\n[ref]: {target}",
            $"[click here]\n\n[click here]: <{target}>",
            $"**[click here]({target})** بعد",
        };
        foreach (var markdown in forms)
        {
            foreach (var direction in new[] { TextDirection.Ltr, TextDirection.Rtl })
            {
                var html = Renderer.Render(markdown, direction);
                PublishedHtml.AssertSafe(html);
                var body = PublishedHtml.Parse(html);
                Assert.Empty(body.QuerySelectorAll("a"));
                Assert.Contains("click here", body.TextContent, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(UnsafeTargets))]
    public void Angle_bracket_autolinks_to_refused_targets_are_text(string target)
    {
        var html = Renderer.Render($"see <{target}> now", TextDirection.Ltr);
        PublishedHtml.AssertSafe(html);
        Assert.Empty(PublishedHtml.Parse(html).QuerySelectorAll("a[href]"));
    }

    [Theory]
    [InlineData("![screenshot](javascript:alert(1))")]
    [InlineData("![screenshot](https://tracker.example/pixel.png)")]
    [InlineData("![screenshot](/media/abc.webp)")]
    [InlineData("![screenshot](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)")]
    [InlineData("![screenshot][img]\n\n[img]: https://tracker.example/pixel.png")]
    [InlineData("![screenshot](https://tracker.example/p.png \"\\\" onerror=\\\"alert(1)\")")]
    public void Images_are_refused_and_leave_their_alt_text(string markdown)
    {
        var html = Renderer.Render(markdown, TextDirection.Ltr);
        PublishedHtml.AssertSafe(html);
        var body = PublishedHtml.Parse(html);
        Assert.Empty(body.QuerySelectorAll("img"));
        Assert.Equal("screenshot", body.TextContent.Trim());
    }

    [Fact]
    public void An_image_inside_a_link_keeps_the_link_and_shows_the_alt_text()
    {
        var html = Renderer.Render("[![official notice](https://evil.example/a.png)](https://bank.example/help)", TextDirection.Ltr);
        Assert.Equal("<p dir=\"ltr\"><a href=\"https://bank.example/help\" rel=\"nofollow noopener noreferrer\">official notice</a></p>\n", html);
    }

    [Fact]
    public void An_image_linking_to_script_shows_only_its_alt_text()
    {
        var html = Renderer.Render("[![official notice](https://evil.example/a.png)](javascript:alert(1))", TextDirection.Ltr);
        Assert.Equal("<p dir=\"ltr\">official notice</p>\n", html);
    }

    public static TheoryData<string> NestedMarkdownAndHtml => new()
    {
        "**<script>**alert(1)**</script>**",
        "[<img src=x onerror=alert(1)>](https://ok.example)",
        "[x](https://ok.example)<script>alert(1)</script>",
        "[x](https://ok.example \"\\\" onmouseover=\\\"alert(1)\")",
        "[x](https://ok.example 'x\\' onmouseover=alert(1) ')",
        "[x](<https://ok.example/\" onmouseover=\"alert(1)>)",
        "<https://ok.example/\" onmouseover=\"alert(1)>",
        "www.ok.example/\"onmouseover=\"alert(1)\"",
        "https://ok.example/'onmouseover='alert(1)'",
        "| a | b |\n|---|---|\n| <script>alert(1)</script> | [x](javascript:alert(1)) |",
        "> <svg onload=alert(1)>\n> [x](javascript:alert(1))",
        "- <img src=x onerror=alert(1)>\n- [x](vbscript:msgbox(1))",
        "`<script>alert(1)</script>`",
        "```html\n<script>alert(1)</script>\n```",
        "```\" onmouseover=\"alert(1)\n</code><script>alert(1)</script>\n```",
        "<a href=\"[x](javascript:alert(1))\">y</a>",
        "[x](javascript:alert(1)\n)",
        "[a](https://ok.example)[b](javascript:alert(1))[c](data:text/html,x)",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "\\<script\\>alert(1)\\</script\\>",
        "[x]: javascript:alert(1)\n\n[x]",
        "# <script>alert(1)</script>\n\nSetext <img src=x onerror=alert(1)>\n===",
        "<div>\n\n[x](javascript:alert(1))\n\n</div>",
        "\u0000<script>alert(1)</script>",
    };

    [Theory]
    [MemberData(nameof(NestedMarkdownAndHtml))]
    public void Markdown_and_html_mixed_together_publish_nothing_executable(string markdown)
    {
        foreach (var direction in new[] { TextDirection.Ltr, TextDirection.Rtl })
        {
            var html = Renderer.Render(markdown, direction);
            PublishedHtml.AssertSafe(html);
            foreach (var element in PublishedHtml.Parse(html).Descendants<IElement>())
            {
                foreach (var attribute in element.Attributes)
                {
                    Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), html);
                }
            }
        }
    }

    [Fact]
    public void Code_blocks_drop_the_language_class_so_no_editor_chosen_class_reaches_the_page()
    {
        // The info string becomes class="language-…": an editor could otherwise borrow the site's own
        // classes ("verdict", "severity-critical") to fake a badge.
        var html = Renderer.Render("```verdict\nfake\n```", TextDirection.Ltr);
        Assert.Equal("<pre dir=\"ltr\"><code dir=\"ltr\">fake\n</code></pre>\n", html);
    }
}
