using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>/admin/settings: site-wide back-office settings (Admins).</summary>
[Route(BackOfficeSetup.PathBase + "/settings"), Authorize(Policy = Can.Administer)]
public sealed class SettingsController(AppDbContext db, BackOfficeSettings settings, AuditLog audit, IStringLocalizer<SharedResource> text) : BackOfficeController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? done) =>
        View(new SettingsPage { Title = text["Admin.Settings.Title"], Notice = Notices.Text(done, text), RequireTwoFactor = await settings.RequireTwoFactorAsync() });

    [HttpPost("")]
    public async Task<IActionResult> Save(bool requireTwoFactor)
    {
        if (await settings.RequireTwoFactorAsync() != requireTwoFactor)
        {
            await settings.SetRequireTwoFactorAsync(requireTwoFactor);
            audit.Add(AuditAction.SettingChanged, BackOfficeSettings.RequireTwoFactorKey, requireTwoFactor ? "on" : "off");
            await db.SaveChangesAsync();
        }
        return RedirectToAction("Index", "Settings", new { done = "settings-saved" });
    }
}
