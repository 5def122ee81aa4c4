using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>
/// /admin/webhooks (Admins): the addresses the desk's events are posted to, their secrets, and the delivery log of
/// every notification (e-mail and webhook) with its attempts, so a failing receiver or mail server is visible.
/// </summary>
[Route(BackOfficeSetup.PathBase + "/webhooks"), Authorize(Policy = Can.Administer)]
public sealed class WebhooksController(AppDbContext db, AuditLog audit, NotificationSignal signal, TimeProvider clock, IStringLocalizer<SharedResource> text)
    : BackOfficeController
{
    private const int LogSize = 100;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? done) => View(await PageAsync(Notices.Text(done, text)));

    [HttpPost("")]
    public async Task<IActionResult> Create(string? url, List<string> events)
    {
        var address = url?.Trim() ?? "";
        var chosen = Enum.GetValues<NotificationEvent>().Where(e => events.Contains(e.ToString())).ToList();
        var problem = !IsWebhookUrl(address) ? "Admin.Webhooks.Error.Url" : chosen.Count == 0 ? "Admin.Webhooks.Error.Events" : null;
        if (problem is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await PageAsync(null, address, events, text[problem]));
        }
        var hook = new Webhook
        {
            Url = address, Secret = WebhookPoster.NewSecret(), Events = string.Join(',', chosen), IsActive = true,
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedByName = CurrentActor.Name,
        };
        db.Webhooks.Add(hook);
        audit.Add(AuditAction.WebhookCreated, "webhook " + address, hook.Events);
        await db.SaveChangesAsync();
        return RedirectToAction("Index", new { done = "webhook-saved" });
    }

    /// <summary>Turns a webhook off (its pending deliveries give up at their next attempt) or on again.</summary>
    [HttpPost("{id:int}/toggle")]
    public async Task<IActionResult> Toggle(int id)
    {
        var hook = await db.Webhooks.FirstOrDefaultAsync(w => w.Id == id);
        if (hook is null) return NotFoundPage();
        hook.IsActive = !hook.IsActive;
        audit.Add(AuditAction.WebhookChanged, "webhook " + hook.Url, hook.IsActive ? "on" : "off");
        await db.SaveChangesAsync();
        return RedirectToAction("Index", new { done = "webhook-saved" });
    }

    /// <summary>Deletes a webhook and its deliveries from the log.</summary>
    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id)
    {
        var hook = await db.Webhooks.FirstOrDefaultAsync(w => w.Id == id);
        if (hook is null) return NotFoundPage();
        db.Webhooks.Remove(hook);
        audit.Add(AuditAction.WebhookDeleted, "webhook " + hook.Url);
        await db.SaveChangesAsync();
        return RedirectToAction("Index", new { done = "webhook-deleted" });
    }

    /// <summary>Tries a delivery that was given up once more, now (after the receiver or mail server is fixed).</summary>
    [HttpPost("deliveries/{id:long}/retry")]
    public async Task<IActionResult> Retry(long id)
    {
        var delivery = await db.Deliveries.FirstOrDefaultAsync(d => d.Id == id && d.GaveUpAt != null);
        if (delivery is null) return NotFoundPage();
        delivery.GaveUpAt = null;
        delivery.Attempts = 0;
        delivery.NextAttemptAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        signal.Wake();
        return RedirectToAction("Index", null, new { done = "delivery-retried" }, "log");
    }

    /// <summary>An absolute http(s) address without credentials in it (the secret signs the body; userinfo would leak into logs).</summary>
    internal static bool IsWebhookUrl(string value) =>
        value.Length is > 0 and <= 2000 && !AdvisoryRules.HasControl(value, multiline: false) && Uri.TryCreate(value, UriKind.Absolute, out var uri) &&
        (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.UserInfo.Length == 0;

    private async Task<WebhooksPage> PageAsync(string? notice, string? newUrl = null, IReadOnlyList<string>? newEvents = null, string? error = null) => new()
    {
        Title = text["Admin.Webhooks.Title"], Notice = notice,
        Webhooks = await db.Webhooks.AsNoTracking().OrderBy(w => w.Id).ToListAsync(),
        Deliveries = await db.Deliveries.AsNoTracking().OrderByDescending(d => d.Id).Take(LogSize).ToListAsync(),
        NewUrl = newUrl, NewEvents = newEvents ?? Enum.GetNames<NotificationEvent>(), Error = error,
    };

    private ViewResult NotFoundPage() => Message(StatusCodes.Status404NotFound, text["Admin.NotFound.Title"], text["Admin.NotFound.Text"]);
}
