using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace FactCheck;

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
        return RedirectToAction("Edit", "AdvisoryEditor", new { id, done = "link-created" }, "preview-links");
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
        return RedirectToAction("Edit", "AdvisoryEditor", new { id, done = "link-revoked" }, "preview-links");
    }
}
