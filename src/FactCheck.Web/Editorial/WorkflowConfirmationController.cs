using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>
/// GET /admin/advisories/{id}/publish, /withdraw and /delete ask before the POST to the same address acts, so
/// one stray click publishes or deletes nothing. The editor's buttons lead here; admin.js replaces the page
/// with a browser dialog and posts straight away.
/// </summary>
[Route(BackOfficeSetup.PathBase + "/advisories/{id:guid}")]
public sealed class WorkflowConfirmationController(AppDbContext db, Desk desk, IStringLocalizer<SharedResource> text) : BackOfficeController
{
    [HttpGet("publish"), Authorize(Policy = Can.Publish)]
    public Task<IActionResult> Publish(Guid id, int? version) =>
        AskAsync(id, version, "publish", advisory => advisory.Status != AdvisoryStatus.Published);

    [HttpGet("withdraw"), Authorize(Policy = Can.Publish)]
    public Task<IActionResult> Withdraw(Guid id, int? version, string? reason) =>
        AskAsync(id, version, "withdraw", advisory => advisory.Status == AdvisoryStatus.Published, reason);

    [HttpGet("delete")]
    public Task<IActionResult> Delete(Guid id, int? version) =>
        AskAsync(id, version, "delete", Desk.IsDeletable, mayAsync: async advisory => CanPublish || await desk.IsCreatorAsync(advisory.Id, CurrentUserId));

    private async Task<IActionResult> AskAsync(Guid id, int? version, string action, Func<Advisory, bool> applies, string? reason = null,
        Func<Advisory, Task<bool>>? mayAsync = null)
    {
        var advisory = await db.Advisories.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id);
        if (advisory is null) return Message(StatusCodes.Status404NotFound, text["Admin.NotFound.Title"], text["Admin.NotFound.Text"]);
        if (mayAsync is not null && !await mayAsync(advisory)) return Forbid();
        // Already done, or no longer possible: back to the editor, which shows the current state.
        if (!applies(advisory)) return RedirectToAction("Edit", "AdvisoryEditor", new { id, problem = "changed" });
        var title = string.IsNullOrWhiteSpace(advisory.Title) ? text["Admin.Untitled"].Value : advisory.Title;
        return View("Confirm", new ConfirmPage
        {
            Title = string.Format(CultureInfo.CurrentCulture, text[$"Admin.Confirm.{Capitalized(action)}.Title"], title),
            Subject = title, SubjectLanguage = advisory.Language,
            AdvisoryId = id, Action = action,
            // The version the editor was looking at: if someone changed it since, the action is refused as a conflict.
            Version = version ?? advisory.Version,
            Question = text[$"Admin.Confirm.{Capitalized(action)}.Question"],
            Button = text[$"Admin.Confirm.{Capitalized(action)}.Button"],
            PublicPath = action == "publish" ? advisory.Path : null,
            Reason = reason,
        });
    }

    private static string Capitalized(string action) => char.ToUpperInvariant(action[0]) + action[1..];
}
