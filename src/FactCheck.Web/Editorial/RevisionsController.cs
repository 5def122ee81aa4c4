using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>An advisory's history: every revision, any one in full, any two compared, and restore (saved as a new revision).</summary>
[Route(BackOfficeSetup.PathBase + "/advisories/{id:guid}/revisions")]
public sealed class RevisionsController(AppDbContext db, AdvisoryWorkflow workflow, IStringLocalizer<SharedResource> text) : BackOfficeController
{
    [HttpGet("")]
    public async Task<IActionResult> List(Guid id)
    {
        var advisory = await db.Advisories.Where(a => a.Id == id).Select(a => new { a.Title, a.Language }).FirstOrDefaultAsync();
        if (advisory is null) return NotFoundPage();
        var revisions = await db.AdvisoryRevisions.Where(r => r.AdvisoryId == id).OrderByDescending(r => r.Number)
            .Select(r => new RevisionRow(r.Number, r.SavedAt, r.SavedByName, r.Reason, r.Note, r.RestoredFromNumber)).ToListAsync();
        return View(new RevisionListPage
        {
            Title = Bidi.PlainFormat(text["Admin.Revisions.Title"], advisory.Title, BackOfficeLanguage.Current),
            Subject = advisory.Title, SubjectLanguage = advisory.Language,
            AdvisoryId = id, AdvisoryTitle = advisory.Title, Revisions = revisions,
        });
    }

    [HttpGet("{number:int}")]
    public async Task<IActionResult> Show(Guid id, int number) => await ShowAsync(id, number, null, null, null) ?? NotFoundPage();

    [HttpGet("compare")]
    public async Task<IActionResult> Compare(Guid id, int from, int to)
    {
        var pair = await db.AdvisoryRevisions.Where(r => r.AdvisoryId == id && (r.Number == from || r.Number == to)).ToListAsync();
        var before = pair.FirstOrDefault(r => r.Number == from);
        var after = pair.FirstOrDefault(r => r.Number == to);
        if (before is null || after is null) return NotFoundPage();
        return View(new RevisionComparePage
        {
            Title = text["Admin.Revisions.CompareTitle"],
            AdvisoryId = id,
            From = Row(before),
            To = Row(after),
            Differences = TextDiff.Compare(AdvisoryContent.FromJson(before.Snapshot), AdvisoryContent.FromJson(after.Snapshot),
                TextDiff.Shown(await db.Ratings.ToListAsync(), await db.Platforms.ToListAsync(), text, BackOfficeLanguage.Current)),
        });
    }

    [HttpPost("{number:int}/restore"), Authorize(Policy = Can.Publish)]
    public async Task<IActionResult> Restore(Guid id, int number, int version, string? changeKind, string? correctionNote)
    {
        var revision = await db.AdvisoryRevisions.FirstOrDefaultAsync(r => r.AdvisoryId == id && r.Number == number);
        if (revision is null) return NotFoundPage();
        var form = AdvisoryForm.From(AdvisoryContent.FromJson(revision.Snapshot), version);
        form.ChangeKind = changeKind;
        form.CorrectionNote = correctionNote;
        var result = await workflow.SaveAsync(id, form, CurrentActor, CanPublish, restoredFrom: number);
        switch (result.Outcome)
        {
            case Outcome.Done:
                return RedirectToAction("Edit", "AdvisoryEditor", new { id, done = "restored" });
            case Outcome.Conflict:
                return RedirectToAction("Edit", "AdvisoryEditor", new { id, problem = "changed" });
            case Outcome.NotFound:
                return NotFoundPage();
            case Outcome.NotAllowed:
                return Forbid();
            default:
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return await ShowAsync(id, number, result.Errors, changeKind, correctionNote) ?? NotFoundPage();
        }
    }

    private async Task<IActionResult?> ShowAsync(Guid id, int number, FormErrors? errors, string? changeKind, string? note)
    {
        var revision = await db.AdvisoryRevisions.FirstOrDefaultAsync(r => r.AdvisoryId == id && r.Number == number);
        var advisory = await db.Advisories.Where(a => a.Id == id).Select(a => new { a.Status, a.Version }).FirstOrDefaultAsync();
        if (revision is null || advisory is null) return null;
        var snapshot = AdvisoryContent.FromJson(revision.Snapshot);
        var shown = TextDiff.Shown(await db.Ratings.ToListAsync(), await db.Platforms.ToListAsync(), text, BackOfficeLanguage.Current);
        return View("Show", new RevisionPage
        {
            Title = string.Format(System.Globalization.CultureInfo.CurrentCulture, text["Admin.Revisions.RevisionTitle"], number),
            AdvisoryId = id,
            Revision = Row(revision),
            Snapshot = snapshot,
            Fields = snapshot.Fields().Select(f => (f.Field, shown(f.Field, f.Value))).ToList(),
            CanRestore = CanPublish,
            AdvisoryIsPublished = advisory.Status == AdvisoryStatus.Published,
            CurrentVersion = advisory.Version,
            Errors = errors ?? new FormErrors(),
            ChangeKind = changeKind,
            CorrectionNote = note,
        });
    }

    private static RevisionRow Row(AdvisoryRevision r) => new(r.Number, r.SavedAt, r.SavedByName, r.Reason, r.Note, r.RestoredFromNumber);

    private ViewResult NotFoundPage() => Message(StatusCodes.Status404NotFound, text["Admin.NotFound.Title"], text["Admin.NotFound.Text"]);
}
