using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>The editor's desk panel: who the advisory is assigned to, and its notes (<see cref="DeskPanelViewComponent"/>).</summary>
public sealed class DeskPanel
{
    public required Guid AdvisoryId { get; init; }
    public required string ContentLanguage { get; init; }
    public DeskMember? Assignee { get; init; }
    public required IReadOnlyList<DeskMember> Members { get; init; }
    public required IReadOnlyList<AdvisoryNote> Notes { get; init; }
    public required string CurrentUserId { get; init; }
}

/// <summary>
/// Renders the desk panel in the editor's side column (Views/Admin/Shared/Components/DeskPanel), so the
/// editor page itself only has to name it.
/// </summary>
public sealed class DeskPanelViewComponent(AppDbContext db, Desk desk) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid advisoryId, string contentLanguage)
    {
        var members = await desk.MembersAsync();
        var assigneeId = await db.Assignments.Where(a => a.AdvisoryId == advisoryId).Select(a => a.UserId).FirstOrDefaultAsync();
        return View(new DeskPanel
        {
            AdvisoryId = advisoryId,
            ContentLanguage = contentLanguage,
            Members = members,
            Assignee = members.FirstOrDefault(m => m.Id == assigneeId),
            Notes = await desk.NotesAsync(advisoryId),
            CurrentUserId = UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
        });
    }
}

/// <summary>/admin/advisories/{id}/notes and /assignee: any back-office role may write notes and assign.</summary>
[Route(BackOfficeSetup.PathBase + "/advisories/{id:guid}")]
public sealed class DeskController(Desk desk, IStringLocalizer<SharedResource> text) : BackOfficeController
{
    [HttpPost("notes")]
    public async Task<IActionResult> AddNote(Guid id, string? note) =>
        await desk.AddNoteAsync(id, note, CurrentActor) switch
        {
            Outcome.Done => Redirect($"/admin/advisories/{id}?done=note-added#desk"),
            Outcome.NotFound => NotFoundPage(),
            _ => Message(StatusCodes.Status400BadRequest, text["Admin.Desk.Notes"], text["Admin.Desk.Error.Note"]),
        };

    /// <summary>An empty <paramref name="assignee"/> assigns the advisory to nobody.</summary>
    [HttpPost("assignee")]
    public async Task<IActionResult> Assign(Guid id, string? assignee) =>
        await desk.AssignAsync(id, string.IsNullOrEmpty(assignee) ? null : assignee, CurrentActor) switch
        {
            Outcome.Done => Redirect($"/admin/advisories/{id}?done=assigned#desk"),
            Outcome.NotFound => NotFoundPage(),
            _ => Message(StatusCodes.Status400BadRequest, text["Admin.Desk.Assignee"], text["Admin.Bulk.Error.Assignee"]),
        };

    private ViewResult NotFoundPage() => Message(StatusCodes.Status404NotFound, text["Admin.NotFound.Title"], text["Admin.NotFound.Text"]);
}
