using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>Renders any advisory, whatever its status, with the public page template (for previews).</summary>
public static class AdvisoryPreview
{
    /// <param name="mediaPath">Where the page's screenshots are fetched: an address that checks who asks (<see cref="MediaAccess"/>).</param>
    public static async Task<AdvisoryPage?> PageAsync(AppDbContext db, BodyRendering bodies, Guid id, string mediaPath)
    {
        var advisory = await db.Advisories.Where(a => a.Id == id)
            .Include(a => a.Rating).Include(a => a.Platforms).Include(a => a.Tags).Include(a => a.Authors)
            .Include(a => a.Indicators).Include(a => a.Sources).Include(a => a.Corrections)
            .Include(a => a.Screenshots).ThenInclude(s => s.Files)
            .AsSplitQuery().AsNoTracking().FirstOrDefaultAsync();
        if (advisory is null) return null;
        advisory.Screenshots.Sort((a, b) => a.Position.CompareTo(b.Position));
        advisory.Sources.Sort((a, b) => a.Position.CompareTo(b.Position));
        advisory.Corrections.Sort((a, b) => a.PublishedAt.CompareTo(b.PublishedAt));
        var language = advisory.SiteLanguage;
        return new AdvisoryPage
        {
            Language = language,
            Title = advisory.Title,
            Description = advisory.Summary,
            CanonicalPath = null, // previews are never indexed
            Advisory = advisory,
            BodyHtml = bodies.Html(advisory),
            Translations = [],
            MediaPath = mediaPath,
            LanguageLinks = PublicPageExtensions.HomeLinks(language),
        };
    }
}

/// <summary>Creates and revokes the unguessable preview links of an advisory (Editors and Admins: <see cref="Can.Share"/>).</summary>
[Route(BackOfficeSetup.PathBase + "/advisories/{id:guid}/preview-links"), Authorize(Policy = Can.Share)]
public sealed class PreviewLinksController(AppDbContext db, AuditLog audit, TimeProvider clock) : BackOfficeController
{
    [HttpPost("")]
    public async Task<IActionResult> Create(Guid id)
    {
        var advisory = await db.Advisories.FirstOrDefaultAsync(a => a.Id == id);
        if (advisory is null) return NotFound();
        var link = new PreviewLink
        {
            AdvisoryId = id,
            Token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32)),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedByName = CurrentActor.Name,
        };
        db.PreviewLinks.Add(link);
        audit.Add(AuditAction.PreviewLinkCreated, AuditLog.Describe(advisory));
        await db.SaveChangesAsync();
        return Redirect($"/admin/advisories/{id}?done=link-created#preview-links");
    }

    [HttpPost("{linkId:int}/revoke")]
    public async Task<IActionResult> Revoke(Guid id, int linkId)
    {
        var link = await db.PreviewLinks.FirstOrDefaultAsync(l => l.Id == linkId && l.AdvisoryId == id);
        var advisory = await db.Advisories.FirstOrDefaultAsync(a => a.Id == id);
        if (link is null || advisory is null) return NotFound();
        link.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        audit.Add(AuditAction.PreviewLinkRevoked, AuditLog.Describe(advisory), $"link {link.Id}");
        await db.SaveChangesAsync();
        return Redirect($"/admin/advisories/{id}?done=link-revoked#preview-links");
    }
}

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
