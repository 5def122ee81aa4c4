using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Tests.Search;

/// <summary>/{lang}/check: a reader pastes a number, link or handle however they got it and learns whether we know it.</summary>
public class CheckPageTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private async Task<(HttpResponseMessage Response, IHtmlDocument Document)> CheckAsync(string lang, string input)
    {
        var response = await site.Client().GetAsync($"/{lang}/check?q={Uri.EscapeDataString(input)}");
        return (response, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    private static List<string> Matches(IHtmlDocument document) =>
        document.QuerySelectorAll(".check-matches h3 a").Select(a => a.GetAttribute("href")!).ToList();

    /// <summary>An advisory listing indicators as an editor types them; normalized as the importer does.</summary>
    private async Task<Advisory> AddWithIndicatorsAsync(string language, params (IndicatorType Type, string Raw, string? Country)[] indicators)
    {
        int scam = 0;
        await site.WithDatabaseAsync(async db => scam = (await db.Ratings.SingleAsync(r => r.Key == "scam")).Id);
        return await site.AddAdvisoryAsync(a =>
        {
            a.Language = language;
            a.RatingId = scam;
            a.Indicators = indicators.Select(i => new Indicator
            {
                Type = i.Type, Raw = i.Raw, Country = i.Country,
                Normalized = IndicatorNormalizer.Normalize(i.Type, i.Raw, i.Country).Value!,
            }).ToList();
        });
    }

    [Theory]
    [InlineData("+966 55 741 2288")]
    [InlineData("+966557412288")]
    [InlineData("00966 55 741 2288")]
    [InlineData("055 741 2288")]
    [InlineData("(055) 741-2288")]
    [InlineData("٠٥٥٧٤١٢٢٨٨")]
    [InlineData("۰۵۵ ۷۴۱ ۲۲۸۸")]
    [InlineData("+٩٦٦ ٥٥ ٧٤١ ٢٢٨٨")]
    [InlineData("966557412288")]
    [InlineData("wa.me/966557412288")]
    [InlineData("اتصلوا بي على ٠٥٥٧٤١٢٢٨٨ الآن")]
    public async Task A_phone_number_is_found_in_any_common_form(string typed)
    {
        var advisory = await AddWithIndicatorsAsync("ar", (IndicatorType.Phone, "+966 55 741 2288", "SA"));
        var (response, document) = await CheckAsync("ar", typed);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(advisory.Path, Matches(document));
        Assert.NotNull(document.QuerySelector(".check-found"));
    }

    [Theory]
    [InlineData("https://wa-verify-help.example/login")]
    [InlineData("hxxps://wa-verify-help[.]example/login")]
    [InlineData("wa-verify-help.example/login")]
    [InlineData("WWW.WA-VERIFY-HELP.EXAMPLE/login/")]
    [InlineData("https://wa-verify-help.example/login?utm_source=whatsapp")]
    [InlineData("wa-verify-help.example")]
    [InlineData("wa-verify-help[.]example")]
    public async Task A_link_or_its_domain_is_found_with_or_without_scheme_www_slash_query_and_defanging(string typed)
    {
        var advisory = await AddWithIndicatorsAsync("en",
            (IndicatorType.Url, "https://wa-verify-help.example/login", null), (IndicatorType.Domain, "wa-verify-help.example", null));
        var (_, document) = await CheckAsync("en", typed);
        Assert.Contains(advisory.Path, Matches(document));
        // The matched indicator is shown defanged, never as a link.
        Assert.Empty(document.QuerySelectorAll(".check-matches a[href*='wa-verify-help']"));
        Assert.All(document.QuerySelectorAll(".check-matches code.ioc"), code => Assert.DoesNotContain("wa-verify-help.example", code.TextContent, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("@Diia_Helper_Bot")]
    [InlineData("diia_helper_bot")]
    [InlineData("t.me/diia_helper_bot")]
    [InlineData("https://t.me/Diia_Helper_Bot?start=ua")]
    public async Task A_handle_or_bot_username_is_found_in_any_case_and_as_a_link(string typed)
    {
        var advisory = await AddWithIndicatorsAsync("uk", (IndicatorType.Handle, "@diia_helper_bot", null));
        var (_, document) = await CheckAsync("uk", typed);
        Assert.Contains(advisory.Path, Matches(document));
    }

    [Theory]
    [InlineData("Security@Coinbase-Alerts.example")]
    [InlineData("security[at]coinbase-alerts[.]example")]
    public async Task An_email_address_is_found(string typed)
    {
        var advisory = await AddWithIndicatorsAsync("en", (IndicatorType.Email, "security@coinbase-alerts.example", null));
        var (_, document) = await CheckAsync("en", typed);
        Assert.Contains(advisory.Path, Matches(document));
    }

    [Fact]
    public async Task A_match_shows_the_verdict_and_date_in_the_readers_language()
    {
        var advisory = await AddWithIndicatorsAsync("en", (IndicatorType.Phone, "+44 7700 900456", "GB"));
        var (_, document) = await CheckAsync("ar", "07700 900456");

        var card = document.QuerySelector(".check-matches .card")!;
        Assert.Equal(advisory.Path, card.QuerySelector("h3 a")!.GetAttribute("href"));
        Assert.Equal("en", card.GetAttribute("lang"));
        Assert.Equal("احتيال", card.QuerySelector(".verdict-label")!.TextContent.Trim());
        Assert.NotNull(card.QuerySelector("time[datetime]"));
        Assert.Equal("rtl", document.DocumentElement.GetAttribute("dir"));
    }

    [Fact]
    public async Task An_unknown_number_gets_a_careful_answer_and_the_advice()
    {
        var (response, document) = await CheckAsync("ar", "+966 50 000 1122");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Matches(document));
        var answer = document.QuerySelector(".check-unknown")!;
        Assert.Contains("لا يعني أنه آمن", answer.TextContent, StringComparison.Ordinal);
        Assert.True(document.QuerySelectorAll(".check-advice li").Length >= 3);
        // What we looked for is shown, as text in an LTR island.
        var lookedFor = document.QuerySelector(".looked-for code")!;
        Assert.Equal("ltr", lookedFor.GetAttribute("dir"));
        Assert.Contains("966500001122", lookedFor.TextContent.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_that_is_no_indicator_says_so_and_offers_search()
    {
        var (response, document) = await CheckAsync("uk", "чи це шахрайство?");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(document.QuerySelector(".check-unknown"));
        Assert.NotNull(document.QuerySelector(".check-unknown a[href^='/uk/search?q=']"));
    }

    [Fact]
    public async Task Withdrawn_and_draft_advisories_are_not_matched()
    {
        var withdrawn = await AddWithIndicatorsAsync("en", (IndicatorType.Domain, "withdrawn-scam.example", null));
        await site.WithDatabaseAsync(async db =>
        {
            var stored = await db.Advisories.SingleAsync(a => a.Id == withdrawn.Id);
            stored.Status = AdvisoryStatus.Withdrawn;
            await db.SaveChangesAsync();
        });
        var (_, document) = await CheckAsync("en", "withdrawn-scam.example");
        Assert.Empty(Matches(document));
        Assert.NotNull(document.QuerySelector(".check-unknown"));
    }

    [Fact]
    public async Task The_home_page_check_box_works_without_javascript()
    {
        var advisory = await AddWithIndicatorsAsync("ar", (IndicatorType.Handle, "@sahm_gift_bot", null));
        var home = new HtmlParser().ParseDocument(await site.Client().GetStringAsync("/ar/"));
        var form = home.QuerySelector<IHtmlFormElement>("form.check-box")!;
        var field = form.QuerySelector<IHtmlInputElement>("input")!;

        // What a browser does on submit of a GET form: action?name=value.
        var response = await site.Client().GetAsync($"{form.GetAttribute("action")}?{field.Name}={Uri.EscapeDataString("‏@SAHM_gift_bot‏")}");
        var result = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal([advisory.Path], Matches(result));
    }
}
