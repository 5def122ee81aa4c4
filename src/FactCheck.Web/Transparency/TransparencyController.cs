using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>/{lang}/about, /team, /funding, /corrections-policy, /contact: the transparency pages, in each language.</summary>
public sealed class TransparencyController(AppDbContext db, BodyRendering bodies) : Controller
{
    [HttpGet("/{lang:" + SiteLanguage.RouteConstraint + "}/{key:regex(^(about|team|funding|corrections-policy|contact)$)}")]
    [OutputCache(PolicyName = PublicCaching.Pages, VaryByQueryKeys = [])]
    public async Task<IActionResult> Show(string lang, string key, CancellationToken cancellationToken)
    {
        var language = SiteLanguage.Find(lang)!;
        var page = await db.TransparencyPages.AsNoTracking().FirstOrDefaultAsync(p => p.Key == key && p.Language == language.Code, cancellationToken);
        if (page is null) return NotFound();
        return View("Show", new TransparencyPageView
        {
            Language = language,
            Title = page.Title,
            Description = SearchDocument.PlainText(page.Body).Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(),
            CanonicalPath = page.Path,
            LanguageLinks = SiteLanguage.All.Where(l => l != language).Select(l => new LanguageLink(l, $"/{l.Code}/{key}", true)).ToList(),
            Page = page,
            BodyHtml = bodies.Html(page.Path, page.Body, language.Direction),
        });
    }
}
