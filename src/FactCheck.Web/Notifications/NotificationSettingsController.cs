using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>/admin/account/notifications: which e-mails the signed-in person receives, and in which language.</summary>
[Route(BackOfficeSetup.PathBase + "/account/notifications")]
public sealed class NotificationSettingsController(AppDbContext db, AuditLog audit, IOptions<MailOptions> mail, IStringLocalizer<SharedResource> text)
    : BackOfficeController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? done) =>
        View(new NotificationSettingsPage
        {
            Title = text["Admin.Notifications.Title"], Notice = Notices.Text(done, text),
            Setting = await db.NotificationSettings.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == CurrentUserId)
                      ?? new NotificationSetting { UserId = CurrentUserId, Language = BackOfficeLanguage.Current.Code },
            EmailEnabled = mail.Value.Enabled,
            Email = await db.Users.Where(u => u.Id == CurrentUserId).Select(u => u.Email).FirstOrDefaultAsync(),
        });

    /// <param name="wanted">The events ticked; every other one is turned off.</param>
    [HttpPost("")]
    public async Task<IActionResult> Save(List<string> wanted, string? language)
    {
        var setting = await db.NotificationSettings.FirstOrDefaultAsync(s => s.UserId == CurrentUserId);
        if (setting is null) db.NotificationSettings.Add(setting = new NotificationSetting { UserId = CurrentUserId });
        setting.Language = (SiteLanguage.Find(language) ?? BackOfficeLanguage.Current).Code;
        setting.Muted = string.Join(',', Enum.GetValues<NotificationEvent>().Where(e => !wanted.Contains(e.ToString())));
        audit.Add(AuditAction.NotificationsChanged, detail: $"{setting.Language}; off: {setting.Muted}");
        await db.SaveChangesAsync();
        return RedirectToAction("Index", new { done = "notifications-saved" });
    }
}
