using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>
/// /{lang}/methodology: the rating scale with the numbers ClaimReview carries, and the corrections
/// policy — both required for ClaimReview eligibility.
/// </summary>
public sealed class MethodologyController(AppDbContext db, IStringLocalizer<SharedResource> text) : Controller
{
    [HttpGet("/{lang:" + SiteLanguage.RouteConstraint + "}/methodology")]
    [OutputCache(PolicyName = PublicCaching.Pages, VaryByQueryKeys = [])]
    public async Task<IActionResult> Show(string lang, CancellationToken cancellationToken)
    {
        var language = SiteLanguage.Find(lang)!;
        var ratings = await db.Ratings.AsNoTracking().OrderBy(r => r.Position).ToListAsync(cancellationToken);
        var (best, worst) = await FeedBuilder.RatingScaleAsync(db, cancellationToken);
        return View("Show", new MethodologyPage
        {
            Language = language,
            Title = text["Methodology.Title"],
            Description = text["Methodology.Description"],
            CanonicalPath = $"/{language.Code}/methodology",
            LanguageLinks = SiteLanguage.All.Where(l => l != language)
                .Select(l => new LanguageLink(l, $"/{l.Code}/methodology", true)).ToList(),
            Ratings = ratings,
            Best = best,
            Worst = worst,
        });
    }
}
