namespace FactCheck.Tests.Publishing;

/// <summary>The body as readers get it: through the real site, Razor and all.</summary>
public class AdvisoryBodyPageTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task An_arabic_advisory_body_is_published_safe_and_in_reading_order()
    {
        var advisory = await site.AddAdvisoryAsync(a =>
        {
            a.Title = "رسائل دعم مزيفة عبر WhatsApp";
            a.Body = "اتصل على +966 11 234 5678 الآن <script>alert('xss')</script> [تحقق](javascript:alert(1))\n\n" +
                     "Шахраї пишуть українською.\n\n![شعار](https://tracker.example/p.png)";
        });

        var html = await site.Client().GetStringAsync($"/ar/advisories/{advisory.Slug}");
        var body = PublishedHtml.Parse(html).QuerySelector(".advisory-body")!;
        PublishedHtml.AssertSafe(body.InnerHtml);

        var paragraphs = body.QuerySelectorAll("p");
        Assert.Equal(3, paragraphs.Length);
        Assert.Equal("rtl", paragraphs[0].GetAttribute("dir"));
        Assert.Equal("+966 11 234 5678", paragraphs[0].QuerySelector("bdi[dir=ltr]")!.TextContent);
        Assert.Contains("<script>alert('xss')</script>", paragraphs[0].TextContent, StringComparison.Ordinal); // shown as text
        Assert.Contains("تحقق", paragraphs[0].TextContent, StringComparison.Ordinal);
        Assert.Empty(body.QuerySelectorAll("a, img, script"));
        Assert.Equal("ltr", paragraphs[1].GetAttribute("dir"));
        Assert.Equal("شعار", paragraphs[2].TextContent);
        // The title goes through Bidi.Text in the view: the brand keeps its order in the Arabic heading.
        Assert.Contains("<h1>رسائل دعم مزيفة عبر <bdi dir=\"ltr\">WhatsApp</bdi></h1>", html, StringComparison.Ordinal);
    }
}
