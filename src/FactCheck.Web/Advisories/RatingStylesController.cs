using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace FactCheck;

/// <summary>
/// Verdict badge colours come from the configurable rating scale. They are served as a small
/// stylesheet because the Content-Security-Policy forbids inline style attributes.
/// </summary>
public sealed class RatingStylesController(VerdictStyles styles) : Controller
{
    [HttpGet(VerdictStyles.BasePath)]
    [OutputCache(PolicyName = PublicCaching.Pages, VaryByQueryKeys = ["v"])]
    public async Task<IActionResult> Css(string? v)
    {
        var (css, version) = await styles.CurrentAsync(HttpContext.RequestAborted);
        // Pages link /verdicts.css?v={hash of the scale}: that address never changes meaning, so browsers and
        // CDNs keep it for a year and a page never waits for it twice; a changed scale gets a new address.
        Response.Headers.CacheControl = v == version ? PublicCaching.ImmutableCacheControl : PublicCaching.CacheControl;
        return Content(css, "text/css; charset=utf-8");
    }
}
