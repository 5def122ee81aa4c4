using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>/admin/settings/tips: how many days tips are kept (Admins).</summary>
[Route(BackOfficeSetup.PathBase + "/settings/tips"), Authorize(Policy = Can.Administer)]
public sealed class TipSettingsController(AppDbContext db, TipSettings settings, AuditLog audit, PublicContent publicContent, IStringLocalizer<SharedResource> text)
    : BackOfficeController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? done) =>
        View("Index", new TipSettingsPage
        {
            Title = text["Admin.TipSettings.Title"], Notice = Notices.Text(done, text),
            RetentionDays = (await settings.RetentionDaysAsync()).ToString(CultureInfo.InvariantCulture),
        });

    [HttpPost("")]
    public async Task<IActionResult> Save(string? retentionDays)
    {
        var folded = IndicatorNormalizer.FoldDigits(retentionDays?.Trim() ?? "");
        if (!int.TryParse(folded, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days is < 1 or > TipSettings.MaxRetentionDays)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", new TipSettingsPage
            {
                Title = text["Admin.TipSettings.Title"], RetentionDays = retentionDays ?? "",
                Error = string.Format(CultureInfo.CurrentCulture, text["Admin.TipSettings.Error"], TipSettings.MaxRetentionDays),
            });
        }
        await settings.SetRetentionDaysAsync(days);
        audit.Add(AuditAction.SettingChanged, TipSettings.RetentionKey, days.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync();
        await publicContent.ChangedAsync(); // the tip form tells readers how long we keep what they send
        return RedirectToAction("Index", "TipSettings", new { done = "settings-saved" });
    }
}
