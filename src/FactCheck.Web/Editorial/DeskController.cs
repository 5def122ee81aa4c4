using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>/admin/advisories/{id}/notes and /assignee: any back-office role may write notes and assign.</summary>
[Route(BackOfficeSetup.PathBase + "/advisories/{id:guid}")]
public sealed class DeskController(Desk desk, IStringLocalizer<SharedResource> text) : BackOfficeController
{
    [HttpPost("notes")]
    public async Task<IActionResult> AddNote(Guid id, string? note) =>
        await desk.AddNoteAsync(id, note, CurrentActor) switch
        {
            Outcome.Done => RedirectToAction("Edit", "AdvisoryEditor", new { id, done = "note-added" }, "desk"),
            Outcome.NotFound => NotFoundPage(),
            _ => Message(StatusCodes.Status400BadRequest, text["Admin.Desk.Notes"], text["Admin.Desk.Error.Note"]),
        };

    /// <summary>An empty <paramref name="assignee"/> assigns the advisory to nobody.</summary>
    [HttpPost("assignee")]
    public async Task<IActionResult> Assign(Guid id, string? assignee) =>
        await desk.AssignAsync(id, string.IsNullOrEmpty(assignee) ? null : assignee, CurrentActor) switch
        {
            Outcome.Done => RedirectToAction("Edit", "AdvisoryEditor", new { id, done = "assigned" }, "desk"),
            Outcome.NotFound => NotFoundPage(),
            _ => Message(StatusCodes.Status400BadRequest, text["Admin.Desk.Assignee"], text["Admin.Bulk.Error.Assignee"]),
        };

    private ViewResult NotFoundPage() => Message(StatusCodes.Status404NotFound, text["Admin.NotFound.Title"], text["Admin.NotFound.Text"]);
}
