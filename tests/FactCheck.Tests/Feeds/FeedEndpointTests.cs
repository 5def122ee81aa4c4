using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Feeds;

/// <summary>The served feeds, checked rule by rule against RSS 2.0, Atom 1.0 and JSON Feed 1.1 (docs/feeds.md).</summary>
public partial class FeedEndpointTests(ClockedSite site) : IClassFixture<ClockedSite>
{
    private static readonly XNamespace Atom = FeedFormats.AtomNamespace;
    private static readonly XNamespace Content = FeedFormats.ContentNamespace;
    private static readonly XNamespace Media = FeedFormats.MediaRssNamespace;

    private async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(string path)
    {
        var response = await site.Client().GetAsync(path);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    private async Task<XDocument> XmlAsync(string path)
    {
        var (response, body) = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return XDocument.Parse(System.Text.Encoding.UTF8.GetString(body));
    }

    private static XElement Item(XDocument rss, Advisory advisory) =>
        rss.Root!.Element("channel")!.Elements("item").Single(i => i.Element("guid")!.Value == "urn:uuid:" + advisory.Id.ToString("D"));

    private static XElement Entry(XDocument atom, Advisory advisory) =>
        atom.Root!.Elements(Atom + "entry").Single(e => e.Element(Atom + "id")!.Value == "urn:uuid:" + advisory.Id.ToString("D"));

    [Fact]
    public async Task Every_feed_parses_with_feedparser_without_a_bozo_flag()
    {
        var tag = FeedTestData.Unique("وسم");
        await FeedTestData.AddAsync(site, platforms: ["whatsapp", "telegram"], tags: [tag], screenshots: 2);
        await FeedTestData.AddAsync(site, a => { a.Language = "uk"; a.Title = "Фейкова «підтримка» просить код із SMS"; a.Summary = "Не надсилайте код & не переходьте за посиланням."; }, platforms: ["telegram"]);
        await FeedTestData.AddAsync(site, a => { a.Language = "en"; a.Kind = AdvisoryKind.Alert; a.Severity = Severity.Critical; a.Title = "Fake \"Coinbase security\" calls"; }, screenshots: 1);
        await FeedTestData.AddAsync(site, a => { a.Language = "en"; a.Kind = AdvisoryKind.Explainer; a.ClaimText = null; }, verdict: null);

        var paths = SiteLanguage.All.SelectMany(l => new[] { $"/{l.Code}/feed.rss", $"/{l.Code}/feed.atom" })
            .Concat(["/ar/verdict/scam/feed.rss", "/ar/platform/whatsapp/feed.atom", $"/ar/tag/{Uri.EscapeDataString(tag)}/feed.rss", "/en/verdict/scam/feed.atom", "/cap/alerts.atom"]);
        foreach (var path in paths)
        {
            var (response, body) = await GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var parsed = await FeedParser.ParseAsync(body, response.Content.Headers.ContentType!.ToString());

            Assert.True(parsed.Bozo == 0, $"{path}: {parsed.Exception}");
            Assert.Equal(path.EndsWith(".rss", StringComparison.Ordinal) ? "rss20" : "atom10", parsed.Version);
            Assert.NotEmpty(parsed.Entries);
        }
    }

    [Theory]
    [InlineData("/ar/feed.rss", "application/rss+xml; charset=utf-8")]
    [InlineData("/uk/feed.atom", "application/atom+xml; charset=utf-8")]
    [InlineData("/en/feed.json", "application/feed+json; charset=utf-8")]
    [InlineData("/ar/verdict/scam/feed.json", "application/feed+json; charset=utf-8")]
    [InlineData("/cap/alerts.atom", "application/atom+xml; charset=utf-8")]
    public async Task Feeds_are_served_with_their_exact_media_type_and_a_short_public_cache_lifetime(string path, string mediaType)
    {
        var (response, _) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.ToString());
        Assert.True(response.Headers.CacheControl!.Public);
        Assert.InRange(response.Headers.CacheControl.MaxAge!.Value, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));
        Assert.NotNull(response.Headers.ETag);
        Assert.NotNull(response.Content.Headers.LastModified);
    }

    [Fact]
    public async Task Rss_channel_and_items_carry_every_required_element()
    {
        var advisory = await FeedTestData.AddAsync(site, a => a.Authors = [new Author { Name = FeedTestData.Unique("محرر") }], platforms: ["whatsapp"], screenshots: 2);

        var rss = await XmlAsync("/ar/feed.rss");

        var channel = rss.Root!.Element("channel")!;
        Assert.Equal("2.0", (string?)rss.Root.Attribute("version"));
        foreach (var name in new[] { "title", "link", "description", "lastBuildDate" })
            Assert.False(string.IsNullOrWhiteSpace(channel.Element(name)?.Value), $"channel/{name}");
        Assert.Equal("ar", channel.Element("language")!.Value);
        var self = channel.Element(Atom + "link")!;
        Assert.Equal(("self", "application/rss+xml", "http://localhost/ar/feed.rss"),
            ((string?)self.Attribute("rel"), (string?)self.Attribute("type"), (string?)self.Attribute("href")));

        var item = Item(rss, advisory);
        Assert.Equal(Bidi.PlainParagraph(advisory.Title, advisory.SiteLanguage.Direction), item.Element("title")!.Value);
        Assert.Equal("http://localhost" + advisory.Path, item.Element("link")!.Value);
        Assert.Equal("false", (string?)item.Element("guid")!.Attribute("isPermaLink"));
        Assert.Matches(Rfc822(), item.Element("pubDate")!.Value);
        Assert.Matches(Rfc822(), channel.Element("lastBuildDate")!.Value);
        Assert.Equal(advisory.PublishedAt!.Value.ToString("R", CultureInfo.InvariantCulture), item.Element("pubDate")!.Value);
        Assert.Equal(advisory.Authors[0].Name, item.Element(XName.Get("creator", FeedFormats.DublinCoreNamespace))!.Value);
        Assert.Contains(item.Elements("category"), c => c.Value == "scam" && (string?)c.Attribute("domain") == "http://localhost/ar/advisories?verdict=");
        Assert.Contains(item.Elements("category"), c => c.Value == "whatsapp" && (string?)c.Attribute("domain") == "http://localhost/ar/advisories?platform=");
        Assert.Equal("scam", (string?)item.Element(XName.Get("verdict", FeedFormats.FactCheckNamespace))!.Attribute("key"));
        Assert.Equal(Bidi.PlainParagraph(advisory.Summary, advisory.SiteLanguage.Direction), System.Net.WebUtility.HtmlDecode(item.Element("description")!.Value));
    }

    [Fact]
    public async Task Screenshots_give_exactly_one_enclosure_with_the_real_byte_length_and_all_go_in_media_content()
    {
        var advisory = await FeedTestData.AddAsync(site, screenshots: 2);
        var media = site.Services.GetRequiredService<IMediaStore>();
        var files = advisory.Screenshots.OrderBy(s => s.Position).Select(s => s.Fallback!).ToList();

        var item = Item(await XmlAsync("/ar/feed.rss"), advisory);
        var entry = Entry(await XmlAsync("/ar/feed.atom"), advisory);

        var enclosure = Assert.Single(item.Elements("enclosure"));
        Assert.Equal("http://localhost" + files[0].Url, (string?)enclosure.Attribute("url"));
        Assert.Equal(media.Find(files[0].FileName).Length.ToString(CultureInfo.InvariantCulture), (string?)enclosure.Attribute("length"));
        Assert.Equal(files[0].ContentType, (string?)enclosure.Attribute("type"));
        Assert.Equal(files.Select(f => "http://localhost" + f.Url), item.Elements(Media + "content").Select(m => (string?)m.Attribute("url")));
        Assert.Equal(files.Select(f => media.Find(f.FileName).Length.ToString(CultureInfo.InvariantCulture)),
            item.Elements(Media + "content").Select(m => (string?)m.Attribute("fileSize")));

        var atomEnclosure = Assert.Single(entry.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "enclosure");
        Assert.Equal((string?)enclosure.Attribute("length"), (string?)atomEnclosure.Attribute("length"));

        // And the served file really is that long.
        var image = await site.Client().GetByteArrayAsync(files[0].Url);
        Assert.Equal(image.Length.ToString(CultureInfo.InvariantCulture), (string?)enclosure.Attribute("length"));
    }

    [Fact]
    public async Task Item_html_is_wrapped_in_the_items_language_and_direction_and_holds_only_absolute_urls()
    {
        var advisory = await FeedTestData.AddAsync(site, screenshots: 1);

        var html = Item(await XmlAsync("/ar/feed.rss"), advisory).Element(Content + "encoded")!.Value;

        var document = new HtmlParser().ParseDocument(html);
        var wrapper = document.Body!.FirstElementChild!;
        Assert.Equal(1, document.Body.ChildElementCount);
        Assert.Equal(("div", "ar", "rtl"), (wrapper.LocalName, wrapper.GetAttribute("lang"), wrapper.GetAttribute("dir")));
        var urls = document.QuerySelectorAll("[href], [src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")).ToList();
        Assert.NotEmpty(urls);
        Assert.All(urls, u => Assert.StartsWith("http://localhost/", u, StringComparison.Ordinal));
        // The story as a reader sees it: verdict, the steps, the screenshot's alt text.
        Assert.Contains("احتيال", wrapper.TextContent, StringComparison.Ordinal);
        Assert.Contains(advisory.Steps[0], wrapper.TextContent, StringComparison.Ordinal);
        Assert.Equal(advisory.Screenshots[0].AltText, document.QuerySelector("img")!.GetAttribute("alt"));
    }

    [Fact]
    public async Task Atom_feed_and_entries_carry_every_required_element()
    {
        var advisory = await FeedTestData.AddAsync(site, a => { a.Language = "uk"; a.Title = "Фейкова підтримка"; });

        var atom = await XmlAsync("/uk/feed.atom");

        var feed = atom.Root!;
        Assert.Equal("uk", (string?)feed.Attribute(XNamespace.Xml + "lang"));
        foreach (var name in new[] { "id", "title", "updated" })
            Assert.Single(feed.Elements(Atom + name));
        Assert.NotNull(feed.Element(Atom + "author")?.Element(Atom + "name"));
        Assert.Equal("http://localhost/uk/feed.atom",
            (string?)feed.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href"));

        var entry = Entry(atom, advisory);
        Assert.Equal(Bidi.PlainParagraph(advisory.Title, advisory.SiteLanguage.Direction), entry.Element(Atom + "title")!.Value);
        Assert.Matches(Rfc3339(), entry.Element(Atom + "updated")!.Value);
        Assert.Matches(Rfc3339(), entry.Element(Atom + "published")!.Value);
        Assert.Matches(Rfc3339(), feed.Element(Atom + "updated")!.Value);
        Assert.Equal("http://localhost" + advisory.Path,
            (string?)entry.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate").Attribute("href"));
        Assert.Equal("html", (string?)entry.Element(Atom + "content")!.Attribute("type"));
        Assert.Equal(Bidi.PlainParagraph(advisory.Summary, advisory.SiteLanguage.Direction), entry.Element(Atom + "summary")!.Value);
        var verdict = entry.Elements(Atom + "category").Single(c => (string?)c.Attribute("scheme") == "http://localhost/uk/advisories?verdict=");
        Assert.Equal(("scam", "Шахрайство"), ((string?)verdict.Attribute("term"), (string?)verdict.Attribute("label")));
    }

    [Fact]
    public async Task Json_feed_has_every_required_field()
    {
        var advisory = await FeedTestData.AddAsync(site, a => a.Language = "en", platforms: ["telegram"], screenshots: 1);

        var (response, body) = await GetAsync("/en/feed.json");
        var feed = JsonDocument.Parse(body).RootElement;

        Assert.Equal("https://jsonfeed.org/version/1.1", feed.GetProperty("version").GetString());
        Assert.False(string.IsNullOrWhiteSpace(feed.GetProperty("title").GetString()));
        Assert.Equal("http://localhost/en/", feed.GetProperty("home_page_url").GetString());
        Assert.Equal("http://localhost/en/feed.json", feed.GetProperty("feed_url").GetString());
        Assert.Equal("en", feed.GetProperty("language").GetString());
        var item = feed.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "urn:uuid:" + advisory.Id.ToString("D"));
        Assert.Equal(JsonValueKind.String, item.GetProperty("id").ValueKind);
        Assert.Equal("http://localhost" + advisory.Path, item.GetProperty("url").GetString());
        Assert.Equal(Bidi.PlainParagraph(advisory.Title, advisory.SiteLanguage.Direction), item.GetProperty("title").GetString());
        Assert.StartsWith("<div lang=\"en\" dir=\"ltr\">", item.GetProperty("content_html").GetString(), StringComparison.Ordinal);
        Assert.Matches(Rfc3339(), item.GetProperty("date_published").GetString()!);
        Assert.Matches(Rfc3339(), item.GetProperty("date_modified").GetString()!);
        Assert.Contains("Telegram", item.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.NotEmpty(feed.GetProperty("authors").EnumerateArray());
        var attachment = item.GetProperty("attachments").EnumerateArray().Single();
        Assert.True(attachment.GetProperty("size_in_bytes").GetInt64() > 0);
        var verdict = item.GetProperty("_factcheck").GetProperty("verdict");
        Assert.Equal(("scam", "Scam"), (verdict.GetProperty("key").GetString(), verdict.GetProperty("label").GetString()));
    }

    [Fact]
    public async Task Ids_survive_a_slug_edit_and_links_follow_it()
    {
        var advisory = await FeedTestData.AddAsync(site);
        var before = Item(await XmlAsync("/ar/feed.rss"), advisory);
        var beforeAtom = Entry(await XmlAsync("/ar/feed.atom"), advisory);

        var newSlug = FeedTestData.Unique("renamed");
        await FeedTestData.UpdateAsync(site, advisory.Id, a => a.Slug = newSlug);

        var after = Item(await XmlAsync("/ar/feed.rss"), advisory);
        var afterAtom = Entry(await XmlAsync("/ar/feed.atom"), advisory);
        Assert.Equal(before.Element("guid")!.Value, after.Element("guid")!.Value);
        Assert.Equal(beforeAtom.Element(Atom + "id")!.Value, afterAtom.Element(Atom + "id")!.Value);
        Assert.Equal($"http://localhost/ar/advisories/{newSlug}", after.Element("link")!.Value);
    }

    [Fact]
    public async Task A_correction_moves_the_entry_updated_date_and_appears_in_the_item()
    {
        var advisory = await FeedTestData.AddAsync(site, a => a.Language = "en");
        var before = Entry(await XmlAsync("/en/feed.atom"), advisory).Element(Atom + "updated")!.Value;

        var correctedAt = site.Clock.GetUtcNow().UtcDateTime.AddSeconds(-1);
        correctedAt = correctedAt.AddTicks(-(correctedAt.Ticks % TimeSpan.TicksPerSecond));
        await FeedTestData.AddCorrectionAsync(site, advisory.Id, "The number was wrong; it is +44 7700 900124.", correctedAt);

        var entry = Entry(await XmlAsync("/en/feed.atom"), advisory);
        Assert.NotEqual(before, entry.Element(Atom + "updated")!.Value);
        Assert.Equal(FeedFormats.Rfc3339(correctedAt), entry.Element(Atom + "updated")!.Value);
        Assert.Equal(advisory.PublishedAt!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), entry.Element(Atom + "published")!.Value);
        Assert.Contains("it is +44 7700 900124", entry.Element(Atom + "content")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdrawn_and_unpublished_advisories_are_absent_from_every_feed()
    {
        var withdrawn = await FeedTestData.AddAsync(site, platforms: ["viber"]);
        var draft = await FeedTestData.AddAsync(site, a => a.Status = AdvisoryStatus.Draft, platforms: ["viber"]);
        var scheduled = await FeedTestData.AddAsync(site, a => { a.Status = AdvisoryStatus.Scheduled; a.PublishedAt = DateTime.UtcNow.AddDays(1); }, platforms: ["viber"]);
        var visible = await FeedTestData.AddAsync(site, platforms: ["viber"]);
        var paths = new[] { "/ar/feed.rss", "/ar/feed.atom", "/ar/feed.json", "/ar/platform/viber/feed.rss", "/ar/verdict/scam/feed.json" };
        foreach (var path in paths)
            Assert.Contains(withdrawn.Id.ToString("D"), await site.Client().GetStringAsync(path), StringComparison.Ordinal);

        await FeedTestData.WithdrawAsync(site, withdrawn.Id, "لم يكن احتيالًا");

        foreach (var path in paths)
        {
            var body = await site.Client().GetStringAsync(path);
            Assert.Contains(visible.Id.ToString("D"), body, StringComparison.Ordinal);
            foreach (var hidden in new[] { withdrawn, draft, scheduled })
                Assert.DoesNotContain(hidden.Id.ToString("D"), body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Filtered_feeds_carry_only_their_verdict_platform_or_tag()
    {
        var tag = FeedTestData.Unique("رموز");
        var tagged = await FeedTestData.AddAsync(site, verdict: "misleading", platforms: ["signal"], tags: [tag]);
        var other = await FeedTestData.AddAsync(site, verdict: "scam", platforms: ["sms"]);

        async Task<List<string>> Ids(string path) =>
            (await XmlAsync(path)).Root!.Element("channel")!.Elements("item").Select(i => i.Element("guid")!.Value).ToList();

        var byTag = await Ids($"/ar/tag/{Uri.EscapeDataString(tag)}/feed.rss");
        Assert.Equal(["urn:uuid:" + tagged.Id.ToString("D")], byTag);
        var byPlatform = await Ids("/ar/platform/signal/feed.rss");
        Assert.Contains("urn:uuid:" + tagged.Id.ToString("D"), byPlatform);
        Assert.DoesNotContain("urn:uuid:" + other.Id.ToString("D"), byPlatform);
        var byVerdict = await Ids("/ar/verdict/misleading/feed.rss");
        Assert.Contains("urn:uuid:" + tagged.Id.ToString("D"), byVerdict);
        Assert.DoesNotContain("urn:uuid:" + other.Id.ToString("D"), byVerdict);

        var tagFeed = await XmlAsync($"/ar/tag/{Uri.EscapeDataString(tag)}/feed.rss");
        Assert.Equal($"http://localhost/ar/tag/{Uri.EscapeDataString(tag)}/feed.rss",
            (string?)tagFeed.Root!.Element("channel")!.Element(Atom + "link")!.Attribute("href"));
        Assert.Contains(tag, tagFeed.Root.Element("channel")!.Element("title")!.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/ar/verdict/no-such-verdict/feed.rss")]
    [InlineData("/ar/platform/no-such-platform/feed.atom")]
    [InlineData("/en/tag/no-such-tag-anywhere/feed.json")]
    [InlineData("/fr/feed.rss")]
    [InlineData("/ar/feed.xml")]
    public async Task Unknown_feeds_are_404(string path)
    {
        var (response, _) = await GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/ar/feed.rss")]
    [InlineData("/en/feed.json")]
    public async Task Conditional_get_answers_304_without_a_body_until_something_changes(string path)
    {
        await FeedTestData.AddAsync(site, a => a.Language = path[1..3]);
        var (first, _) = await GetAsync(path);
        var etag = first.Headers.ETag!;
        var lastModified = first.Content.Headers.LastModified!.Value;

        var byTag = new HttpRequestMessage(HttpMethod.Get, path);
        byTag.Headers.IfNoneMatch.Add(etag);
        var notModified = await site.Client().SendAsync(byTag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, notModified.Headers.ETag);

        var byDate = new HttpRequestMessage(HttpMethod.Get, path);
        byDate.Headers.IfModifiedSince = lastModified;
        Assert.Equal(HttpStatusCode.NotModified, (await site.Client().SendAsync(byDate)).StatusCode);

        // If-None-Match wins over If-Modified-Since: a stale tag gets the full feed even with a current date.
        var stale = new HttpRequestMessage(HttpMethod.Get, path);
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"stale\""));
        stale.Headers.IfModifiedSince = lastModified;
        var full = await site.Client().SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.NotEmpty(await full.Content.ReadAsByteArrayAsync());

        // Published a little later than everything so far (HTTP dates count whole seconds).
        site.FakeClock.Advance(TimeSpan.FromSeconds(2));
        await FeedTestData.AddAsync(site, a => { a.Language = path[1..3]; a.PublishedAt = site.Clock.GetUtcNow().UtcDateTime; });
        var changed = new HttpRequestMessage(HttpMethod.Get, path);
        changed.Headers.IfNoneMatch.Add(etag);
        changed.Headers.IfModifiedSince = lastModified;
        var fresh = await site.Client().SendAsync(changed);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.NotEqual(etag, fresh.Headers.ETag);
        Assert.True(fresh.Content.Headers.LastModified > lastModified);
    }

    [Fact]
    public async Task Head_answers_with_the_get_headers_and_no_body()
    {
        var (get, body) = await GetAsync("/uk/feed.atom");
        var head = await site.Client().SendAsync(new HttpRequestMessage(HttpMethod.Head, "/uk/feed.atom"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Equal(body.Length, head.Content.Headers.ContentLength);
    }

    [Theory]
    [InlineData("/ar/feed.rss")]
    [InlineData("/uk/feed.atom")]
    [InlineData("/ar/feed.json")]
    public async Task Feed_bytes_are_identical_whatever_the_current_culture(string path)
    {
        await FeedTestData.AddAsync(site, a => a.Language = path[1..3], screenshots: 1);
        var bodies = new List<byte[]>();
        foreach (var culture in new[] { "ar-SA", "uk-UA", "" })
        {
            var (current, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
                bodies.Add((await GetAsync(path)).Body);
            }
            finally
            {
                (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (current, ui);
            }
        }
        Assert.Equal(bodies[0], bodies[1]);
        Assert.Equal(bodies[0], bodies[2]);
    }

    [Fact]
    public async Task Pages_link_their_feeds_for_autodiscovery()
    {
        var advisory = await FeedTestData.AddAsync(site);

        foreach (var path in new[] { "/ar/", advisory.Path, "/ar/methodology", "/ar/advisories?platform=whatsapp" })
        {
            var document = new HtmlParser().ParseDocument(await site.Client().GetStringAsync(path));
            var feeds = document.Head!.QuerySelectorAll("link[rel=alternate][type]")
                .ToDictionary(l => l.GetAttribute("href")!, l => l.GetAttribute("type"));
            Assert.Equal("application/rss+xml", feeds.GetValueOrDefault("http://localhost/ar/feed.rss"));
            Assert.Equal("application/atom+xml", feeds.GetValueOrDefault("http://localhost/ar/feed.atom"));
            Assert.Equal("application/feed+json", feeds.GetValueOrDefault("http://localhost/ar/feed.json"));
            if (path.Contains("platform=", StringComparison.Ordinal))
                Assert.Equal("application/rss+xml", feeds.GetValueOrDefault("http://localhost/ar/platform/whatsapp/feed.rss"));
        }
    }

    [GeneratedRegex(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$")]
    private static partial Regex Rfc822();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")]
    private static partial Regex Rfc3339();
}
