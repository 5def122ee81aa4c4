using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>
/// /preview/{token}: a draft shown to someone without an account, by the public page template. The
/// token is 256 random bits; the page is never cached or indexed, sets no cookie, and sends no
/// Referer onwards (which would carry the token). A link stops working when it is revoked, and when its
/// advisory is withdrawn (its public address answers 410 then) or deleted (the link goes with it).
/// </summary>
public sealed class PreviewController(AppDbContext db, BodyRendering bodies, IMediaStore media) : Controller
{
    [HttpGet("/preview/{token}")]
    public async Task<IActionResult> Show(string token)
    {
        if (await AdvisoryOfAsync(token) is not { } advisoryId) return NotFound();
        var page = await AdvisoryPreview.PageAsync(db, bodies, advisoryId, MediaAccess.PreviewPath(token));
        if (page is null) return NotFound();

        Private();
        return new LanguageViewResult(page.Language, "~/Views/Advisories/Show.cshtml", page, ViewData, TempData);
    }

    /// <summary>The screenshots of the previewed advisory (and nothing else), to whoever holds the link.</summary>
    [HttpGet("/preview/{token}/media/{name}")]
    public async Task<IActionResult> Media(string token, string name)
    {
        if (await AdvisoryOfAsync(token) is not { } advisoryId || !MediaAccess.IsName(name) ||
            !await db.Screenshots.AnyAsync(s => s.AdvisoryId == advisoryId && s.Files.Any(f => f.FileName == name)))
            return NotFound();
        Private();
        return MediaAccess.File(this, media, name);
    }

    /// <summary>The advisory a live link previews: not revoked, and not withdrawn.</summary>
    private async Task<Guid?> AdvisoryOfAsync(string token)
    {
        if (token.Length != 43 || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return null;
        return await db.PreviewLinks.Where(l => l.Token == token && l.RevokedAt == null)
            .Where(l => db.Advisories.Any(a => a.Id == l.AdvisoryId && a.Status != AdvisoryStatus.Withdrawn))
            .Select(l => (Guid?)l.AdvisoryId).FirstOrDefaultAsync();
    }

    private void Private()
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        Response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
