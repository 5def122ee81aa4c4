using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>/admin: what needs attention — my drafts, the review queue, the schedule, recent publishing and corrections.</summary>
[Route(BackOfficeSetup.PathBase)]
public sealed class DashboardController(AppDbContext db, RenderProblems renderProblems, IStringLocalizer<SharedResource> text) : BackOfficeController
{
    private const int RowsPerSection = 10;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? done)
    {
        var me = CurrentUserId;
        var myDrafts = await db.Advisories
            .Where(a => a.Status == AdvisoryStatus.Draft && db.AdvisoryRevisions.Any(r => r.AdvisoryId == a.Id && r.SavedById == me))
            .OrderByDescending(a => a.UpdatedAt).Take(RowsPerSection)
            .Select(a => new AdvisoryRow(a.Id, a.Title, a.Language, a.Kind, a.Status, a.UpdatedAt)).ToListAsync();
        var inReview = await db.Advisories.Where(a => a.Status == AdvisoryStatus.InReview)
            .OrderBy(a => a.UpdatedAt).Take(RowsPerSection)
            .Select(a => new AdvisoryRow(a.Id, a.Title, a.Language, a.Kind, a.Status, a.UpdatedAt)).ToListAsync();
        var scheduled = await db.Advisories.Where(a => a.Status == AdvisoryStatus.Scheduled)
            .OrderBy(a => a.ScheduledFor).Take(RowsPerSection)
            .Select(a => new AdvisoryRow(a.Id, a.Title, a.Language, a.Kind, a.Status, a.ScheduledFor)).ToListAsync();
        var published = await db.Advisories.Where(a => a.Status == AdvisoryStatus.Published)
            .OrderByDescending(a => a.PublishedAt).Take(RowsPerSection)
            .Select(a => new AdvisoryRow(a.Id, a.Title, a.Language, a.Kind, a.Status, a.PublishedAt)).ToListAsync();
        var corrections = await db.Corrections
            .OrderByDescending(c => c.PublishedAt).Take(RowsPerSection)
            .Select(c => new CorrectionRow(c.AdvisoryId, c.Advisory!.Title, c.Advisory.Language, c.Kind, c.Note, c.PublishedAt)).ToListAsync();

        return View(new DashboardPage
        {
            Title = text["Admin.Dashboard.Title"],
            Notice = Notices.Text(done, text),
            MyDrafts = myDrafts,
            InReview = inReview,
            Scheduled = scheduled,
            RecentlyPublished = published,
            RecentCorrections = corrections,
            RenderProblems = renderProblems.Current,
        });
    }
}
