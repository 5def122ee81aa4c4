using System.Net;
using System.Text.Json;
using System.Xml.Linq;

namespace FactCheck.Tests.Feeds;

/// <summary>The indicator export (CSV, JSON), /sitemap.xml and /robots.txt.</summary>
public class ExportAndSitemapTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    private Task<Advisory> AddWithIndicatorsAsync(string phone, string domain, Action<Advisory>? configure = null) =>
        FeedTestData.AddAsync(site, a =>
        {
            a.Indicators =
            [
                new Indicator { Type = IndicatorType.Phone, Raw = "+44 7700 " + phone[^6..], Normalized = phone, FirstSeen = new DateOnly(2025, 3, 10), LastSeen = new DateOnly(2025, 3, 12) },
                new Indicator { Type = IndicatorType.Domain, Raw = domain, Normalized = domain },
            ];
            configure?.Invoke(a);
        });

    /// <summary>RFC 4180, as a spreadsheet or a CSV library reads it: quoted fields may hold commas and doubled quotes.</summary>
    internal static List<string[]> ParseCsv(string csv)
    {
        var rows = new List<string[]>();
        foreach (var line in csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = new List<string>();
            var field = new System.Text.StringBuilder();
            var quoted = false;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = !quoted;
                else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
                else field.Append(c);
            }
            fields.Add(field.ToString());
            rows.Add([.. fields]);
        }
        return rows;
    }

    [Fact]
    public async Task Csv_export_lists_every_indicator_of_published_advisories_with_its_advisory()
    {
        var domain = FeedTestData.Unique("wa-support") + ".example";
        var advisory = await AddWithIndicatorsAsync("+447700900123", domain);
        var draftDomain = FeedTestData.Unique("draft") + ".example";
        await AddWithIndicatorsAsync("+447700900999", draftDomain, a => a.Status = AdvisoryStatus.Draft);

        var response = await site.Client().GetAsync("/indicators.csv");
        var rows = ParseCsv(await response.Content.ReadAsStringAsync());

        Assert.Equal("text/csv; charset=utf-8; header=present", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(["type", "value", "first_seen", "last_seen", "verdict", "language", "advisory_url", "advisory_id"], rows[0]);
        Assert.All(rows, r => Assert.Equal(8, r.Length));
        var mine = rows.Where(r => r[7] == advisory.Id.ToString("D")).ToList();
        // A leading "+" would start a spreadsheet formula: the CSV carries it behind an apostrophe (CsvField); the JSON is exact.
        Assert.Contains(["phone", "'+447700900123", "2025-03-10", "2025-03-12", "scam", "ar", "http://localhost" + advisory.Path, advisory.Id.ToString("D")], mine);
        Assert.Contains(mine, r => r[0] == "domain" && r[1] == domain && r[2] == "" && r[3] == "");
        Assert.DoesNotContain(rows, r => r[1] == draftDomain);
    }

    [Fact]
    public async Task Json_export_carries_the_same_rows()
    {
        var domain = FeedTestData.Unique("json") + ".example";
        var advisory = await AddWithIndicatorsAsync("+447700900124", domain, a => a.Language = "en");

        var response = await site.Client().GetAsync("/indicators.json");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var row = json.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("value").GetString() == domain);
        Assert.Equal("domain", row.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("first_seen").ValueKind);
        Assert.Equal("scam", row.GetProperty("verdict").GetString());
        Assert.Equal("en", row.GetProperty("language").GetString());
        Assert.Equal("http://localhost" + advisory.Path, row.GetProperty("advisory_url").GetString());
        Assert.Equal(advisory.Id.ToString("D"), row.GetProperty("advisory_id").GetString());
    }

    [Fact]
    public async Task Values_with_commas_and_quotes_survive_the_csv()
    {
        var handle = "@bot,\"support\"" + Guid.NewGuid().ToString("N")[..6];
        await FeedTestData.AddAsync(site, a => a.Indicators = [new Indicator { Type = IndicatorType.Handle, Raw = handle, Normalized = handle }]);

        var rows = ParseCsv(await site.Client().GetStringAsync("/indicators.csv"));

        Assert.Contains(rows, r => r[0] == "handle" && r[1] == "'" + handle); // "@" starts a formula: escaped (CsvField)
    }

    [Fact]
    public async Task A_withdrawn_advisory_leaves_the_export_and_the_sitemap()
    {
        var domain = FeedTestData.Unique("withdrawn") + ".example";
        var advisory = await AddWithIndicatorsAsync("+447700900125", domain);
        Assert.Contains(domain, await site.Client().GetStringAsync("/indicators.csv"), StringComparison.Ordinal);
        Assert.Contains(domain, await site.Client().GetStringAsync("/indicators.json"), StringComparison.Ordinal);
        Assert.Contains(advisory.Slug, await site.Client().GetStringAsync("/sitemap.xml"), StringComparison.Ordinal);

        await FeedTestData.WithdrawAsync(site, advisory.Id, "خطأ في التحقق");

        Assert.DoesNotContain(domain, await site.Client().GetStringAsync("/indicators.csv"), StringComparison.Ordinal);
        Assert.DoesNotContain(domain, await site.Client().GetStringAsync("/indicators.json"), StringComparison.Ordinal);
        Assert.DoesNotContain(advisory.Slug, await site.Client().GetStringAsync("/sitemap.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sitemap_lists_published_pages_with_their_language_alternates_and_nothing_unpublished()
    {
        var key = FeedTestData.Unique("story");
        var arabic = await FeedTestData.AddAsync(site, a => a.TranslationKey = key);
        var ukrainian = await FeedTestData.AddAsync(site, a => { a.TranslationKey = key; a.Language = "uk"; a.Slug = FeedTestData.Unique("фейк"); });
        var draft = await FeedTestData.AddAsync(site, a => a.Status = AdvisoryStatus.Draft);
        var scheduled = await FeedTestData.AddAsync(site, a => { a.Status = AdvisoryStatus.Scheduled; a.PublishedAt = DateTime.UtcNow.AddDays(2); });

        var response = await site.Client().GetAsync("/sitemap.xml");
        var sitemap = XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("application/xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var urls = sitemap.Root!.Elements(Sitemap + "url").ToDictionary(u => u.Element(Sitemap + "loc")!.Value);
        Assert.Contains("http://localhost/ar/", urls.Keys);
        Assert.Contains("http://localhost/en/methodology", urls.Keys);
        var entry = urls["http://localhost" + arabic.Path];
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", entry.Element(Sitemap + "lastmod")!.Value);
        var alternates = entry.Elements(Xhtml + "link").ToDictionary(l => (string)l.Attribute("hreflang")!, l => (string?)l.Attribute("href"));
        Assert.Equal("http://localhost" + arabic.Path, alternates["ar"]);
        Assert.Equal("http://localhost" + ukrainian.Path, alternates["uk"]);
        Assert.Contains("%D1%84%D0%B5%D0%B9%D0%BA", alternates["uk"], StringComparison.Ordinal);
        Assert.DoesNotContain(urls.Keys, u => u.EndsWith(draft.Slug, StringComparison.Ordinal) || u.EndsWith(scheduled.Slug, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_the_back_office()
    {
        var response = await site.Client().GetAsync("/robots.txt");
        var robots = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", robots.Split('\n'));
        Assert.Contains("Disallow: /admin/", robots.Split('\n'));
    }

    [Fact]
    public async Task Exports_and_sitemap_answer_conditional_requests()
    {
        foreach (var path in new[] { "/indicators.csv", "/indicators.json", "/sitemap.xml", "/cap/alerts.atom" })
        {
            var first = await site.Client().GetAsync(path);
            var again = new HttpRequestMessage(HttpMethod.Get, path);
            again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
            var response = await site.Client().SendAsync(again);

            Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        }
    }
}
