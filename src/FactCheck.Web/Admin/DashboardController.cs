using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>One advisory in a back-office list.</summary>
public sealed record AdvisoryRow(Guid Id, string Title, string Language, AdvisoryKind Kind, AdvisoryStatus Status, DateTime? When);

public sealed record CorrectionRow(Guid AdvisoryId, string AdvisoryTitle, string Language, CorrectionKind Kind, string Note, DateTime PublishedAt);

public sealed class DashboardPage : AdminPage
{
    public required IReadOnlyList<AdvisoryRow> MyDrafts { get; init; }
    public required IReadOnlyList<AdvisoryRow> InReview { get; init; }
    public required IReadOnlyList<AdvisoryRow> Scheduled { get; init; }
    public required IReadOnlyList<AdvisoryRow> RecentlyPublished { get; init; }
    public required IReadOnlyList<CorrectionRow> RecentCorrections { get; init; }
    /// <summary>Advisories readers currently get as plain text because their body could not be rendered (BodyRendering).</summary>
    public IReadOnlyList<RenderProblem> RenderProblems { get; init; } = [];
}

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

/// <summary>
/// Confirmations after a redirect travel as ?done=published rather than in TempData, whose cookie
/// would be scoped to "/" and reach public pages.
/// </summary>
public static class Notices
{
    private static readonly HashSet<string> known =
    [
        "saved", "created", "submitted", "published", "scheduled", "unscheduled", "withdrawn", "returned", "deleted",
        "restored", "corrected", "link-created", "link-revoked", "password-changed", "two-factor-enabled",
        "two-factor-disabled", "recovery-codes", "user-created", "user-saved", "settings-saved", "rating-saved", "page-saved",
        "screenshot-added", "screenshot-redacted", "screenshot-saved", "screenshot-moved", "screenshot-removed", "sessions-ended",
        "note-added", "assigned", "notifications-saved", "webhook-saved", "webhook-deleted", "delivery-retried",
        "platform-saved", "tag-saved", "merged",
        "registry-saved", "organisation-saved", "tip-redacted", "tip-dismissed",
        "translated", "translation-up-to-date", "screenshot-reused", "autosave-discarded",
    ];

    public static string? Text(string? done, IStringLocalizer<SharedResource> text) =>
        done is not null && known.Contains(done) ? text[$"Admin.Done.{done}"].Value : null;
}
