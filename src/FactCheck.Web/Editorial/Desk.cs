using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>
/// The desk working together on an advisory: its notes thread, its assignee, and the notifications the
/// workflow's actions cause (<see cref="PublishingEvents"/> passes them on). Each change is one transaction with
/// its audit entry and the deliveries it queues (<see cref="NotificationOutbox"/>). None of it changes the
/// advisory itself, so none of it moves the advisory's version: an editor form open meanwhile saves normally.
/// </summary>
public sealed class Desk(AppDbContext db, AuditLog audit, NotificationOutbox outbox, NotificationSignal signal, TimeProvider clock)
{
    public const int MaxNoteLength = 4000;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The account that created the advisory in the back-office (none for content imported from files).</summary>
    public static IQueryable<string?> CreatorOf(AppDbContext db, Guid advisoryId) =>
        db.AdvisoryRevisions.Where(r => r.AdvisoryId == advisoryId && r.Reason == RevisionReason.Create && r.SavedById != null).Select(r => r.SavedById);

    /// <summary>
    /// Whether someone may delete the advisory: only a draft that readers never saw (anything once published is
    /// withdrawn instead), by an Editor, or by the Contributor who created it.
    /// </summary>
    public async Task<bool> MayDeleteAsync(Advisory advisory, string userId, bool canPublish) =>
        IsDeletable(advisory) && (canPublish || await IsCreatorAsync(advisory.Id, userId));

    public static bool IsDeletable(Advisory advisory) => advisory is { PublishedAt: null, Status: AdvisoryStatus.Draft or AdvisoryStatus.InReview };

    public Task<bool> IsCreatorAsync(Guid advisoryId, string userId) => CreatorOf(db, advisoryId).AnyAsync(creator => creator == userId);

    /// <summary>A note needs text, at most <see cref="MaxNoteLength"/> characters and no control characters but line breaks.</summary>
    public static bool IsValidNote(string? text) =>
        text?.Trim() is { Length: > 0 and <= MaxNoteLength } trimmed && !AdvisoryRules.HasControl(trimmed, multiline: true);

    public async Task<IReadOnlyList<AdvisoryNote>> NotesAsync(Guid advisoryId) =>
        await db.AdvisoryNotes.AsNoTracking().Where(n => n.AdvisoryId == advisoryId).OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).ToListAsync();

    public async Task<IReadOnlyList<DeskMember>> MembersAsync() =>
        await db.Users.Where(u => !u.IsDisabled && db.UserRoles.Any(r => r.UserId == u.Id))
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new DeskMember(u.Id, u.DisplayName == "" ? u.Email! : u.DisplayName, u.Email!)).ToListAsync();

    public async Task<Outcome> AddNoteAsync(Guid advisoryId, string? text, Actor actor)
    {
        if (!IsValidNote(text)) return Outcome.Invalid;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var advisory = await db.Advisories.AsNoTracking().FirstOrDefaultAsync(a => a.Id == advisoryId);
        if (advisory is null) return Outcome.NotFound;
        AddNote(advisory.Id, NoteKind.Comment, text!, actor);
        audit.Add(AuditAction.NoteAdded, AuditLog.Describe(advisory));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return Outcome.Done;
    }

    /// <summary>Assigns the advisory to a desk member (null: to nobody); the new assignee is told.</summary>
    public async Task<Outcome> AssignAsync(Guid advisoryId, string? userId, Actor actor)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var advisory = await db.Advisories.AsNoTracking().FirstOrDefaultAsync(a => a.Id == advisoryId);
        if (advisory is null) return Outcome.NotFound;
        var current = await db.Assignments.FirstOrDefaultAsync(a => a.AdvisoryId == advisoryId);
        if (current?.UserId == userId) return Outcome.Done;

        DeskMember? member = null;
        if (userId is not null && (member = (await MembersAsync()).FirstOrDefault(m => m.Id == userId)) is null) return Outcome.Invalid;
        if (current is not null) db.Assignments.Remove(current);
        if (member is not null)
            db.Assignments.Add(new Assignment { AdvisoryId = advisoryId, UserId = member.Id, AssignedAt = Now, AssignedByName = actor.Name });
        audit.Add(AuditAction.Assigned, AuditLog.Describe(advisory), member?.Email ?? "nobody");
        await db.SaveChangesAsync();
        if (member is not null) await outbox.QueueAsync(new DeskEvent(NotificationEvent.Assigned, advisory, actor));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        signal.Wake();
        return Outcome.Done;
    }

    /// <summary>
    /// A workflow action on <paramref name="advisory"/> (its saved state), inside the action's transaction:
    /// a note sent back with it joins the thread, and the desk is notified.
    /// </summary>
    public async Task ActionTakenAsync(AuditAction action, Advisory advisory, Actor actor, string? detail, CancellationToken cancellationToken)
    {
        switch (action)
        {
            case AuditAction.Submit:
                await outbox.QueueAsync(new DeskEvent(NotificationEvent.Submitted, advisory, actor), cancellationToken);
                break;
            case AuditAction.ReturnToDraft:
                if (detail is not null) AddNote(advisory.Id, NoteKind.SentBack, detail, actor);
                await outbox.QueueAsync(new DeskEvent(NotificationEvent.SentBack, advisory, actor, Note: detail), cancellationToken);
                break;
            case AuditAction.Publish:
                await outbox.QueueAsync(new DeskEvent(NotificationEvent.Published, advisory, actor), cancellationToken);
                break;
            case AuditAction.Correction:
                var note = advisory.Corrections.OrderByDescending(c => c.PublishedAt).FirstOrDefault()?.Note;
                await outbox.QueueAsync(new DeskEvent(NotificationEvent.Corrected, advisory, actor, Note: note), cancellationToken);
                break;
        }
    }

    /// <summary>
    /// The scheduler could not publish the advisory (<paramref name="problem"/>: why, as a resource key). The desk
    /// hears once per failure: not again every round, only when the advisory has been changed since and fails again.
    /// </summary>
    public async Task PublishFailedAsync(Guid advisoryId, string problem, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var advisory = await db.Advisories.AsNoTracking().FirstOrDefaultAsync(a => a.Id == advisoryId, cancellationToken);
        if (advisory is not { Status: AdvisoryStatus.Scheduled }) return;
        if (await db.AdvisoryNotes.AnyAsync(n => n.AdvisoryId == advisoryId && n.Kind == NoteKind.PublishFailed && n.CreatedAt >= advisory.UpdatedAt, cancellationToken))
            return;
        AddNote(advisoryId, NoteKind.PublishFailed, problem, Actor.Scheduler);
        audit.Add(AuditAction.PublishFailed, AuditLog.Describe(advisory), problem, actorName: Actor.Scheduler.Name);
        await outbox.QueueAsync(new DeskEvent(NotificationEvent.PublishFailed, advisory, Actor.Scheduler, Problem: problem), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.Wake();
    }

    private void AddNote(Guid advisoryId, NoteKind kind, string text, Actor actor) =>
        db.AdvisoryNotes.Add(new AdvisoryNote
        {
            AdvisoryId = advisoryId, Kind = kind, AuthorId = actor.Id, AuthorName = actor.Name,
            Text = text.Trim().Replace("\r\n", "\n", StringComparison.Ordinal), CreatedAt = Now,
        });
}
