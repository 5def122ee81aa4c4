using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>RSS, Atom and JSON Feed per language, and per verdict, platform or tag within a language (docs/feeds.md).</summary>
[OutputCache(PolicyName = PublicCaching.Pages, VaryByQueryKeys = [])]
public sealed class FeedsController(FeedBuilder feeds, AppDbContext db, IOptions<SiteOptions> site) : Controller
{
    private const string Lang = "{lang:" + SiteLanguage.RouteConstraint + "}";
    private const string FeedFile = "feed.{format:regex(^(rss|atom|json)$)}";

    [HttpGet("/" + Lang + "/" + FeedFile)]
    public Task<IActionResult> Language(string lang, string format, CancellationToken cancellationToken) =>
        ServeAsync(new FeedScope(SiteLanguage.Find(lang)!), format, cancellationToken);

    [HttpGet("/" + Lang + "/verdict/{key}/" + FeedFile)]
    public Task<IActionResult> Verdict(string lang, string key, string format, CancellationToken cancellationToken) =>
        ServeAsync(new FeedScope(SiteLanguage.Find(lang)!, FeedFacet.Verdict, key), format, cancellationToken);

    [HttpGet("/" + Lang + "/platform/{key}/" + FeedFile)]
    public Task<IActionResult> Platform(string lang, string key, string format, CancellationToken cancellationToken) =>
        ServeAsync(new FeedScope(SiteLanguage.Find(lang)!, FeedFacet.Platform, key), format, cancellationToken);

    [HttpGet("/" + Lang + "/tag/{tag}/" + FeedFile)]
    public Task<IActionResult> Tag(string lang, string tag, string format, CancellationToken cancellationToken) =>
        ServeAsync(new FeedScope(SiteLanguage.Find(lang)!, FeedFacet.Tag, tag), format, cancellationToken);

    private async Task<IActionResult> ServeAsync(FeedScope scope, string extension, CancellationToken cancellationToken)
    {
        if (FeedFormats.Parse(extension) is not { } format) return NotFound();
        if (scope.Value is not null && ListFilter.Problem(scope.Value, null, null) is not null) return NotFound();
        // A renamed or merged tag or platform: subscribers are moved permanently to the new feed.
        if (scope.Facet is FeedFacet.Tag or FeedFacet.Platform &&
            await Taxonomy.MovedToAsync(db, scope.Facet == FeedFacet.Tag ? TaxonomyRedirect.TagKind : TaxonomyRedirect.PlatformKind, scope.Value!) is { } movedTo)
        {
            Response.Headers.CacheControl = "public, max-age=3600";
            return RedirectPermanent((scope with { Value = movedTo }).Path(format));
        }

        var feed = await feeds.BuildAsync(scope, format, AbsoluteUrls.BaseUrl(Request, site.Value), cancellationToken);
        if (feed is null) return NotFound();
        var body = format switch
        {
            FeedFormat.Rss => RssFeedWriter.Write(feed),
            FeedFormat.Atom => AtomFeedWriter.Write(feed),
            _ => JsonFeedWriter.Write(feed),
        };
        return this.CachedDocument(body, FeedFormats.MediaType(format), feed.Updated);
    }
}
