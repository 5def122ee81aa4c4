using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>
/// Renders the desk panel in the editor's side column (Areas/Admin/Views/Shared/Components/DeskPanel), so the
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
