using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>
/// Verdict badge colours come from the configurable rating scale. They are served as a small
/// stylesheet because the Content-Security-Policy forbids inline style attributes.
/// </summary>
public sealed partial class RatingStylesController(AppDbContext db) : Controller
{
    [HttpGet("/verdicts.css")]
    [OutputCache(PolicyName = PublicCaching.Pages, VaryByQueryKeys = [])]
    public async Task<IActionResult> Css()
    {
        var css = new StringBuilder();
        foreach (var rating in await db.Ratings.OrderBy(r => r.Position).ToListAsync())
        {
            if (!Colour().IsMatch(rating.Colour) || !CssKey().IsMatch(rating.Key)) continue;
            css.Append(CultureInfo.InvariantCulture, $".verdict-{rating.Key}{{--verdict:{rating.Colour}}}\n");
        }
        return Content(css.ToString(), "text/css; charset=utf-8");
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex Colour();

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex CssKey();
}
