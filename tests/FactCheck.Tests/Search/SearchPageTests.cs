using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Tests.Search;

/// <summary>/{lang}/search through HTTP, as a reader's browser sees it.</summary>
public class SearchPageTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    private async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetAsync(string path)
    {
        var response = await site.Client().GetAsync(path);
        return (response, await ParseAsync(response));
    }

    private static string Search(string lang, string q, string extra = "") => $"/{lang}/search?q={Uri.EscapeDataString(q)}{extra}";

    private static List<string> ResultLinks(IHtmlDocument document) =>
        document.QuerySelectorAll(".results .result h2 a").Select(a => a.GetAttribute("href")!).ToList();

    [Fact]
    public async Task A_reader_finds_an_advisory_however_the_word_is_typed_and_sees_it_marked()
    {
        var advisory = await site.AddAdvisoryAsync(a =>
        {
            a.Title = "رسائل مزيفة من دعم الفُرْقَانِيَّة";
            a.Summary = "كَتَبَ المحتالونَ رسائلَ تطلبُ رمزَ التحقق.";
        });

        foreach (var typed in new[] { "الفرقانية", "فرقانيه", "الفُرْقَانِيَّة", "والفرقانية" })
        {
            var (response, document) = await GetAsync(Search("ar", typed));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal([advisory.Path], ResultLinks(document));
            // The title's word is marked whole, in the editor's own (vocalised) spelling.
            Assert.Equal(["الفُرْقَانِيَّة"], document.QuerySelectorAll(".result h2 mark").Select(m => m.TextContent));
        }
    }

    [Fact]
    public async Task Marks_in_snippets_cover_whole_words_only()
    {
        await site.AddAdvisoryAsync(a =>
        {
            a.Title = "تنبيه";
            a.Summary = "ملخص";
            a.Body = "وصلت رسالة تقول: بالكرنفالية وللكرنفالية والكرنفالية، ثم كرنفالية في الموعد.";
        });
        var (_, document) = await GetAsync(Search("ar", "الكرنفالية"));

        var marks = document.QuerySelectorAll(".result .snippet mark").ToList();
        Assert.Equal(["بالكرنفالية", "وللكرنفالية", "والكرنفالية", "كرنفالية"], marks.Select(m => m.TextContent));
        foreach (var mark in marks)
        {
            // Nothing letter-like touches a mark on either side: no Arabic word is cut by the highlight.
            var before = (mark.PreviousSibling as IText)?.Data ?? "";
            var after = (mark.NextSibling as IText)?.Data ?? "";
            Assert.False(before.Length > 0 && IsWordChar(before[^1]), $"letter before «{mark.TextContent}»");
            Assert.False(after.Length > 0 && IsWordChar(after[0]), $"letter after «{mark.TextContent}»");
        }
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    [Fact]
    public async Task The_page_language_is_searched_unless_all_languages_are_asked_for()
    {
        var english = await site.AddAdvisoryAsync(a => { a.Language = "en"; a.Title = "Fake courier quixotrack notice"; });

        var (_, arabicOnly) = await GetAsync(Search("ar", "quixotrack"));
        Assert.Empty(ResultLinks(arabicOnly));
        var allLink = arabicOnly.QuerySelector(".empty a[href*='all=1']");
        Assert.NotNull(allLink);

        var (_, all) = await GetAsync(allLink!.GetAttribute("href")!);
        Assert.Equal([english.Path], ResultLinks(all));
        var card = all.QuerySelector(".result")!;
        Assert.Equal("en", card.GetAttribute("lang"));
        Assert.Equal("ltr", card.GetAttribute("dir"));
        Assert.Equal("rtl", all.DocumentElement.GetAttribute("dir"));
        Assert.True(all.QuerySelector<IHtmlInputElement>("#all")!.IsChecked);

        var (_, inEnglish) = await GetAsync(Search("en", "QUIXOTRACK"));
        Assert.Equal([english.Path], ResultLinks(inEnglish));
    }

    [Fact]
    public async Task Filters_in_the_form_narrow_the_results()
    {
        int scam = 0;
        await site.WithDatabaseAsync(async db => scam = (await db.Ratings.SingleAsync(r => r.Key == "scam")).Id);
        var alert = await site.AddAdvisoryAsync(a => { a.Language = "uk"; a.Title = "Шахраї та бот вишиванкобот"; a.Kind = AdvisoryKind.Alert; a.RatingId = scam; });
        var explainer = await site.AddAdvisoryAsync(a => { a.Language = "uk"; a.Title = "Як працює вишиванкобот"; a.Kind = AdvisoryKind.Explainer; });

        Assert.Equal(2, ResultLinks((await GetAsync(Search("uk", "вишиванкобот"))).Document).Count);
        Assert.Equal([alert.Path], ResultLinks((await GetAsync(Search("uk", "вишиванкобот", "&verdict=scam"))).Document));
        Assert.Equal([explainer.Path], ResultLinks((await GetAsync(Search("uk", "вишиванкобот", "&kind=explainer"))).Document));
        var (response, document) = await GetAsync(Search("uk", "вишиванкобот", "&kind=alert"));
        Assert.Equal([alert.Path], ResultLinks(document));
        Assert.Equal("alert", document.QuerySelector<IHtmlSelectElement>("#kind")!.Value);
    }

    [Fact]
    public async Task Results_are_paged()
    {
        for (var i = 0; i < 23; i++) await site.AddAdvisoryAsync(a => { a.Language = "en"; a.Title = $"Pagination marmaladeword {i}"; });

        var (_, first) = await GetAsync(Search("en", "marmaladeword"));
        Assert.Equal(20, ResultLinks(first).Count);
        Assert.Contains("23", first.QuerySelector(".result-count")!.TextContent, StringComparison.Ordinal);
        var next = first.QuerySelector(".pagination a[rel=next]")!.GetAttribute("href")!;

        var (_, second) = await GetAsync(next);
        Assert.Equal(3, ResultLinks(second).Count);
        Assert.Empty(ResultLinks(first).Intersect(ResultLinks(second)));
        Assert.Null(second.QuerySelector(".pagination a[rel=next]"));

        Assert.Equal(HttpStatusCode.NotFound, (await site.Client().GetAsync(Search("en", "marmaladeword", "&page=3"))).StatusCode);
        // Page numbers in Arabic-Indic digits work too.
        Assert.Equal(3, ResultLinks((await GetAsync(Search("en", "marmaladeword", "&page=٢"))).Document).Count);
    }

    [Fact]
    public async Task No_results_offers_the_check_box_and_an_empty_box_explains_itself()
    {
        var (response, document) = await GetAsync(Search("ar", "كلمةغيرموجودةأبدا"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(document.QuerySelector(".empty a[href^='/ar/check?q=']"));

        var (emptyResponse, empty) = await GetAsync("/ar/search");
        Assert.Equal(HttpStatusCode.OK, emptyResponse.StatusCode);
        Assert.NotNull(empty.QuerySelector("form[action='/ar/search'] input[name=q]"));
        Assert.Empty(empty.QuerySelectorAll(".result"));
        // Search result pages are not for search engines.
        Assert.NotNull(empty.QuerySelector("meta[name=robots][content=noindex]"));
    }

    [Fact]
    public async Task Every_page_has_a_search_box_and_the_home_page_has_the_check_box()
    {
        foreach (var lang in new[] { "ar", "uk", "en" })
        {
            var (_, home) = await GetAsync($"/{lang}/");
            var search = home.QuerySelector($"header form[action='/{lang}/search'][method=get]")!;
            Assert.NotNull(search.QuerySelector("input[name=q]"));
            var check = home.QuerySelector($"main form.check-box[action='/{lang}/check'][method=get]")!;
            var input = check.QuerySelector("input[name=q]")!;
            Assert.Equal("auto", input.GetAttribute("dir"));
            Assert.NotNull(home.QuerySelector($"label[for='{input.Id}']"));
            // No script needed: a plain form. The page's only script is the deferred copy button for indicators,
            // at the end of the body; the rest is JSON-LD data.
            Assert.All(home.QuerySelectorAll("script"), script => Assert.True(
                script.GetAttribute("type") == "application/ld+json" || (script.HasAttribute("defer") && script.GetAttribute("src")!.StartsWith("/js/site.js", StringComparison.Ordinal)),
                script.OuterHtml));
        }
    }

    // Input that must give results or a clear message: never a 500, never reflected as markup.
    public static TheoryData<string> HostileQueries => new()
    {
        "\"", "\"unbalanced quote", "((", "a)", "NEAR(a b)", "a OR b", "NOT", "AND OR NOT", "* ^ - +", "title:x", "{title prose}: x",
        "prose : \"x\"", "'; DROP TABLE \"Advisories\"; --", "\u0001\u0008\u001F", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
        "\uFFFD", "\u202Eevil\u202C", "%", "رمز\" OR \"", new string('(', 150),
    };

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task Hostile_queries_get_a_page_not_an_error(string query)
    {
        foreach (var path in new[] { Search("ar", query), $"/en/check?q={Uri.EscapeDataString(query)}" })
        {
            var response = await site.Client().GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
            // What the reader typed is shown back as text in the box, not as markup.
            var box = new HtmlParser().ParseDocument(html).QuerySelector<IHtmlInputElement>("main input[name=q]")!;
            Assert.Equal(SearchController.Readable(query), box.Value);
        }
    }

    [Theory]
    [InlineData("q=%E0%A4%A")]
    [InlineData("q=%")]
    [InlineData("q=%%")]
    [InlineData("q=%FF%FE%FD")]
    [InlineData("q=%ED%A0%80")]
    [InlineData("q=%00")]
    [InlineData("q=%C0%BCscript%C0%BE")]
    [InlineData("q=%3Cscript%3Ealert(1)%3C/script%3E&page=%")]
    [InlineData("q=a&q=b")]
    public async Task Broken_percent_encoding_gets_a_page_not_an_error(string queryString)
    {
        foreach (var path in new[] { "/ar/search?", "/uk/check?" })
        {
            var response = await site.Client().GetAsync(path + queryString);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{path}{queryString}: {response.StatusCode}");
            Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("<h1>", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_overlong_query_gets_a_clear_400()
    {
        var query = new StringBuilder().Insert(0, "احتيال ", 300).ToString(); // 2,100 characters
        var (response, document) = await GetAsync(Search("ar", query));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(SearchQuery.MaxLength.ToString(CultureInfo.InvariantCulture), document.QuerySelector(".message")!.TextContent, StringComparison.Ordinal);

        var (checkResponse, check) = await GetAsync("/ar/check?q=" + Uri.EscapeDataString(new string('1', 2001)));
        Assert.Equal(HttpStatusCode.BadRequest, checkResponse.StatusCode);
        Assert.Contains("2000", check.QuerySelector(".message")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("&page=abc")]
    [InlineData("&page=0")]
    [InlineData("&page=-1")]
    [InlineData("&kind=scam")]
    [InlineData("&verdict=%01")]
    public async Task Malformed_filters_get_a_400_that_says_so(string extra)
    {
        var (response, document) = await GetAsync(Search("en", "scam", extra));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(document.QuerySelector(".message p")?.TextContent));
    }
}
