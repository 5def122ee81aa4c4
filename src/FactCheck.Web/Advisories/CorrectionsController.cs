using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>/{lang}/corrections: every public correction and update on advisories in that language, newest first.</summary>
public sealed class CorrectionsController(AppDbContext db, IStringLocalizer<SharedResource> text) : Controller
{
    private const int PageSize = 50;

    [HttpGet("/{lang:" + SiteLanguage.RouteConstraint + "}/corrections")]
    [OutputCache(PolicyName = PublicCaching.Pages, VaryByQueryKeys = ["page"])]
    public async Task<IActionResult> List(string lang, string? page)
    {
        var language = SiteLanguage.Find(lang)!;
        if (ListFilter.ParsePage(page) is not { } pageNumber)
            return this.BadRequestPage(language, text["Error.BadPage"]);

        var query = db.Corrections.Where(c => c.Advisory!.Status == AdvisoryStatus.Published && c.Advisory.Language == language.Code);
        var total = await query.CountAsync();
        var totalPages = Math.Max(1, (total + PageSize - 1) / PageSize);
        if (pageNumber > totalPages) return NotFound();
        var rows = await query.OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id)
            .Skip((pageNumber - 1) * PageSize).Take(PageSize)
            .Select(c => new { c.Advisory!.Title, c.Advisory.Slug, c.Kind, c.Note, c.PublishedAt })
            .ToListAsync();

        return View("~/Views/Corrections/List.cshtml", new CorrectionsPage
        {
            Language = language,
            Title = text["Corrections.Heading"],
            Description = text["Corrections.Lead"],
            CanonicalPath = $"/{language.Code}/corrections" + (pageNumber > 1 ? $"?page={pageNumber}" : ""),
            LanguageLinks = SiteLanguage.All.Where(l => l != language).Select(l => new LanguageLink(l, $"/{l.Code}/corrections", true)).ToList(),
            Entries = rows.Select(r => new CorrectionEntry(r.Title, $"/{language.Code}/advisories/{Uri.EscapeDataString(r.Slug)}#corrections", r.Kind, r.Note, r.PublishedAt)).ToList(),
            Page = pageNumber,
            TotalPages = totalPages,
        });
    }
}
