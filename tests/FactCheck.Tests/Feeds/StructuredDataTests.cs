using Microsoft.EntityFrameworkCore;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace FactCheck.Tests.Feeds;

/// <summary>ClaimReview JSON-LD, OpenGraph/Twitter tags, canonical and hreflang, and the methodology page they rely on.</summary>
public class StructuredDataTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private async Task<IHtmlDocument> PageAsync(string path) =>
        new HtmlParser().ParseDocument(await site.Client().GetStringAsync(path));

    /// <summary>Every JSON-LD item on the page: the organization, and on advisories the @graph of NewsArticle and ClaimReview.</summary>
    private static List<JsonElement> Items(IHtmlDocument page) =>
        page.QuerySelectorAll("script[type='application/ld+json']")
            .Select(script => JsonDocument.Parse(script.TextContent).RootElement)
            .SelectMany(root => root.TryGetProperty("@graph", out var graph) ? graph.EnumerateArray().ToList() : [root])
            .ToList();

    private static JsonElement? Item(IHtmlDocument page, string type) =>
        Items(page).Cast<JsonElement?>().FirstOrDefault(item => item!.Value.GetProperty("@type").GetString() == type);

    private static JsonElement ClaimReview(IHtmlDocument page) => Item(page, "ClaimReview") ?? throw new Xunit.Sdk.XunitException("no ClaimReview");

    [Fact]
    public async Task ClaimReview_parses_and_every_value_matches_the_visible_page()
    {
        var advisory = await FeedTestData.AddAsync(site, a =>
        {
            a.ClaimText = "رسالة من «دعم واتساب» تقول إن حسابك سيُغلق ما لم ترسل رمز التحقق المكوّن من ستة أرقام خلال ساعة";
            a.Claimant = "WhatsApp Support Team";
            a.ClaimantKind = ClaimantKind.Organization;
            a.ClaimAppearances = ["https://chat.example/groups/7/messages/42", "https://social.example/posts/9"];
        });

        var page = await PageAsync(advisory.Path);
        var review = ClaimReview(page);

        Assert.Equal("ClaimReview", review.GetProperty("@type").GetString());
        Assert.Equal(page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), review.GetProperty("url").GetString());
        // The whole claim, as the page shows it: never cut with "…".
        var claimReviewed = review.GetProperty("claimReviewed").GetString()!;
        Assert.Equal(advisory.ClaimText, claimReviewed);
        Assert.Equal(advisory.ClaimText, page.QuerySelector(".claim blockquote")!.TextContent.Trim());
        var verdictLabel = page.QuerySelector(".verdict .verdict-label")!.TextContent.Trim();
        Assert.DoesNotContain(verdictLabel, claimReviewed, StringComparison.Ordinal);

        var rating = review.GetProperty("reviewRating");
        Assert.Equal(verdictLabel, rating.GetProperty("alternateName").GetString());
        Assert.Equal(1, rating.GetProperty("ratingValue").GetInt32());
        Assert.True(rating.GetProperty("bestRating").GetInt32() > rating.GetProperty("worstRating").GetInt32());
        Assert.True(rating.GetProperty("worstRating").GetInt32() >= 1);

        Assert.Equal("NewsMediaOrganization", review.GetProperty("author").GetProperty("@type").GetString());
        Assert.Equal("FactCheck", review.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal(page.QuerySelector(".byline time")!.GetAttribute("datetime"), review.GetProperty("datePublished").GetString());

        var claim = review.GetProperty("itemReviewed");
        Assert.Equal("Claim", claim.GetProperty("@type").GetString());
        Assert.Equal("Organization", claim.GetProperty("author").GetProperty("@type").GetString());
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

        foreach (var page in new[] { await PageAsync(explainer.Path), await PageAsync(noClaim.Path) })
        {
            Assert.Null(Item(page, "ClaimReview"));
            // Still a news article, published by the organization.
            Assert.NotNull(Item(page, "NewsArticle"));
        }
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
    public async Task Sharing_tags_show_the_verdict_card_not_the_scams_screenshot()
    {
        var advisory = await FeedTestData.AddAsync(site, screenshots: 2);

        var page = await PageAsync(advisory.Path);
        string? Meta(string key) => page.QuerySelector($"meta[property='{key}'], meta[name='{key}']")?.GetAttribute("content");

        Assert.Equal("article", Meta("og:type"));
        // Where markup is impossible, names inside a title or summary are isolated with Unicode isolates.
        Assert.Equal(Bidi.PlainText(advisory.Title, TextDirection.Rtl), Meta("og:title"));
        Assert.Equal(Bidi.PlainText(advisory.Summary, TextDirection.Rtl), Meta("og:description"));
        Assert.Contains("\u2066WhatsApp\u2069", Meta("og:description"), StringComparison.Ordinal);
        Assert.Equal("http://localhost" + advisory.Path, Meta("og:url"));
        Assert.Equal("ar_AR", Meta("og:locale"));
        Assert.Equal("summary_large_image", Meta("twitter:card"));
        Assert.Equal(Meta("og:image"), Meta("twitter:image"));
        Assert.Equal(page.QuerySelector(".byline time")!.GetAttribute("datetime"), Meta("article:published_time"));

        // The image is the share card (verdict and headline), 1200×630, not a screenshot of the scam.
        var image = Meta("og:image")!;
        Assert.StartsWith("http://localhost/media/", image, StringComparison.Ordinal);
        Assert.DoesNotContain(page.QuerySelectorAll("figure img"), img => "http://localhost" + img.GetAttribute("src") == image);
        Assert.Equal(("1200", "630", "image/png"), (Meta("og:image:width"), Meta("og:image:height"), Meta("og:image:type")));
        Assert.Contains("احتيال", Meta("og:image:alt"), StringComparison.Ordinal);
        var response = await site.Client().GetAsync(new Uri(image).AbsolutePath);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using var card = NetVips.Image.NewFromBuffer(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((1200, 630), (card.Width, card.Height));
        Assert.Equal(Meta("og:image"), Item(page, "NewsArticle")!.Value.GetProperty("image").GetProperty("url").GetString());

        // A new verdict draws a new card.
        await site.WithDatabaseAsync(async db =>
        {
            var stored = await db.Advisories.SingleAsync(a => a.Id == advisory.Id);
            stored.RatingId = (await db.Ratings.SingleAsync(r => r.Key == "fake")).Id;
            await db.SaveChangesAsync();
        });
        var after = await PageAsync(advisory.Path);
        var newImage = after.QuerySelector("meta[property='og:image']")!.GetAttribute("content");
        Assert.NotEqual(image, newImage);
        Assert.Contains("مزيف", after.QuerySelector("meta[property='og:image:alt']")!.GetAttribute("content"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_accounts_on_a_platform_are_shown_as_such_and_named_as_no_author()
    {
        var advisory = await FeedTestData.AddAsync(site, a => { a.Claimant = "Telegram"; a.ClaimantKind = ClaimantKind.PlatformAccounts; });
        var person = await FeedTestData.AddAsync(site, a => { a.Claimant = "Jane Example"; a.ClaimantKind = ClaimantKind.Person; });

        var page = await PageAsync(advisory.Path);
        Assert.Equal("حسابات مجهولة على Telegram", page.QuerySelector(".claim dd")!.TextContent.Trim());
        Assert.False(ClaimReview(page).GetProperty("itemReviewed").TryGetProperty("author", out _));

        var author = ClaimReview(await PageAsync(person.Path)).GetProperty("itemReviewed").GetProperty("author");
        Assert.Equal(("Person", "Jane Example"), (author.GetProperty("@type").GetString(), author.GetProperty("name").GetString()));
    }

    [Theory]
    [InlineData("/ar/")]
    [InlineData("/uk/methodology")]
    [InlineData("/en/about")]
    public async Task Every_page_describes_the_news_organization_with_its_logo_and_principles(string path)
    {
        var organization = Item(await PageAsync(path), "NewsMediaOrganization")!.Value;
        Assert.Equal("FactCheck", organization.GetProperty("name").GetString());
        var logo = new Uri(organization.GetProperty("logo").GetProperty("url").GetString()!).AbsolutePath;
        Assert.Equal(System.Net.HttpStatusCode.OK, (await site.Client().GetAsync(logo)).StatusCode);
        foreach (var property in new[] { "publishingPrinciples", "correctionsPolicy", "ownershipFundingInfo", "masthead", "actionableFeedbackPolicy", "verificationFactCheckingPolicy" })
        {
            var url = new Uri(organization.GetProperty(property).GetString()!).AbsolutePath;
            Assert.Equal(System.Net.HttpStatusCode.OK, (await site.Client().GetAsync(url)).StatusCode);
        }
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
