using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>/sitemap.xml (published pages only, with their language alternates) and /robots.txt pointing at it.</summary>
[OutputCache(PolicyName = PublicCaching.Pages, VaryByQueryKeys = [])]
public sealed class CrawlersController(AppDbContext db, IOptions<SiteOptions> site, TimeProvider clock) : Controller
{
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    [HttpGet("/robots.txt")]
    public IActionResult Robots()
    {
        var baseUrl = AbsoluteUrls.BaseUrl(Request, site.Value);
        var robots = $"User-agent: *\nDisallow: /admin/\n\nSitemap: {baseUrl}/sitemap.xml\n";
        return Content(robots, "text/plain; charset=utf-8", Encoding.UTF8);
    }

    [HttpGet("/sitemap.xml")]
    public async Task<IActionResult> Sitemap(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var baseUrl = AbsoluteUrls.BaseUrl(Request, site.Value);
        var advisories = await db.PublishedAdvisories
            .Where(a => a.PublishedAt != null && a.PublishedAt <= now)
            .OrderByDescending(a => a.PublishedAt).ThenBy(a => a.Id)
            .Include(a => a.Corrections)
            .AsSplitQuery().AsNoTracking()
            .ToListAsync(cancellationToken);
        var withdrawn = await db.Advisories.Where(a => a.Status == AdvisoryStatus.Withdrawn && a.WithdrawnAt <= now)
            .MaxAsync(a => a.WithdrawnAt, cancellationToken);

        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, FeedFormats.XmlSettings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", SitemapNamespace);
            xml.WriteAttributeString("xmlns", "xhtml", null, XhtmlNamespace);

            // Language homes, lists and the methodology page exist in every language; the root redirects by Accept-Language (x-default).
            foreach (var page in new[] { "/", "/advisories", "/methodology" })
            {
                var alternates = SiteLanguage.All.Select(l => (l.Code, $"{baseUrl}/{l.Code}{page}")).ToList();
                if (page == "/") alternates.Add(("x-default", baseUrl + "/"));
                foreach (var language in SiteLanguage.All)
                {
                    var latest = page == "/methodology" ? null
                        : advisories.Where(a => a.Language == language.Code).Select(a => (DateTime?)FeedBuilder.UpdatedAt(a, now)).Max();
                    WriteUrl(xml, $"{baseUrl}/{language.Code}{page}", latest, alternates);
                }
            }

            var translations = advisories.Where(a => a.TranslationKey != null).ToLookup(a => a.TranslationKey!);
            foreach (var advisory in advisories)
            {
                var alternates = advisory.TranslationKey is null ? [] : translations[advisory.TranslationKey]
                    .OrderBy(a => SiteLanguage.All.ToList().IndexOf(a.SiteLanguage))
                    .Select(a => (a.Language, baseUrl + a.Path)).ToList();
                WriteUrl(xml, baseUrl + advisory.Path, FeedBuilder.UpdatedAt(advisory, now), alternates.Count > 1 ? alternates : []);
            }
            xml.WriteEndElement();
        }
        var lastModified = advisories.Select(a => FeedBuilder.UpdatedAt(a, now)).Append(withdrawn ?? DateTime.UnixEpoch).Max();
        return this.CachedDocument(stream.ToArray(), "application/xml; charset=utf-8", lastModified);
    }

    private static void WriteUrl(XmlWriter xml, string location, DateTime? lastModified, IReadOnlyList<(string Language, string Url)> alternates)
    {
        xml.WriteStartElement("url", SitemapNamespace);
        xml.WriteElementString("loc", SitemapNamespace, location);
        if (lastModified is { } modified) xml.WriteElementString("lastmod", SitemapNamespace, FeedFormats.Rfc3339(modified));
        // Google's rule: every URL lists all its alternates, itself included.
        foreach (var (language, url) in alternates)
        {
            xml.WriteStartElement("xhtml", "link", XhtmlNamespace);
            xml.WriteAttributeString("rel", "alternate");
            xml.WriteAttributeString("hreflang", language);
            xml.WriteAttributeString("href", url);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }
}
