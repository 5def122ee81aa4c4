using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>The public advisory pages: language homes, filtered lists and single advisories.</summary>
public sealed class AdvisoriesController(
    AppDbContext db, BodyRendering bodies, IOptions<SiteOptions> site, IStringLocalizer<SharedResource> text, TimeProvider clock,
    ShareCards shareCards) : Controller
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
            .Select(a => new { a.Id, a.Title, a.Summary, a.Language, a.Slug, a.Kind, a.Rating, a.Severity, PublishedAt = a.PublishedAt!.Value })
            .ToListAsync();
        // The cards' platforms in a second query by id: projected inside the page query, they let SQLite
        // materialize the whole AdvisoryPlatforms join on every request (found by bench/search, bench/README.md).
        var ids = cards.Select(c => c.Id).ToList();
        var platformsOf = (await db.Advisories.Where(a => ids.Contains(a.Id))
                .SelectMany(a => a.Platforms, (a, p) => new { a.Id, Platform = p }).ToListAsync())
            .ToLookup(p => p.Id, p => p.Platform.NameIn(language.Code));
        // Each card's first screenshot (already redacted), shown small beside it.
        var thumbnails = (await db.Screenshots.AsNoTracking().Where(s => ids.Contains(s.AdvisoryId)).Include(s => s.Files).ToListAsync())
            .GroupBy(s => s.AdvisoryId).ToDictionary(g => g.Key, g => g.OrderBy(s => s.Position).First());
        var items = cards.Select(c => new AdvisoryCard(c.Title, c.Summary, $"/{c.Language}/advisories/{c.Slug}", c.Kind, c.Rating, c.Severity,
            c.PublishedAt, platformsOf[c.Id].Order(StringComparer.Ordinal).ToList(), thumbnails.GetValueOrDefault(c.Id))).ToList();

        var heading = isHome ? text["Home.Heading"] : filter.IsEmpty ? text["List.Heading"] : text["List.FilteredHeading"];
        var ratings = await db.Ratings.OrderBy(r => r.Position).ToListAsync();
        var filteredPlatform = filter.Platform is null ? null
            : (await db.Platforms.FirstOrDefaultAsync(p => p.Key == filter.Platform))?.NameIn(language.Code);
        var platforms = await db.Platforms.Where(p => p.Advisories.Any(a => a.Status == AdvisoryStatus.Published && a.Language == language.Code))
            .OrderBy(p => p.Name).ToListAsync();
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

        var advisory = await db.Advisories
            .Where(a => a.Language == language.Code && a.Slug == slug &&
                        (a.Status == AdvisoryStatus.Published || a.Status == AdvisoryStatus.Withdrawn))
            .Include(a => a.Rating).Include(a => a.Platforms).Include(a => a.Tags).Include(a => a.Authors)
            .Include(a => a.Indicators).Include(a => a.Sources).Include(a => a.Corrections)
            .Include(a => a.Screenshots).ThenInclude(s => s.Files)
            .AsSplitQuery().AsNoTracking()
            .FirstOrDefaultAsync();
        if (advisory is null) return NotFound();

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

        var translations = advisory.TranslationKey is null
            ? []
            : (await db.PublishedAdvisories
                .Where(a => a.TranslationKey == advisory.TranslationKey && a.Id != advisory.Id)
                .Select(a => new { a.Language, a.Slug, a.Title })
                .ToListAsync())
              .Select(t => new TranslationLink(SiteLanguage.Find(t.Language)!, AdvisoryPath($"/{t.Language}/advisories/{t.Slug}"), t.Title))
              .OrderBy(t => SiteLanguage.All.ToList().IndexOf(t.Language))
              .ToList();

        advisory.Screenshots.Sort((a, b) => a.Position.CompareTo(b.Position));
        advisory.Sources.Sort((a, b) => a.Position.CompareTo(b.Position));
        advisory.Corrections.Sort((a, b) => a.PublishedAt.CompareTo(b.PublishedAt));
        var baseUrl = AbsoluteUrls.BaseUrl(Request, site.Value);
        var card = await shareCards.ForAsync(advisory);

        return View("Show", new AdvisoryPage
        {
            Language = language,
            Title = advisory.Title,
            Description = advisory.Summary,
            CanonicalPath = advisory.Path,
            Sharing = SharingCard.For(advisory, clock.GetUtcNow().UtcDateTime, card),
            StructuredData = ClaimReviewMarkup.Json(advisory, await FeedBuilder.RatingScaleAsync(db), baseUrl + advisory.Path, site.Value.Name, baseUrl + "/", card),
            Advisory = advisory,
            BodyHtml = bodies.Html(advisory),
            Translations = translations,
            LanguageLinks = SiteLanguage.All.Where(l => l != language)
                .Select(l => translations.FirstOrDefault(t => t.Language == l) is { } t
                    ? new LanguageLink(l, t.Path, true)
                    : new LanguageLink(l, $"/{l.Code}/", false))
                .ToList(),
        });
    }


    /// <summary>Slugs may be Arabic or Cyrillic: links carry them percent-encoded.</summary>
    private static string AdvisoryPath(string path)
    {
        var cut = path.LastIndexOf('/') + 1;
        return path[..cut] + Uri.EscapeDataString(path[cut..]);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
