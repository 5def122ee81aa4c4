using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Tests.Site;

public class PublicSiteTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    private async Task<Advisory> AddFactCheckAsync(Action<Advisory>? configure = null)
    {
        Rating? scam = null;
        await site.WithDatabaseAsync(async db => scam = await db.Ratings.SingleAsync(r => r.Key == "scam"));
        return await site.AddAdvisoryAsync(a =>
        {
            a.Title = "فريق دعم واتساب المزيف يطلب رمز التحقق";
            a.Summary = "رسائل تنتحل صفة دعم WhatsApp وتطلب الرمز المكون من 6 أرقام.";
            a.Body = "## ماذا حدث\n\nاتصل بنا قارئ من الرقم +44 7700 900123 وقال إنه من الدعم الفني.";
            a.ClaimText = "فريق الدعم يحتاج رمز التحقق لحماية حسابك";
            a.Claimant = "حسابات على Telegram";
            a.RatingId = scam!.Id;
            a.Steps = ["لا تشارك الرمز مع أحد"];
            a.Indicators = [new Indicator { Type = IndicatorType.Url, Raw = "https://wa-support.example/verify", Normalized = "https://wa-support.example/verify" }];
            configure?.Invoke(a);
        });
    }

    [Theory]
    [InlineData("uk-UA,uk;q=0.9,en;q=0.5", "/uk/")]
    [InlineData("en-GB,en;q=0.8", "/en/")]
    [InlineData("fr-FR, de;q=0.5", "/ar/")]
    [InlineData("", "/ar/")]
    [InlineData("en;q=0.2, ar-EG;q=0.9", "/ar/")]
    public async Task Root_sends_readers_to_their_language(string acceptLanguage, string location)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        if (acceptLanguage.Length > 0) request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        var response = await site.Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(location, response.Headers.Location!.OriginalString);
        Assert.Contains("Accept-Language", response.Headers.Vary);
    }

    [Theory]
    [InlineData("/ar/", "ar", "rtl")]
    [InlineData("/uk/", "uk", "ltr")]
    [InlineData("/en/", "en", "ltr")]
    [InlineData("/ar/advisories", "ar", "rtl")]
    [InlineData("/uk/advisories?page=1", "uk", "ltr")]
    public async Task Pages_declare_their_language_and_direction(string path, string lang, string dir)
    {
        var response = await site.Client().GetAsync(path);
        var document = await ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(lang, document.DocumentElement.GetAttribute("lang"));
        Assert.Equal(dir, document.DocumentElement.GetAttribute("dir"));
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task Advisory_page_shows_verdict_claim_indicators_and_steps()
    {
        var advisory = await AddFactCheckAsync();

        var response = await site.Client().GetAsync(advisory.Path);
        var document = await ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(advisory.Title, document.QuerySelector("h1")!.TextContent.Trim());
        var badge = document.QuerySelector(".verdict")!;
        Assert.Contains("احتيال", badge.TextContent, StringComparison.Ordinal);
        Assert.Contains(advisory.ClaimText!, document.QuerySelector(".claim blockquote")!.TextContent, StringComparison.Ordinal);
        // Indicators are shown defanged and never as links.
        var indicator = document.QuerySelector("code.ioc")!;
        Assert.Equal("ltr", indicator.GetAttribute("dir"));
        Assert.Null(indicator.Closest("a"));
        Assert.DoesNotContain(document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")), h => h?.Contains("wa-support", StringComparison.Ordinal) == true);
        Assert.Contains("لا تشارك الرمز مع أحد", document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Arabic_slugs_work_in_links_and_addresses()
    {
        var advisory = await AddFactCheckAsync(a => a.Slug = "رمز-التحقق-" + Guid.NewGuid().ToString("N")[..6]);

        var list = await ParseAsync(await site.Client().GetAsync("/ar/advisories"));
        var link = list.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).Single(h => h == advisory.Path);
        var response = await site.Client().GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(AdvisoryStatus.Draft)]
    [InlineData(AdvisoryStatus.InReview)]
    [InlineData(AdvisoryStatus.Scheduled)]
    public async Task Unpublished_advisories_are_not_reachable_publicly(AdvisoryStatus status)
    {
        var advisory = await AddFactCheckAsync(a =>
        {
            a.Status = status;
            a.Title = "سري " + status;
            a.PublishedAt = status == AdvisoryStatus.Scheduled ? DateTime.UtcNow.AddDays(1) : null;
        });

        Assert.Equal(HttpStatusCode.NotFound, (await site.Client().GetAsync(advisory.Path)).StatusCode);
        foreach (var path in new[] { "/ar/", "/ar/advisories", "/ar/advisories?verdict=scam" })
        {
            var html = await site.Client().GetStringAsync(path);
            Assert.DoesNotContain(advisory.Slug, html, StringComparison.Ordinal);
            Assert.DoesNotContain(advisory.Title, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Withdrawn_advisory_answers_410_with_its_reason_and_leaves_the_lists()
    {
        var advisory = await AddFactCheckAsync(a =>
        {
            a.Status = AdvisoryStatus.Withdrawn;
            a.WithdrawnAt = DateTime.UtcNow;
            a.WithdrawalReason = "نُشر قبل اكتمال التحقق";
        });

        var response = await site.Client().GetAsync(advisory.Path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("نُشر قبل اكتمال التحقق", html, StringComparison.Ordinal);
        Assert.DoesNotContain(advisory.Body, html, StringComparison.Ordinal);
        Assert.DoesNotContain(advisory.Slug, await site.Client().GetStringAsync("/ar/advisories"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/ar/advisories/no-such-advisory", "ar", "الصفحة غير موجودة")]
    [InlineData("/uk/advisories/no-such-advisory", "uk", "Сторінку не знайдено")]
    [InlineData("/en/nothing-here", "en", "Page not found")]
    [InlineData("/fr/advisories", "ar", "الصفحة غير موجودة")]
    [InlineData("/ar/advisories?page=999", "ar", "الصفحة غير موجودة")]
    public async Task Unknown_addresses_get_a_real_404_in_the_readers_language(string path, string lang, string heading)
    {
        var response = await site.Client().GetAsync(path);
        var document = await ParseAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(lang, document.DocumentElement.GetAttribute("lang"));
        Assert.Contains(heading, document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("page=-1")]
    [InlineData("page=abc")]
    [InlineData("page=0")]
    [InlineData("page=1.5")]
    [InlineData("page=99999999999999999999")]
    [InlineData("verdict=%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("tag=%00%01")]
    public async Task Malformed_query_values_get_a_400_page_and_are_never_reflected(string query)
    {
        var response = await site.Client().GetAsync("/ar/advisories?" + query);
        var html = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.OK, $"{query} → {response.StatusCode}");
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Equal("ar", (await ParseAsync(response)).DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task A_5000_character_tag_is_refused_with_a_message()
    {
        var response = await site.Client().GetAsync("/uk/advisories?tag=" + new string('x', 5000));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Значення фільтра", html, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 200), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_numbers_in_Arabic_Indic_digits_are_understood()
    {
        var response = await site.Client().GetAsync("/ar/advisories?page=" + Uri.EscapeDataString("١"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Verdict_filter_lists_only_advisories_with_that_verdict()
    {
        var matching = await AddFactCheckAsync(a => a.Title = "مطابق للفلتر");
        var other = await site.AddAdvisoryAsync(a => { a.Kind = AdvisoryKind.Explainer; a.Title = "شرح بلا حكم"; });

        var html = await site.Client().GetStringAsync("/ar/advisories?verdict=scam");

        Assert.Contains(matching.Title, html, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Title, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/ar/")]
    [InlineData("/uk/advisories")]
    [InlineData("/en/advisories/no-such")]
    [InlineData("/ar/advisories?page=abc")]
    [InlineData("/health")]
    [InlineData("/verdicts.css")]
    [InlineData("/css/site.css")]
    public async Task Public_responses_set_no_cookies_and_carry_security_headers(string path)
    {
        var response = await site.Client().GetAsync(path);

        Assert.False(response.Headers.Contains("Set-Cookie"), $"{path} set a cookie");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Advisory_pages_are_cacheable_by_shared_caches()
    {
        var advisory = await AddFactCheckAsync();
        var response = await site.Client().GetAsync(advisory.Path);

        Assert.True(response.Headers.CacheControl!.Public);
        Assert.True(response.Headers.CacheControl.MaxAge > TimeSpan.Zero);
    }

    [Fact]
    public async Task Head_requests_get_headers_without_a_body()
    {
        var response = await site.Client().SendAsync(new HttpRequestMessage(HttpMethod.Head, "/ar/"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Health_reports_the_database_and_the_bundled_image_library()
    {
        var response = await site.Client().GetAsync("/health");
        var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", json.GetProperty("status").GetString());
        Assert.Equal("healthy", json.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        // The libvips NetVips.Native ships, not a system package (Debian 12 has 8.14).
        Assert.StartsWith("libvips 8.18.", json.GetProperty("checks").GetProperty("images").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_in_the_layout_works_without_javascript()
    {
        var advisory = await AddFactCheckAsync();
        var document = await ParseAsync(await site.Client().GetAsync(advisory.Path));

        // No script is needed to read a page: none is loaded in the head, none inline.
        Assert.Empty(document.Head!.QuerySelectorAll("script:not([type='application/ld+json'])"));
        Assert.Empty(document.QuerySelectorAll("script:not([src]):not([type='application/ld+json'])"));
    }
}
