using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace FactCheck.Tests.Feeds;

/// <summary>ClaimReview JSON-LD, OpenGraph/Twitter tags, canonical and hreflang, and the methodology page they rely on.</summary>
public class StructuredDataTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private async Task<IHtmlDocument> PageAsync(string path) =>
        new HtmlParser().ParseDocument(await site.Client().GetStringAsync(path));

    private static JsonElement ClaimReview(IHtmlDocument page)
    {
        var script = Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']"));
        return JsonDocument.Parse(script.TextContent).RootElement;
    }

    [Fact]
    public async Task ClaimReview_parses_and_every_value_matches_the_visible_page()
    {
        var advisory = await FeedTestData.AddAsync(site, a =>
        {
            a.ClaimText = "رسالة من «دعم واتساب» تقول إن حسابك سيُغلق ما لم ترسل رمز التحقق المكوّن من ستة أرقام خلال ساعة";
            a.Claimant = "حسابات على Telegram تنتحل صفة الدعم";
            a.ClaimAppearances = ["https://chat.example/groups/7/messages/42", "https://social.example/posts/9"];
        });

        var page = await PageAsync(advisory.Path);
        var review = ClaimReview(page);

        Assert.Equal("https://schema.org", review.GetProperty("@context").GetString());
        Assert.Equal("ClaimReview", review.GetProperty("@type").GetString());
        Assert.Equal(page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), review.GetProperty("url").GetString());
        var claimReviewed = review.GetProperty("claimReviewed").GetString()!;
        Assert.True(claimReviewed.Length < 75, claimReviewed);
        Assert.Contains(claimReviewed.TrimEnd('…'), page.QuerySelector(".claim blockquote")!.TextContent, StringComparison.Ordinal);
        var verdictLabel = page.QuerySelector(".verdict .verdict-label")!.TextContent.Trim();
        Assert.DoesNotContain(verdictLabel, claimReviewed, StringComparison.Ordinal);

        var rating = review.GetProperty("reviewRating");
        Assert.Equal(verdictLabel, rating.GetProperty("alternateName").GetString());
        Assert.Equal(1, rating.GetProperty("ratingValue").GetInt32());
        Assert.True(rating.GetProperty("bestRating").GetInt32() > rating.GetProperty("worstRating").GetInt32());
        Assert.True(rating.GetProperty("worstRating").GetInt32() >= 1);

        Assert.Equal("Organization", review.GetProperty("author").GetProperty("@type").GetString());
        Assert.Equal("FactCheck", review.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal(page.QuerySelector(".byline time")!.GetAttribute("datetime"), review.GetProperty("datePublished").GetString());

        var claim = review.GetProperty("itemReviewed");
        Assert.Equal("Claim", claim.GetProperty("@type").GetString());
        Assert.Equal(advisory.Claimant, claim.GetProperty("author").GetProperty("name").GetString());
        Assert.Contains(advisory.Claimant!, page.QuerySelector(".claim dl")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2025-03-10", claim.GetProperty("datePublished").GetString());
        Assert.Contains(page.QuerySelectorAll(".claim time"), t => t.GetAttribute("datetime") == "2025-03-10");
        Assert.Equal("https://chat.example/groups/7/messages/42", claim.GetProperty("firstAppearance").GetProperty("url").GetString());
        Assert.Equal(advisory.ClaimAppearances, claim.GetProperty("appearance").EnumerateArray().Select(a => a.GetProperty("url").GetString()));
    }

    [Fact]
    public async Task ClaimReview_numbers_are_the_ones_the_methodology_page_documents()
    {
        var advisory = await FeedTestData.AddAsync(site, a => a.Language = "en", verdict: "misleading");

        var rating = ClaimReview(await PageAsync(advisory.Path)).GetProperty("reviewRating");
        var methodology = await PageAsync("/en/methodology");

        var row = methodology.QuerySelector("#rating-misleading")!;
        Assert.Equal("Misleading", row.QuerySelector(".verdict-label")!.TextContent.Trim());
        Assert.Equal(rating.GetProperty("ratingValue").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), row.QuerySelector(".number")!.TextContent.Trim());
        Assert.Contains($"{rating.GetProperty("worstRating").GetInt32()} is the worst rating and {rating.GetProperty("bestRating").GetInt32()} the best",
            methodology.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explainers_and_advisories_without_a_claim_carry_no_ClaimReview()
    {
        var explainer = await FeedTestData.AddAsync(site, a => a.Kind = AdvisoryKind.Explainer, verdict: null);
        var noClaim = await FeedTestData.AddAsync(site, a => a.ClaimText = null);

        Assert.Empty((await PageAsync(explainer.Path)).QuerySelectorAll("script[type='application/ld+json']"));
        Assert.Empty((await PageAsync(noClaim.Path)).QuerySelectorAll("script[type='application/ld+json']"));
    }

    [Fact]
    public async Task Json_ld_cannot_close_its_script_element()
    {
        var advisory = await FeedTestData.AddAsync(site, a => a.ClaimText = "</script><script>alert(1)</script>");

        var html = await site.Client().GetStringAsync(advisory.Path);
        var page = new HtmlParser().ParseDocument(html);

        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Equal("</script><script>alert(1)</script>", ClaimReview(page).GetProperty("claimReviewed").GetString());
    }

    [Fact]
    public async Task Sharing_tags_use_the_first_screenshot_and_absolute_urls()
    {
        var advisory = await FeedTestData.AddAsync(site, screenshots: 2);

        var page = await PageAsync(advisory.Path);
        string? Meta(string key) => page.QuerySelector($"meta[property='{key}'], meta[name='{key}']")?.GetAttribute("content");

        var first = advisory.Screenshots.OrderBy(s => s.Position).First();
        Assert.Equal("article", Meta("og:type"));
        Assert.Equal(advisory.Title, Meta("og:title"));
        Assert.Equal(advisory.Summary, Meta("og:description"));
        Assert.Equal("http://localhost" + advisory.Path, Meta("og:url"));
        Assert.Equal("ar_AR", Meta("og:locale"));
        Assert.Equal("http://localhost" + first.Fallback!.Url, Meta("og:image"));
        Assert.Equal(first.AltText, Meta("og:image:alt"));
        Assert.Equal("summary_large_image", Meta("twitter:card"));
        Assert.Equal(Meta("og:image"), Meta("twitter:image"));
        Assert.Equal(page.QuerySelector(".byline time")!.GetAttribute("datetime"), Meta("article:published_time"));
        // Readers see the screenshot at the same address.
        Assert.Contains(page.QuerySelectorAll("figure img"), img => "http://localhost" + img.GetAttribute("src") == Meta("og:image"));
    }

    [Fact]
    public async Task Translations_point_at_each_other_with_hreflang_and_a_canonical_url()
    {
        var key = FeedTestData.Unique("story");
        var arabic = await FeedTestData.AddAsync(site, a => a.TranslationKey = key);
        var english = await FeedTestData.AddAsync(site, a => { a.TranslationKey = key; a.Language = "en"; a.Title = "Fake WhatsApp support"; });

        var page = await PageAsync(arabic.Path);

        Assert.Equal("http://localhost" + arabic.Path, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        var alternates = page.QuerySelectorAll("link[rel=alternate][hreflang]").ToDictionary(l => l.GetAttribute("hreflang")!, l => l.GetAttribute("href"));
        Assert.Equal("http://localhost" + arabic.Path, alternates["ar"]);
        Assert.Equal("http://localhost" + english.Path, alternates["en"]);
        Assert.False(alternates.ContainsKey("uk"));
        Assert.Contains(page.QuerySelectorAll("meta[property='og:locale:alternate']"), m => m.GetAttribute("content") == "en_GB");
    }

    [Theory]
    [InlineData("ar", "rtl", "سياسة التصحيح", "احتيال")]
    [InlineData("uk", "ltr", "Політика виправлень", "Шахрайство")]
    [InlineData("en", "ltr", "Corrections policy", "Scam")]
    public async Task Methodology_page_documents_every_rating_number_and_the_corrections_policy(string lang, string dir, string policyHeading, string scamLabel)
    {
        var response = await site.Client().GetAsync($"/{lang}/methodology");
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((lang, dir), (page.DocumentElement.GetAttribute("lang"), page.DocumentElement.GetAttribute("dir")));
        Assert.Equal(policyHeading, page.QuerySelector("#corrections-heading")!.TextContent.Trim());
        var rows = page.QuerySelectorAll(".rating-scale tbody tr");
        Assert.Equal(DefaultData.Ratings.Count, rows.Length);
        foreach (var rating in DefaultData.Ratings)
        {
            var row = page.QuerySelector($"#rating-{rating.Key}")!;
            Assert.Equal(rating.Label(lang), row.QuerySelector(".verdict-label")!.TextContent.Trim());
            Assert.Equal(rating.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), row.QuerySelector(".number")!.TextContent.Trim());
        }
        Assert.Equal(scamLabel, page.QuerySelector("#rating-scam .verdict-label")!.TextContent.Trim());
        // Every page links the policy, which ClaimReview eligibility asks for.
        var home = await PageAsync($"/{lang}/");
        Assert.NotNull(home.QuerySelector($"footer a[href='/{lang}/methodology']"));
        // hreflang alternates between the three methodology pages.
        Assert.Equal(3, page.QuerySelectorAll("link[rel=alternate][hreflang]").Length);
    }
}
