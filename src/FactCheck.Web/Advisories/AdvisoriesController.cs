using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>The public advisory pages: language homes, filtered lists and single advisories.</summary>
public sealed class AdvisoriesController(
    AppDbContext db, BodyRendering bodies, ContentLists contentLists, IOptions<SiteOptions> site, IStringLocalizer<SharedResource> text,
    TimeProvider clock, ShareCards shareCards) : Controller
{
    private const string Lang = "{lang:" + SiteLanguage.RouteConstraint + "}";

    /// <summary>"/" sends readers to their language by Accept-Language (Arabic when nothing matches).</summary>
    [HttpGet("/")]
    public IActionResult Root()
    {
        var language = SiteLanguage.FromAcceptLanguage(Request.Headers.AcceptLanguage);
        Response.Headers.Vary = "Accept-Language";
        Response.Headers.CacheControl = "public, max-age=300";
        return Redirect($"/{language.Code}/");
    }

    [HttpGet("/" + Lang)]
    [OutputCache(PolicyName = PublicCaching.Pages, VaryByQueryKeys = [])]
    public Task<IActionResult> Home(string lang) =>
        ListAsync(SiteLanguage.Find(lang)!, new ListFilter(null, null, null), 1, isHome: true);

    [HttpGet("/" + Lang + "/advisories")]
    [OutputCache(PolicyName = PublicCaching.Pages, VaryByQueryKeys = ["verdict", "platform", "tag", "page"])]
    public Task<IActionResult> List(string lang, string? verdict, string? platform, string? tag, string? page)
    {
        var language = SiteLanguage.Find(lang)!;
        var pageNumber = ListFilter.ParsePage(page);
        if (pageNumber is null)
            return Task.FromResult<IActionResult>(this.BadRequestPage(language, text["Error.BadPage"]));
        if (ListFilter.Problem(verdict, platform, tag) is not null)
            return Task.FromResult<IActionResult>(this.BadRequestPage(language, text["Error.BadFilter"]));
        var filter = new ListFilter(Blank(verdict), Blank(platform), Blank(tag));
        return ListOrMovedAsync(language, filter, pageNumber.Value);
    }

    /// <summary>A list of a renamed or merged tag or platform moved permanently to the list of the new one.</summary>
    private async Task<IActionResult> ListOrMovedAsync(SiteLanguage language, ListFilter filter, int page)
    {
        var moved = filter with
        {
            Tag = filter.Tag is { } tag ? await Taxonomy.MovedToAsync(db, TaxonomyRedirect.TagKind, tag) ?? tag : null,
            Platform = filter.Platform is { } platform ? await Taxonomy.MovedToAsync(db, TaxonomyRedirect.PlatformKind, platform) ?? platform : null,
        };
        if (moved == filter) return await ListAsync(language, filter, page, isHome: false);
        Response.Headers.CacheControl = "public, max-age=3600";
        return RedirectPermanent(moved.ToPath(language, page));
    }

    private async Task<IActionResult> ListAsync(SiteLanguage language, ListFilter filter, int page, bool isHome)
    {
        var query = db.PublishedAdvisories.Where(a => a.Language == language.Code);
        if (filter.Verdict is not null) query = query.Where(a => a.Rating!.Key == filter.Verdict);
        if (filter.Platform is not null) query = query.Where(a => a.Platforms.Any(p => p.Key == filter.Platform));
        if (filter.Tag is not null) query = query.Where(a => a.Tags.Any(t => t.Name == filter.Tag));

        var pageSize = site.Value.PageSize;
        var total = await query.CountAsync();
        var totalPages = Math.Max(1, (total + pageSize - 1) / pageSize);
        if (page > totalPages) return NotFound();

        var cards = await query
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id) // one direction: IX_Advisories_Status_Language_PublishedAt_Id
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(a => new { a.Id, a.Title, a.Summary, a.Language, a.Slug, a.Kind, a.RatingId, a.Severity, PublishedAt = a.PublishedAt!.Value })
            .ToListAsync();
        // The cards' platforms in a second query by id: projected inside the page query, they let SQLite
        // materialize the whole AdvisoryPlatforms join on every request (found by bench/search, bench/README.md).
        // Names and ratings come from memory (ContentLists).
        var lists = await contentLists.GetAsync();
        var ids = cards.Select(c => c.Id).ToList();
        var platformsOf = (await db.Set<Dictionary<string, object>>("AdvisoryPlatforms")
                .Where(l => ids.Contains(EF.Property<Guid>(l, "AdvisoriesId")))
                .Select(l => new { Id = EF.Property<Guid>(l, "AdvisoriesId"), PlatformId = EF.Property<int>(l, "PlatformsId") }).ToListAsync())
            .ToLookup(p => p.Id, p => lists.Platform(p.PlatformId)?.NameIn(language.Code));
        // Each card's first screenshot (already redacted), shown small beside it.
        var thumbnails = (await db.Screenshots.AsNoTracking().Where(s => ids.Contains(s.AdvisoryId)).Include(s => s.Files).ToListAsync())
            .GroupBy(s => s.AdvisoryId).ToDictionary(g => g.Key, g => g.OrderBy(s => s.Position).First());
        var items = cards.Select(c => new AdvisoryCard(c.Title, c.Summary, $"/{c.Language}/advisories/{c.Slug}", c.Kind,
            c.RatingId is { } ratingId ? lists.Rating(ratingId) : null, c.Severity,
            c.PublishedAt, platformsOf[c.Id].OfType<string>().Order(StringComparer.Ordinal).ToList(), thumbnails.GetValueOrDefault(c.Id))).ToList();

        var heading = isHome ? text["Home.Heading"] : filter.IsEmpty ? text["List.Heading"] : text["List.FilteredHeading"];
        var ratings = lists.Ratings;
        var filteredPlatform = filter.Platform is null ? null : lists.Platforms.FirstOrDefault(p => p.Key == filter.Platform)?.NameIn(language.Code);
        var platforms = lists.PlatformsInUse(language.Code);
        return View("List", new AdvisoryListPage
        {
            Language = language,
            Title = heading,
            Heading = heading,
            Description = text["Site.Tagline"],
            CanonicalPath = isHome ? $"/{language.Code}/" : filter.ToPath(language, page),
            LanguageLinks = isHome || filter.IsEmpty
                ? SiteLanguage.All.Where(l => l != language).Select(l => new LanguageLink(l, isHome ? $"/{l.Code}/" : $"/{l.Code}/advisories", true)).ToList()
                : PublicPageExtensions.HomeLinks(language),
            Items = items.Select(i => i with { Path = AdvisoryPath(i.Path) }).ToList(),
            Filter = filter,
            Page = page,
            TotalPages = totalPages,
            TotalItems = total,
            Ratings = ratings,
            Platforms = platforms,
            IsHome = isHome,
            FilteredFeed = isHome ? null : FeedScope.ForFilter(language, filter, (facet, key) => facet == FeedFacet.Verdict
                ? ratings.FirstOrDefault(r => r.Key == key)?.Label(language.Code)
                : filteredPlatform),
        });
    }

    [HttpGet("/" + Lang + "/advisories/{slug}")]
    [OutputCache(PolicyName = PublicCaching.Pages, VaryByQueryKeys = [])]
    public async Task<IActionResult> Show(string lang, string slug)
    {
        var language = SiteLanguage.Find(lang)!;
        if (slug.Length > SlugRules.MaxLength) return NotFound();

        // One query: the advisory's row and its stored rendering (bench/README.md, "The cold path").
        var row = await PageRowQuery(db, language.Code, slug);
        if (row is null) return NotFound();
        var advisory = row.Advisory;
        Response.Headers[ContentChange.SurrogateKeyHeader] = ContentChange.AdvisoryKey(advisory.Id);

        if (advisory.Status == AdvisoryStatus.Withdrawn)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
            return View("Withdrawn", new WithdrawnPage
            {
                Language = language,
                Title = text["Withdrawn.Heading"],
                AdvisoryTitle = advisory.Title,
                Reason = advisory.WithdrawalReason,
                WithdrawnAt = advisory.WithdrawnAt,
                LanguageLinks = PublicPageExtensions.HomeLinks(language),
            });
        }

        var lists = await contentLists.GetAsync();
        string bodyHtml;
        if (row.Rendered is { } rendered && rendered.RendererVersion == RenderedHtml.Current)
        {
            AdvisoryParts.FromJson(rendered.Parts).ApplyTo(advisory, lists);
            bodyHtml = rendered.BodyHtml;
        }
        else
        {
            // Not rendered by this renderer yet (just deployed, or written by other means): render now.
            await AdvisoryRendering.LoadListsAsync(db, [advisory]);
            AdvisoryParts.Of(advisory).ApplyTo(advisory, lists);
            bodyHtml = bodies.Html(advisory);
        }

        var translations = advisory.TranslationKey is null
            ? []
            : (await TranslationsQuery(db, advisory.TranslationKey, advisory.Id).ToListAsync())
              .Select(t => new TranslationLink(SiteLanguage.Find(t.Language)!, AdvisoryPath($"/{t.Language}/advisories/{t.Slug}"), t.Title))
              .OrderBy(t => SiteLanguage.All.ToList().IndexOf(t.Language))
              .ToList();

        var baseUrl = AbsoluteUrls.BaseUrl(Request, site.Value);
        var card = shareCards.For(advisory);
        return View("Show", new AdvisoryPage
        {
            Language = language,
            Title = advisory.Title,
            Description = advisory.Summary,
            CanonicalPath = advisory.Path,
            Sharing = SharingCard.For(advisory, clock.GetUtcNow().UtcDateTime, card),
            StructuredData = ClaimReviewMarkup.Json(advisory, lists.Scale, baseUrl + advisory.Path, site.Value.Name, baseUrl + "/", card),
            Advisory = advisory,
            BodyHtml = bodyHtml,
            Translations = translations,
            LanguageLinks = SiteLanguage.All.Where(l => l != language)
                .Select(l => translations.FirstOrDefault(t => t.Language == l) is { } t
                    ? new LanguageLink(l, t.Path, true)
                    : new LanguageLink(l, $"/{l.Code}/", false))
                .ToList(),
        });
    }

    /// <summary>An advisory readers may reach (published or withdrawn) with its stored rendering, if any.</summary>
    private sealed record PageRow(Advisory Advisory, RenderedAdvisory? Rendered);

    // Compiled: the advisory page is the hot path of an uncached archive walk.
    private static readonly Func<AppDbContext, string, string, Task<PageRow?>> PageRowQuery = EF.CompileAsyncQuery(
        (AppDbContext db, string language, string slug) =>
            (from a in db.Advisories.AsNoTracking()
             where a.Language == language && a.Slug == slug && (a.Status == AdvisoryStatus.Published || a.Status == AdvisoryStatus.Withdrawn)
             join r in db.Set<RenderedAdvisory>() on a.Id equals r.AdvisoryId into rendered
             from r in rendered.DefaultIfEmpty()
             select new PageRow(a, r)).FirstOrDefault());

    private sealed record TranslationRow(string Language, string Slug, string Title);

    private static readonly Func<AppDbContext, string, Guid, IAsyncEnumerable<TranslationRow>> TranslationsQuery = EF.CompileAsyncQuery(
        (AppDbContext db, string translationKey, Guid id) =>
            db.PublishedAdvisories.Where(a => a.TranslationKey == translationKey && a.Id != id).Select(a => new TranslationRow(a.Language, a.Slug, a.Title)));

    /// <summary>Slugs may be Arabic or Cyrillic: links carry them percent-encoded.</summary>
    private static string AdvisoryPath(string path)
    {
        var cut = path.LastIndexOf('/') + 1;
        return path[..cut] + Uri.EscapeDataString(path[cut..]);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
