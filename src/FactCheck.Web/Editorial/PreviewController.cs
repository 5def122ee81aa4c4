using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>
/// /preview/{token}: a draft shown to someone without an account, by the public page template. The
/// token is 256 random bits; the page is never cached or indexed, sets no cookie, and sends no
/// Referer onwards (which would carry the token).
/// </summary>
public sealed class PreviewController(AppDbContext db, MarkdownRenderer markdown) : Controller
{
    [HttpGet("/preview/{token}")]
    public async Task<IActionResult> Show(string token)
    {
        if (token.Length != 43 || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return NotFound();
        var advisoryId = await db.PreviewLinks.Where(l => l.Token == token && l.RevokedAt == null).Select(l => (Guid?)l.AdvisoryId).FirstOrDefaultAsync();
        if (advisoryId is null) return NotFound();
        var page = await AdvisoryPreview.PageAsync(db, markdown, advisoryId.Value);
        if (page is null) return NotFound();

        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        return new LanguageViewResult(page.Language, "~/Views/Advisories/Show.cshtml", page, ViewData, TempData);
    }
}
