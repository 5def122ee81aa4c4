using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>
/// The editor's autosave (<see cref="Autosaves"/>): wwwroot/js/autosave.js posts the whole editor form here a
/// couple of seconds after typing stops (and when the page is hidden or closed). Nothing here touches the
/// advisory, its revisions or what readers see. Discarding is a plain form, so it works without script.
/// </summary>
[Route(BackOfficeSetup.PathBase + "/advisories")]
public sealed class AutosaveController(AppDbContext db, Autosaves autosaves, IStringLocalizer<SharedResource> text) : BackOfficeController
{
    [HttpPost("{id:guid}/autosave")]
    public async Task<IActionResult> Save(Guid id, AdvisoryForm form)
    {
        var advisory = await db.Advisories.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id);
        if (advisory is null) return Refused(StatusCodes.Status404NotFound, "Admin.NotFound.Text");
        if (!AdvisoryWorkflow.MayEdit(advisory, CanPublish)) return Refused(StatusCodes.Status403Forbidden, "Admin.Editor.EditorsOnly");
        return Saved(await autosaves.SaveAsync(CurrentUserId, Autosaves.KeyOf(id), id, form));
    }

    [HttpPost("new/autosave")]
    public async Task<IActionResult> SaveNew(AdvisoryForm form, string? autosaveKey) =>
        Autosaves.KeyOfNew(autosaveKey) is { } key
            ? Saved(await autosaves.SaveAsync(CurrentUserId, key, null, form))
            : Refused(StatusCodes.Status400BadRequest, "Admin.Autosave.Failed");

    [HttpPost("{id:guid}/autosave/discard")]
    public async Task<IActionResult> Discard(Guid id)
    {
        await autosaves.ForgetAsync(CurrentUserId, Autosaves.KeyOf(id));
        return RedirectToAction("Edit", "AdvisoryEditor", new { id, done = "autosave-discarded" });
    }

    [HttpPost("new/autosave/discard")]
    public async Task<IActionResult> DiscardNew(string? autosaveKey)
    {
        await autosaves.ForgetAsync(CurrentUserId, Autosaves.KeyOfNew(autosaveKey));
        return RedirectToAction("New", "AdvisoryEditor", new { done = "autosave-discarded" });
    }

    private IActionResult Saved(DateTime? at) => at is { } when
        ? Json(new { savedAt = when.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) })
        : Refused(StatusCodes.Status413PayloadTooLarge, "Admin.Autosave.TooLong");

    /// <summary>Not kept, and why, in the editor's language (autosave.js shows it beside Save).</summary>
    private JsonResult Refused(int status, string message)
    {
        Response.StatusCode = status;
        return Json(new { error = text[message].Value });
    }
}
