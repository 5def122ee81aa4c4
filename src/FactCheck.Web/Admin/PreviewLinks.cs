using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>Renders any advisory, whatever its status, with the public page template (for previews).</summary>
public static class AdvisoryPreview
{
    public static async Task<AdvisoryPage?> PageAsync(AppDbContext db, MarkdownRenderer markdown, Guid id)
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
            BodyHtml = markdown.Render(advisory.Body, language.Direction),
            Translations = [],
            LanguageLinks = PublicPageExtensions.HomeLinks(language),
        };
    }
}

/// <summary>Creates and revokes the unguessable preview links of an advisory.</summary>
[Route(BackOfficeSetup.PathBase + "/advisories/{id:guid}/preview-links")]
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
