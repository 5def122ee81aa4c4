using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>
/// /{lang}/search: full-text search over published advisories. Malformed input gets a 400 page that
/// says what was wrong; anything else gets results or a notice. The query is only ever shown back
/// through Razor's encoding or the encoded snippets.
/// </summary>
public sealed class SearchController(
    AppDbContext db, SearchIndex index, IOptions<SiteOptions> site, IStringLocalizer<SharedResource> text) : Controller
{
    private const string Lang = "{lang:" + SiteLanguage.RouteConstraint + "}";

    [HttpGet("/" + Lang + "/search")]
    [OutputCache(PolicyName = PublicCaching.Queries, VaryByQueryKeys = ["q", "verdict", "platform", "kind", "all", "page"])]
    public async Task<IActionResult> Search(
        string lang, string? q, string? verdict, string? platform, string? kind, string? all, string? page, CancellationToken cancellationToken)
    {
        var language = SiteLanguage.Find(lang)!;
        if (SearchQuery.IsTooLong(q))
            return this.BadRequestPage(language, string.Format(language.Culture, text["Search.TooLong"], SearchQuery.MaxLength));
        var pageNumber = ListFilter.ParsePage(page);
        if (pageNumber is null) return this.BadRequestPage(language, text["Error.BadPage"]);
        if (ListFilter.Problem(verdict, platform, kind) is not null || (Blank(kind) is { } kindKey && SearchForm.KindOf(kindKey) is null))
            return this.BadRequestPage(language, text["Error.BadFilter"]);

        var form = new SearchForm(Readable(q), Blank(verdict), Blank(platform), Blank(kind), all == "1");
        var ratings = await db.Ratings.OrderBy(r => r.Position).ToListAsync(cancellationToken);
        // واتساب, واتس اب and Ватсап find what WhatsApp finds.
        var query = PlatformEquivalents.Expand(SearchQuery.Parse(form.Query), await db.Platforms.AsNoTracking().ToListAsync(cancellationToken));
        var platforms = await db.Platforms.Where(p => p.Advisories.Any(a => a.Status == AdvisoryStatus.Published))
            .OrderBy(p => p.Name).ToListAsync(cancellationToken);
        var otherLanguages = SiteLanguage.All.Where(l => l != language)
            .Select(l => new LanguageLink(l, form.Query.Length > 0 ? form.ToPath(l) : $"/{l.Code}/search", false)).ToList();

        if (query.IsEmpty)
            return View("Search", new SearchPage
            {
                Language = language,
                Title = text["Search.Heading"],
                LanguageLinks = otherLanguages,
                Form = form,
                Searched = false,
                Notice = form.Query.Length > 0 ? text["Search.NoWords"].Value : null,
                Ratings = ratings,
                Platforms = platforms,
            });

        var pageSize = site.Value.PageSize;
        var filter = new SearchFilter(form.AllLanguages ? null : language.Code, form.Verdict, form.Platform, SearchForm.KindOf(form.Kind));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var results = await index.SearchAsync(db, query, filter, pageNumber.Value, pageSize, cancellationToken);
        SiteMetrics.Search.Record(clock.Elapsed.TotalMilliseconds);
        var totalPages = Math.Max(1, (results.Total + pageSize - 1) / pageSize);
        if (pageNumber > totalPages) return NotFound();

        return View("Search", new SearchPage
        {
            Language = language,
            Title = string.Format(language.Culture, text["Search.TitleFor"], form.Query),
            LanguageLinks = otherLanguages,
            Form = form,
            Searched = true,
            Hits = results.Hits,
            Total = results.Total,
            Page = pageNumber.Value,
            TotalPages = totalPages,
            Ratings = ratings,
            Platforms = platforms,
        });
    }


    /// <summary>The input as it can be shown back: trimmed, control characters as spaces.</summary>
    internal static string Readable(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var chars = value.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (char.IsControl(chars[i])) chars[i] = ' ';
        return new string(chars).Trim();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
