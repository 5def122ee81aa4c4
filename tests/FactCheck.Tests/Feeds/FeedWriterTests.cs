using System.Globalization;
using System.Xml.Linq;
using AngleSharp.Html.Parser;

namespace FactCheck.Tests.Feeds;

/// <summary>The writers and helpers on their own: pure functions from a feed model to bytes.</summary>
public class FeedWriterTests
{
    private static readonly DateTime Published = new(2024, 3, 5, 9, 30, 0, DateTimeKind.Utc);

    private static Feed SampleFeed() => new(
        Title: "\u2068FactCheck\u2069 — \u2068أحدث التحذيرات\u2069",
        Description: "تحذيرات من الاحتيال",
        Language: SiteLanguage.Arabic,
        HomeUrl: "https://fc.example/ar/",
        SelfUrl: "https://fc.example/ar/feed.rss",
        Updated: Published.AddDays(1),
        Publisher: new FeedPublisher("FactCheck", "https://fc.example/", "https://fc.example/ar/methodology"),
        Entries:
        [
            new FeedEntry(
                Id: Guid.Parse("3d0c7e62-4b8a-4b8e-9a51-0f3e8b1c2a10"),
                Title: "دعم واتساب المزيف",
                Summary: "ملخص <مهم> & قصير",
                Url: "https://fc.example/ar/advisories/x",
                ContentHtml: "<div lang=\"ar\" dir=\"rtl\"><p>نص</p></div>",
                Published: Published,
                Updated: Published.AddDays(1),
                Authors: ["فريق التحقق"],
                Kind: AdvisoryKind.Alert,
                Verdict: new FeedVerdict("scam", "احتيال", 1, 5, 1, "https://fc.example/ar/advisories?verdict="),
                Severity: Severity.High,
                Platforms: [new FeedCategory("whatsapp", "WhatsApp", "https://fc.example/ar/advisories?platform=")],
                Tags: [new FeedCategory("رموز التحقق", "رموز التحقق", "https://fc.example/ar/advisories?tag=")],
                Images: [new FeedImage("https://fc.example/media/a.jpg", "image/jpeg", 12345, 720, 1280, "لقطة")]),
        ]);

    private static byte[] Write(FeedFormat format, Feed feed) => format switch
    {
        FeedFormat.Rss => RssFeedWriter.Write(feed),
        FeedFormat.Atom => AtomFeedWriter.Write(feed),
        _ => JsonFeedWriter.Write(feed),
    };

    private static T UnderCulture<T>(string culture, Func<T> action)
    {
        var (current, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (current, ui);
        }
    }

    [Theory]
    [InlineData(FeedFormat.Rss)]
    [InlineData(FeedFormat.Atom)]
    [InlineData(FeedFormat.Json)]
    public void Feed_bytes_are_identical_under_arabic_ukrainian_and_invariant_cultures(FeedFormat format)
    {
        var invariant = UnderCulture("", () => Write(format, SampleFeed()));
        Assert.Equal(invariant, UnderCulture("ar-SA", () => Write(format, SampleFeed())));
        Assert.Equal(invariant, UnderCulture("uk-UA", () => Write(format, SampleFeed())));
    }

    [Theory]
    [InlineData("ar-SA")]
    [InlineData("uk-UA")]
    public void Machine_dates_use_english_names_and_the_gregorian_calendar(string culture)
    {
        var (rfc822, rfc3339, cap) = UnderCulture(culture, () => (FeedFormats.Rfc822(Published), FeedFormats.Rfc3339(Published), CapWriter.Time(Published)));

        Assert.Equal("Tue, 05 Mar 2024 09:30:00 GMT", rfc822);
        Assert.Equal("2024-03-05T09:30:00Z", rfc3339);
        // CAP 1.2 forbids "Z": UTC is -00:00.
        Assert.Equal("2024-03-05T09:30:00-00:00", cap);
    }

    [Fact]
    public void Rss_item_carries_the_verdict_as_a_category_with_a_scheme_and_as_a_factcheck_element()
    {
        var rss = XDocument.Parse(System.Text.Encoding.UTF8.GetString(RssFeedWriter.Write(SampleFeed())));
        XNamespace fc = FeedFormats.FactCheckNamespace;
        var item = rss.Root!.Element("channel")!.Element("item")!;

        var category = item.Elements("category").First();
        Assert.Equal("scam", category.Value);
        Assert.Equal("https://fc.example/ar/advisories?verdict=", (string?)category.Attribute("domain"));
        var verdict = item.Element(fc + "verdict")!;
        Assert.Equal("scam", (string?)verdict.Attribute("key"));
        Assert.Equal("احتيال", verdict.Value);
        Assert.Equal("high", item.Element(fc + "severity")!.Value);
        Assert.Equal("whatsapp", (string?)item.Element(fc + "platform")!.Attribute("key"));
        // A plain-text summary stays text after a reader decodes the description as HTML.
        Assert.Equal("ملخص &lt;مهم&gt; &amp; قصير", item.Element("description")!.Value);
    }

    [Fact]
    public void Control_characters_typed_by_an_editor_do_not_break_the_feed()
    {
        // A lone half of a surrogate pair (a cut emoji) becomes U+FFFD; a whole emoji stays.
        var feed = SampleFeed() with { Title = "bad\u0001title\u0008 \U0001F600 cut\uD83D." };
        foreach (var format in new[] { FeedFormat.Rss, FeedFormat.Atom })
        {
            var document = XDocument.Parse(System.Text.Encoding.UTF8.GetString(Write(format, feed)));
            Assert.Contains("badtitle \U0001F600 cut\uFFFD.", document.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Item_html_gets_absolute_urls_and_the_items_language_and_direction()
    {
        var html = """
            <p><a href="/ar/check?q=1">بحث</a> <a href="#steps">الخطوات</a> <a href="https://other.example/x">خارجي</a></p>
            <img src="../../media/a.png" srcset="/media/a.webp 320w, /media/b.webp 640w" alt="">
            <blockquote cite="sources/1"><p>اقتباس</p></blockquote>
            """;

        var prepared = FeedHtml.Prepare(html, new Uri("https://fc.example/ar/advisories/slug"), SiteLanguage.Arabic);

        var document = new HtmlParser().ParseDocument(prepared);
        var wrapper = document.Body!.FirstElementChild!;
        Assert.Equal(("div", "ar", "rtl"), (wrapper.LocalName, wrapper.GetAttribute("lang"), wrapper.GetAttribute("dir")));
        var urls = document.QuerySelectorAll("[href], [src], [cite]")
            .SelectMany(e => new[] { e.GetAttribute("href"), e.GetAttribute("src"), e.GetAttribute("cite") })
            .Where(u => u is not null)
            .Concat(document.QuerySelectorAll("[srcset]").SelectMany(e => e.GetAttribute("srcset")!.Split(',').Select(c => c.Trim().Split(' ')[0])))
            .ToList();
        Assert.Equal(7, urls.Count);
        Assert.All(urls, u => Assert.True(Uri.TryCreate(u, UriKind.Absolute, out _), $"{u} is not absolute"));
        Assert.Contains("https://fc.example/ar/check?q=1", urls);
        Assert.Contains("https://fc.example/ar/advisories/slug#steps", urls);
        Assert.Contains("https://fc.example/media/a.png", urls);
        Assert.Contains("https://other.example/x", urls);
    }

    [Theory]
    [InlineData("فريق الدعم يحتاج رمز التحقق المكون من ستة أرقام لحماية حسابك من الاختراق ومن سرقة بياناتك الشخصية")]
    [InlineData("Служба підтримки просить надіслати код із SMS, щоб «підтвердити відстрочку»\nпісля технічного збою в застосунку")]
    [InlineData("short claim")]
    public void ClaimReviewed_is_the_whole_claim_never_cut(string claim)
    {
        var reviewed = ClaimReviewMarkup.WholeClaim(claim);

        // Cut with "…", a claim says something its claimant never said; only the line breaks go.
        Assert.Equal(claim.Replace('\n', ' '), reviewed);
        Assert.DoesNotContain("…", reviewed, StringComparison.Ordinal);
    }
}
