using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace FactCheck;

/// <summary>
/// Every change an editor makes to an advisory: create, save, correct, restore, and the status
/// workflow draft → in review → published or scheduled → withdrawn. Each call is one transaction
/// holding the change, its revision, its audit entry and <see cref="PublishingEvents"/>; the
/// advisory's Version is checked and bumped, so two editors working from the same version cannot
/// overwrite each other.
/// </summary>
public sealed class AdvisoryWorkflow(AppDbContext db, AdvisoryEditing editing, AdvisoryWriter writer, AuditLog audit, PublishingEvents events, MediaLibrary media, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Advisory?> LoadAsync(Guid id) => WithContent(db.Advisories).FirstOrDefaultAsync(a => a.Id == id);

    /// <summary>An advisory's content as stored, read without tracking (for comparing, not changing).</summary>
    public async Task<AdvisoryContent?> ContentAsync(Guid id) =>
        await WithContent(db.Advisories.AsNoTracking()).FirstOrDefaultAsync(a => a.Id == id) is { } advisory ? AdvisoryContent.Of(advisory) : null;

    private static IQueryable<Advisory> WithContent(IQueryable<Advisory> advisories) =>
        advisories
            .Include(a => a.Rating).Include(a => a.Platforms).Include(a => a.Tags).Include(a => a.Authors)
            .Include(a => a.Indicators).Include(a => a.Sources).Include(a => a.Corrections)
            .Include(a => a.Screenshots).ThenInclude(s => s.Files)
            .AsSplitQuery();

    /// <summary>Contributors may change drafts and advisories in review; what readers can see is for Editors.</summary>
    public static bool MayEdit(Advisory advisory, bool canPublish) =>
        canPublish || advisory.Status is AdvisoryStatus.Draft or AdvisoryStatus.InReview;

    /// <summary>
    /// Creates a draft. A double-submitted form, or two editors with one title, can find the same slug free
    /// at once on PostgreSQL (SQLite queues writers): creates take a lock there, and a create that still
    /// collides in the database is tried again — a new free slug, or "slug taken" for a typed one.
    /// </summary>
    public async Task<SaveResult> CreateAsync(AdvisoryForm form, Actor actor)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await CreateOnceAsync(form, actor);
            }
            catch (DbUpdateException e) when (attempt < 3 && !StorageProblems.IsStorage(e))
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<SaveResult> CreateOnceAsync(AdvisoryForm form, Actor actor)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        await ConcurrencyGuard.SerializeCreatesAsync(db);
        // Checked inside the transaction, after any other create has committed: a typed slug that a double-submitted
        // form took a moment ago is "taken", not silently given a "-2" (the writer's free slug is for derived ones).
        var (content, errors) = await editing.ReadAsync(null, form, new AdvisoryContent(), isPublished: false);
        if (errors.Any) return new SaveResult(Outcome.Invalid, Errors: errors);
        var advisory = new Advisory { CreatedAt = Now, UpdatedAt = Now, Status = AdvisoryStatus.Draft, Version = 1 };
        await writer.WriteAsync(advisory, content);
        db.Advisories.Add(advisory);
        await AddRevisionAsync(advisory, actor, RevisionReason.Create);
        Audit(AuditAction.Create, advisory, actor);
        await CommitAsync(transaction, advisory);
        return new SaveResult(Outcome.Done, advisory);
    }

    /// <summary>
    /// "Translate into…": a new draft in <paramref name="language"/> joining the source's translation group,
    /// made of the source's content as <see cref="AdvisoryTranslation.Draft"/> says (structured fields carried,
    /// texts to write over, screenshots with their stored images), remembering the source's revision it was made
    /// from. The source gets its baseline revision first if it has none (imported), so there is one to compare with.
    /// </summary>
    public async Task<SaveResult> TranslateAsync(Guid sourceId, string language, Actor actor)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var source = await LoadAsync(sourceId);
        if (source is null) return new SaveResult(Outcome.NotFound);
        var content = AdvisoryTranslation.Draft(AdvisoryContent.Of(source), language,
            source.TranslationKey ?? AdvisoryWriter.NewGroupPrefix + source.Id.ToString("N"));
        // An unknown language, or one the story already has (the source's own included), is refused here.
        var problems = AdvisoryRules.Check(content, forReaders: false);
        problems.AddRange(await writer.CheckAsync(null, content, slugTyped: false, ContentOrigin.Editor));
        if (problems.Count > 0)
        {
            var errors = new FormErrors();
            foreach (var problem in problems) errors.Add(problem.Field, editing.Message(problem));
            return new SaveResult(Outcome.Invalid, source, errors);
        }

        await KeepBaselineAsync(source, AdvisoryContent.Of(source).ToJson());
        var now = Now;
        var advisory = new Advisory
        {
            CreatedAt = now, UpdatedAt = now, Status = AdvisoryStatus.Draft, Version = 1,
            TranslatedFromId = source.Id,
            TranslatedFromRevision = await LatestRevisionNumberAsync(source.Id),
            // The same stored images; AdvisoryWriter then gives them the content's order, alt texts and captions.
            Screenshots = source.Screenshots.OrderBy(s => s.Position).Select(s => s.Reused(s.AltText, s.Caption)).ToList(),
        };
        await writer.WriteAsync(advisory, content);
        db.Advisories.Add(advisory);
        await AddRevisionAsync(advisory, actor, RevisionReason.Create);
        Audit(AuditAction.TranslationCreated, advisory, actor, $"from {AuditLog.Describe(source)}, revision {advisory.TranslatedFromRevision}");
        await CommitAsync(transaction, advisory);
        return new SaveResult(Outcome.Done, advisory);
    }

    /// <summary>The editor has brought a translation in line with its source (or decided nothing needs changing): it now matches the source's latest revision.</summary>
    public async Task<TransitionResult> MarkTranslationUpToDateAsync(Guid id, Actor actor, bool canPublish)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var advisory = await db.Advisories.FirstOrDefaultAsync(a => a.Id == id);
        if (advisory?.TranslatedFromId is not { } sourceId) return new TransitionResult(Outcome.NotFound);
        if (!MayEdit(advisory, canPublish)) return new TransitionResult(Outcome.NotAllowed);
        var latest = await LatestRevisionNumberAsync(sourceId);
        if (latest is null) return new TransitionResult(Outcome.NotFound);
        Audit(AuditAction.TranslationUpToDate, advisory, actor, $"source revision {advisory.TranslatedFromRevision} → {latest}");
        advisory.TranslatedFromRevision = latest;
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return new TransitionResult(Outcome.Done);
    }

    /// <summary>The number of the revision that holds an advisory's current content (conflict copies are not applied content).</summary>
    private Task<int?> LatestRevisionNumberAsync(Guid advisoryId) =>
        db.AdvisoryRevisions.Where(r => r.AdvisoryId == advisoryId && r.Reason != RevisionReason.Conflict).MaxAsync(r => (int?)r.Number);

    /// <summary>
    /// For a translation still linked to its source: a workflow problem when its title, summary or body is still
    /// the source's text word for word (<see cref="AdvisoryTranslation.Untranslated"/>), so that a page in one
    /// language never goes out in another.
    /// </summary>
    private async Task<string?> UntranslatedProblemAsync(Guid id)
    {
        var sourceId = await db.Advisories.Where(a => a.Id == id).Select(a => a.TranslatedFromId).FirstOrDefaultAsync();
        if (sourceId is null || await ContentAsync(id) is not { } translation || await ContentAsync(sourceId.Value) is not { } source) return null;
        return AdvisoryTranslation.Untranslated(translation, source).Count > 0 ? "Admin.Workflow.Error.Untranslated" : null;
    }

    /// <summary>
    /// Saves the editor form. A published advisory needs the editor's answer to "minor edit or
    /// correction/update?"; a correction or update adds a dated public note and moves the updated date.
    /// </summary>
    public async Task<SaveResult> SaveAsync(Guid id, AdvisoryForm form, Actor actor, bool canPublish, int? restoredFrom = null)
    {
        try
        {
            return await SaveOnceAsync(id, form, actor, canPublish, restoredFrom);
        }
        catch (DbUpdateException e) when (!StorageProblems.IsStorage(e))
        {
            // Someone saved between our read and our write (the Version check in the UPDATE failed, or on
            // PostgreSQL both took the same revision number): rolled back; the editor gets the conflict page.
            db.ChangeTracker.Clear();
            var current = await LoadAsync(id);
            return current is null ? new SaveResult(Outcome.NotFound) : await ConflictAsync(null, current, form, actor);
        }
    }

    private async Task<SaveResult> SaveOnceAsync(Guid id, AdvisoryForm form, Actor actor, bool canPublish, int? restoredFrom)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var advisory = await LoadAsync(id);
        if (advisory is null) return new SaveResult(Outcome.NotFound);
        if (!MayEdit(advisory, canPublish)) return new SaveResult(Outcome.NotAllowed, advisory);
        if (advisory.Version != form.Version) return await ConflictAsync(transaction, advisory, form, actor);

        var isPublished = advisory.Status == AdvisoryStatus.Published;
        var current = AdvisoryContent.Of(advisory);
        var (content, errors) = await editing.ReadAsync(id, form, current, isPublished);
        if (errors.Any) return new SaveResult(Outcome.Invalid, advisory, errors);

        var correction = isPublished && form.ChangeKind is "correction" or "update";
        // Nothing changed: nothing is written, not even a revision (the transaction is rolled back unused).
        if (content.SameAs(current) && !correction) return new SaveResult(Outcome.Done, advisory);

        var before = current.ToJson();
        await KeepBaselineAsync(advisory, before);
        await writer.WriteAsync(advisory, content);
        var now = Now;
        if (correction)
        {
            advisory.Corrections.Add(new Correction
            {
                Kind = form.ChangeKind == "update" ? CorrectionKind.Update : CorrectionKind.Correction,
                Note = form.CorrectionNote!.Trim(),
                PublishedAt = now,
            });
            advisory.UpdatedAt = now;
        }
        // A minor edit of a published advisory keeps its public "updated" date.
        else if (!isPublished) advisory.UpdatedAt = now;

        advisory.Version++;
        var revision = await AddRevisionAsync(advisory, actor, restoredFrom is null ? RevisionReason.Save : RevisionReason.Restore,
            correction ? form.CorrectionNote!.Trim() : null);
        revision.RestoredFromNumber = restoredFrom;
        if (restoredFrom is not null) Audit(AuditAction.Restore, advisory, actor, $"revision {restoredFrom}");
        if (correction) Audit(AuditAction.Correction, advisory, actor, $"{form.ChangeKind}: {form.CorrectionNote!.Trim()}");
        await CommitAsync(transaction, advisory);
        return new SaveResult(Outcome.Done, advisory);
    }

    /// <summary>
    /// The editor's text is kept twice over: returned for the conflict page, and stored as a
    /// revision marked as a conflict (not applied), so closing the page loses nothing either.
    /// </summary>
    private async Task<SaveResult> ConflictAsync(IDbContextTransaction? transaction, Advisory current, AdvisoryForm form, Actor actor)
    {
        var currentContent = AdvisoryContent.Of(current);
        var lastBy = await db.AdvisoryRevisions.Where(r => r.AdvisoryId == current.Id && r.Reason != RevisionReason.Conflict)
            .OrderByDescending(r => r.Number).Select(r => r.SavedByName).FirstOrDefaultAsync();
        db.ChangeTracker.Clear();
        await using var own = transaction is null ? await db.Database.BeginTransactionAsync() : null;
        var mine = form.ToContent(currentContent).Content;
        db.AdvisoryRevisions.Add(new AdvisoryRevision
        {
            AdvisoryId = current.Id,
            Number = await NextRevisionNumberAsync(current.Id),
            SavedAt = Now,
            SavedById = actor.Id,
            SavedByName = actor.Name,
            Reason = RevisionReason.Conflict,
            Snapshot = mine.ToJson(),
        });
        try
        {
            await db.SaveChangesAsync();
            await (transaction ?? own!).CommitAsync();
        }
        catch (DbUpdateException e) when (!StorageProblems.IsStorage(e))
        {
            // Another save took that revision number meanwhile: the conflict page below still holds the text.
            db.ChangeTracker.Clear();
        }
        return new SaveResult(Outcome.Conflict, current, Current: currentContent, CurrentVersion: current.Version, CurrentBy: lastBy);
    }

    public Task<TransitionResult> SubmitAsync(Guid id, int version, Actor actor) =>
        TransitionAsync(id, version, actor, AuditAction.Submit, RevisionReason.Submit, advisory =>
        {
            if (advisory.Status != AdvisoryStatus.Draft) return "Admin.Workflow.Error.State";
            advisory.Status = AdvisoryStatus.InReview;
            return null;
        });

    /// <summary>Sends an advisory in review back to its writers, with a note saying why (it joins the desk's notes).</summary>
    public Task<TransitionResult> ReturnToDraftAsync(Guid id, int version, string? note, Actor actor) =>
        TransitionAsync(id, version, actor, AuditAction.ReturnToDraft, RevisionReason.ReturnToDraft, advisory =>
        {
            if (advisory.Status != AdvisoryStatus.InReview) return "Admin.Workflow.Error.State";
            if (!Desk.IsValidNote(note)) return "Admin.Workflow.Error.NoteRequired";
            advisory.Status = AdvisoryStatus.Draft;
            return null;
        }, detail: note?.Trim());

    /// <summary>Publishes now. Publishing what is already published is refused, so a double click changes nothing.</summary>
    public async Task<TransitionResult> PublishAsync(Guid id, int version, Actor actor)
    {
        var untranslated = await UntranslatedProblemAsync(id);
        return await TransitionAsync(id, version, actor, AuditAction.Publish, RevisionReason.Publish, advisory =>
        {
            if (advisory.Status == AdvisoryStatus.Published) return "Admin.Workflow.Error.State";
            if ((AdvisoryRules.ReadyProblem(AdvisoryContent.Of(advisory)) ?? untranslated) is { } problem) return problem;
            var now = Now;
            advisory.PublishedAt ??= now;
            advisory.UpdatedAt = now;
            advisory.Status = AdvisoryStatus.Published;
            advisory.ScheduledFor = null;
            advisory.WithdrawnAt = null;
            advisory.WithdrawalReason = null;
            return null;
        });
    }

    public async Task<TransitionResult> ScheduleAsync(Guid id, int version, DateTime whenUtc, Actor actor)
    {
        var untranslated = await UntranslatedProblemAsync(id);
        return await TransitionAsync(id, version, actor, AuditAction.Schedule, RevisionReason.Schedule, advisory =>
        {
            if (advisory.Status is not (AdvisoryStatus.Draft or AdvisoryStatus.InReview or AdvisoryStatus.Scheduled)) return "Admin.Workflow.Error.State";
            if (whenUtc <= Now) return "Admin.Workflow.Error.PastDate";
            if ((AdvisoryRules.ReadyProblem(AdvisoryContent.Of(advisory)) ?? untranslated) is { } problem) return problem;
            advisory.Status = AdvisoryStatus.Scheduled;
            advisory.ScheduledFor = whenUtc;
            return null;
        }, detail: whenUtc.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture));
    }

    public Task<TransitionResult> UnscheduleAsync(Guid id, int version, Actor actor) =>
        TransitionAsync(id, version, actor, AuditAction.Unschedule, RevisionReason.Unschedule, advisory =>
        {
            if (advisory.Status != AdvisoryStatus.Scheduled) return "Admin.Workflow.Error.State";
            advisory.Status = AdvisoryStatus.Draft;
            advisory.ScheduledFor = null;
            return null;
        });

    /// <summary>Takes a published advisory off lists, feeds and search; its URL answers 410 with the reason.</summary>
    public Task<TransitionResult> WithdrawAsync(Guid id, int version, string? reason, Actor actor) =>
        TransitionAsync(id, version, actor, AuditAction.Withdraw, RevisionReason.Withdraw, advisory =>
        {
            if (advisory.Status != AdvisoryStatus.Published) return "Admin.Workflow.Error.State";
            var why = reason?.Trim() ?? "";
            if (why.Length is 0 or > 1000 || AdvisoryRules.HasControl(why, multiline: true)) return "Admin.Workflow.Error.Reason";
            advisory.Status = AdvisoryStatus.Withdrawn;
            advisory.WithdrawnAt = Now;
            advisory.WithdrawalReason = why;
            return null;
        }, detail: reason);

    /// <summary>Only drafts that readers never saw can be deleted; anything once published is withdrawn instead.</summary>
    public Task<TransitionResult> DeleteAsync(Guid id, int version, Actor actor) =>
        ConcurrencyGuard.OrConflictAsync(db, () => DeleteOnceAsync(id, version, actor), new TransitionResult(Outcome.Conflict));

    private async Task<TransitionResult> DeleteOnceAsync(Guid id, int version, Actor actor)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var advisory = await db.Advisories.FirstOrDefaultAsync(a => a.Id == id);
        if (advisory is null) return new TransitionResult(Outcome.NotFound);
        if (advisory.Version != version) return new TransitionResult(Outcome.Conflict);
        if (advisory.PublishedAt is not null || advisory.Status is not (AdvisoryStatus.Draft or AdvisoryStatus.InReview))
            return new TransitionResult(Outcome.Invalid, "Admin.Workflow.Error.DeletePublished");
        Audit(AuditAction.Delete, advisory, actor, advisory.Title);
        var shots = await db.Screenshots.Include(s => s.Files).Where(s => s.AdvisoryId == id).ToListAsync();
        db.Advisories.Remove(advisory);
        await db.SaveChangesAsync();
        await events.AdvisoryDeletedAsync(id);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        // The screenshots' rows went with the advisory (cascade); their files go once nothing else uses them.
        foreach (var shot in shots) await media.DeleteUnusedAsync(db, shot.Files.Select(f => f.FileName), shot.OriginalFileName);
        return new TransitionResult(Outcome.Done);
    }

    /// <summary>
    /// A change to an advisory's screenshots (add, alt text and caption, order, remove, redact again), as one
    /// transaction with its revision, audit entry and <see cref="PublishingEvents"/>. It is an edit of the
    /// advisory: the Version moves (an editor form opened before it gets the conflict page), and so does the
    /// updated date unless the advisory is published, where it is a minor edit that readers are not told about.
    /// <paramref name="change"/> returns the audit detail, or null when what it should change is not there.
    /// </summary>
    public Task<Outcome> ChangeScreenshotsAsync(Guid id, Actor actor, bool canPublish, AuditAction action, Func<Advisory, Task<string?>> change) =>
        ConcurrencyGuard.OrConflictAsync(db, () => ChangeScreenshotsOnceAsync(id, actor, canPublish, action, change), Outcome.Conflict);

    private async Task<Outcome> ChangeScreenshotsOnceAsync(Guid id, Actor actor, bool canPublish, AuditAction action, Func<Advisory, Task<string?>> change)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var advisory = await LoadAsync(id);
        if (advisory is null) return Outcome.NotFound;
        if (!MayEdit(advisory, canPublish)) return Outcome.NotAllowed;
        await KeepBaselineAsync(advisory, AdvisoryContent.Of(advisory).ToJson());
        if (await change(advisory) is not { } detail) return Outcome.NotFound;
        var position = 0;
        foreach (var shot in advisory.Screenshots.OrderBy(s => s.Position)) shot.Position = position++;
        advisory.Version++;
        if (advisory.Status != AdvisoryStatus.Published) advisory.UpdatedAt = Now;
        await AddRevisionAsync(advisory, actor, RevisionReason.Screenshots);
        Audit(action, advisory, actor, detail);
        await CommitAsync(transaction, advisory);
        return Outcome.Done;
    }

    /// <summary>Publishes every scheduled advisory whose time has come. Safe to run twice or on two servers at once.</summary>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken = default)
    {
        var now = Now;
        var due = await db.Advisories.Where(a => a.Status == AdvisoryStatus.Scheduled && a.ScheduledFor <= now)
            .Select(a => new { a.Id, a.Version }).ToListAsync(cancellationToken);
        var published = 0;
        foreach (var item in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var result = await PublishAsync(item.Id, item.Version, Actor.Scheduler);
                if (result.Outcome == Outcome.Done) published++;
                else if (result.Outcome == Outcome.Invalid) await events.ScheduledPublishingFailedAsync(item.Id, result.Problem!, cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Changed or published by someone else meanwhile: the next round sees the new state.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
        return published;
    }

    private Task<TransitionResult> TransitionAsync(
        Guid id, int version, Actor actor, AuditAction action, RevisionReason reason, Func<Advisory, string?> change, string? detail = null) =>
        ConcurrencyGuard.OrConflictAsync(db, () => TransitionOnceAsync(id, version, actor, action, reason, change, detail), new TransitionResult(Outcome.Conflict));

    private async Task<TransitionResult> TransitionOnceAsync(
        Guid id, int version, Actor actor, AuditAction action, RevisionReason reason, Func<Advisory, string?> change, string? detail)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var advisory = await LoadAsync(id);
        if (advisory is null) return new TransitionResult(Outcome.NotFound);
        if (advisory.Version != version) return new TransitionResult(Outcome.Conflict);
        await KeepBaselineAsync(advisory, AdvisoryContent.Of(advisory).ToJson());
        if (change(advisory) is { } problem) return new TransitionResult(Outcome.Invalid, problem); // rolled back with the transaction
        advisory.Version++;
        await AddRevisionAsync(advisory, actor, reason);
        Audit(action, advisory, actor, detail);
        await CommitAsync(transaction, advisory);
        return new TransitionResult(Outcome.Done);
    }

    private async Task<AdvisoryRevision> AddRevisionAsync(Advisory advisory, Actor actor, RevisionReason reason, string? note = null)
    {
        var revision = new AdvisoryRevision
        {
            AdvisoryId = advisory.Id,
            Number = await NextRevisionNumberAsync(advisory.Id),
            SavedAt = Now,
            SavedById = actor.Id,
            SavedByName = actor.Name,
            Reason = reason,
            Note = note,
            Snapshot = AdvisoryContent.Of(advisory).ToJson(),
        };
        db.AdvisoryRevisions.Add(revision);
        return revision;
    }

    /// <summary>
    /// Advisories imported from content/ have no revision yet: their state before the first
    /// back-office change becomes revision 1, so it can be compared with and restored.
    /// </summary>
    private async Task KeepBaselineAsync(Advisory advisory, string snapshot)
    {
        if (await db.AdvisoryRevisions.AnyAsync(r => r.AdvisoryId == advisory.Id)) return;
        db.AdvisoryRevisions.Add(new AdvisoryRevision
        {
            AdvisoryId = advisory.Id,
            Number = 1,
            SavedAt = advisory.UpdatedAt,
            SavedByName = "content import",
            Reason = RevisionReason.Create,
            Snapshot = snapshot,
        });
        await db.SaveChangesAsync();
    }

    private async Task<int> NextRevisionNumberAsync(Guid advisoryId) =>
        (await db.AdvisoryRevisions.Where(r => r.AdvisoryId == advisoryId).MaxAsync(r => (int?)r.Number) ?? 0) + 1;

    private void Audit(AuditAction action, Advisory advisory, Actor actor, string? detail = null)
    {
        audit.Add(action, AuditLog.Describe(advisory), detail, actorName: actor.Id is null ? actor.Name : null);
        events.ActionTaken(action, advisory, actor, detail);
    }

    /// <summary>Writes the change, lets <see cref="PublishingEvents"/> act inside the same transaction, commits, tells it.</summary>
    private async Task CommitAsync(IDbContextTransaction transaction, Advisory advisory)
    {
        await db.SaveChangesAsync();
        await events.AdvisoryChangedAsync(advisory);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await events.AdvisoryCommittedAsync();
    }
}
