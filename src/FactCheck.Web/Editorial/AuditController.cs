using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>/admin/audit: who did what, when and from where — for Admins only.</summary>
[Route(BackOfficeSetup.PathBase + "/audit"), Authorize(Policy = Can.Administer)]
public sealed class AuditController(AppDbContext db, IStringLocalizer<SharedResource> text) : BackOfficeController
{
    private const int PageSize = 100;

    [HttpGet("")]
    public async Task<IActionResult> Index(int page = 1)
    {
        page = Math.Max(1, page);
        var entries = await db.AuditLog.OrderByDescending(e => e.Id).Skip((page - 1) * PageSize).Take(PageSize + 1).ToListAsync();
        return View(new AuditPage
        {
            Title = text["Admin.Audit.Title"],
            Entries = entries.Take(PageSize).ToList(),
            Page = page,
            HasMore = entries.Count > PageSize,
        });
    }
}
