using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>
/// /admin/tips: readers' tips, clustered (<see cref="TipTriage"/>). Any back-office role triages and drafts;
/// the reader's contact is shown to Editors and Admins only. Screenshots are redacted here before a cluster
/// becomes a draft (their pixels are then what the draft gets).
/// </summary>
[Route(BackOfficeSetup.PathBase + "/tips")]
public sealed class TipsController(AppDbContext db, TipTriage triage, TipFiles files, ScreenshotProcessor processor, AuditLog audit,
    IStringLocalizer<SharedResource> text) : BackOfficeController
{
    [HttpGet("")]
    public async Task<IActionResult> Queue(string? done, CancellationToken cancellationToken) =>
        View("Queue", new TipQueuePage
        {
            Title = text["Admin.Tips.Title"], Notice = Notices.Text(done, text), ShowContacts = CanPublish,
            Clusters = await triage.ClustersAsync(cancellationToken),
        });

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, string? done) =>
        await db.Tips.AsNoTracking().Include(t => t.Indicators).FirstOrDefaultAsync(t => t.Id == id) is { } tip
            ? View("Tip", new TipPage { Title = text["Admin.Tips.One"], Notice = Notices.Text(done, text), Tip = tip, ShowContact = CanPublish })
            : NotFoundPage();

    /// <summary>The private screenshot: only in the back-office, never cached (BackOfficeController).</summary>
    [HttpGet("{id:guid}/image")]
    public async Task<IActionResult> Image(Guid id, CancellationToken cancellationToken)
    {
        var name = await db.Tips.Where(t => t.Id == id).Select(t => t.ScreenshotFile).FirstOrDefaultAsync(cancellationToken);
        return await files.ReadAsync(name, cancellationToken) is { } png ? File(png, "image/png") : NotFoundPage();
    }

    [HttpPost("{id:guid}/redact")]
    public async Task<IActionResult> Redact(Guid id, RedactionForm redaction, CancellationToken cancellationToken)
    {
        var tip = await db.Tips.Include(t => t.Indicators).FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (tip?.ScreenshotFile is null || await files.ReadAsync(tip.ScreenshotFile, cancellationToken) is not { } png) return NotFoundPage();
        if (redaction.ToRedaction(tip.ScreenshotWidth ?? 0, tip.ScreenshotHeight ?? 0) is not { } rectangle)
        {
            var errors = new FormErrors();
            errors.Add("Redaction", text["Admin.Screenshots.Error.Rectangle"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Tip", new TipPage { Title = text["Admin.Tips.One"], Tip = tip, ShowContact = CanPublish, Redaction = redaction, Errors = errors });
        }
        var old = tip.ScreenshotFile;
        tip.ScreenshotFile = await files.SaveAsync(await processor.RedactStagedAsync(png, [rectangle], cancellationToken), cancellationToken);
        tip.Redactions = ScreenshotStaging.ToJson([.. ScreenshotStaging.FromJson(tip.Redactions), rectangle]);
        audit.Add(AuditAction.TipRedacted, $"tip {tip.Id}", $"{rectangle.X},{rectangle.Y} {rectangle.Width}×{rectangle.Height}");
        await db.SaveChangesAsync(cancellationToken);
        // The unredacted file goes unless another tip sent the very same image.
        if (old != tip.ScreenshotFile && !await db.Tips.AnyAsync(t => t.ScreenshotFile == old, cancellationToken)) files.Delete(old);
        return RedirectToAction("Show", "Tips", new { id, done = "tip-redacted" });
    }

    [HttpPost("{id:guid}/dismiss")]
    public async Task<IActionResult> Dismiss(Guid id)
    {
        var tip = await db.Tips.FirstOrDefaultAsync(t => t.Id == id);
        if (tip is null) return NotFoundPage();
        tip.State = TipState.Dismissed;
        audit.Add(AuditAction.TipDismissed, $"tip {tip.Id}");
        await db.SaveChangesAsync();
        return RedirectToAction("Queue", "Tips", new { done = "tip-dismissed" });
    }

    /// <summary>Turns the tips of a cluster (their ids posted by the queue's button) into a draft advisory.</summary>
    [HttpPost("draft")]
    public async Task<IActionResult> Draft(List<Guid> tips, CancellationToken cancellationToken)
    {
        var (outcome, advisoryId) = await triage.DraftAsync(tips, CurrentActor, CanPublish, cancellationToken);
        return outcome == Outcome.Done
            ? RedirectToAction("Edit", "AdvisoryEditor", new { id = advisoryId, done = "created" })
            : Message(StatusCodes.Status409Conflict, text["Admin.Tips.Title"], text["Admin.Tips.Error.Gone"]);
    }

    private IActionResult NotFoundPage() => Message(StatusCodes.Status404NotFound, text["Error.NotFound"], text["Admin.Tips.Error.Gone"]);
}
