namespace FactCheck;

/// <summary>
/// THE place where other features hear about advisory changes made in the back-office (publish,
/// schedule, edit, correct, withdraw, delete, restore — and the scheduler's publishing).
/// <see cref="AdvisoryWorkflow"/> reports each action it audits (<see cref="ActionTaken"/>), then calls
/// <see cref="AdvisoryChangedAsync"/> after the change is written with SaveChanges and before the
/// transaction commits, so the search index, the desk's notes and the queued notifications commit or roll
/// back together with the change; then, once committed, <see cref="AdvisoryCommittedAsync"/>.
/// Keep it the only call site.
/// </summary>
public sealed class PublishingEvents(
    AppDbContext db, SearchIndex search, PublicContent publicContent, RegistryFeed registry, TipReplies tipReplies, Desk desk, NotificationSignal notifications)
{
    private readonly List<(AuditAction Action, Guid AdvisoryId, Actor Actor, string? Detail)> actions = [];

    /// <summary>The workflow did <paramref name="action"/> (its audit entry is staged); acted on in <see cref="AdvisoryChangedAsync"/>.</summary>
    public void ActionTaken(AuditAction action, Advisory advisory, Actor actor, string? detail) => actions.Add((action, advisory.Id, actor, detail));

    /// <summary>
    /// The advisory's content or status changed; <paramref name="advisory"/> holds the saved state. A published
    /// advisory's indicators feed the registry, readers whose tips it answers are due a reply, and the desk
    /// hears about the workflow action that did it.
    /// </summary>
    public async Task AdvisoryChangedAsync(Advisory advisory, CancellationToken cancellationToken = default)
    {
        await search.UpdateAsync(db, advisory, cancellationToken);
        await registry.AdvisoryChangedAsync(advisory.Id, cancellationToken);
        await tipReplies.AdvisoryChangedAsync(advisory, cancellationToken);
        // Actions of an attempt that failed before reaching here (a conflict) are dropped with the rest.
        var taken = actions.Where(a => a.AdvisoryId == advisory.Id).ToList();
        actions.Clear();
        foreach (var (action, _, actor, detail) in taken) await desk.ActionTakenAsync(action, advisory, actor, detail, cancellationToken);
    }

    /// <summary>
    /// The change is committed: cached public pages and feeds are dropped, so the next request shows it, and
    /// the notifications it queued are sent. Only after the commit — a reader arriving in between would
    /// otherwise cache the old rows again.
    /// </summary>
    public async Task AdvisoryCommittedAsync(CancellationToken cancellationToken = default)
    {
        await publicContent.ChangedAsync(cancellationToken);
        notifications.Wake();
    }

    /// <summary>The advisory was deleted (only drafts that were never published can be).</summary>
    public Task AdvisoryDeletedAsync(Guid advisoryId, CancellationToken cancellationToken = default)
    {
        actions.Clear();
        return search.RemoveAsync(db, advisoryId, cancellationToken);
    }

    /// <summary>The scheduler could not publish the advisory at its time; <paramref name="problem"/> is why (a resource key).</summary>
    public Task ScheduledPublishingFailedAsync(Guid advisoryId, string problem, CancellationToken cancellationToken = default) =>
        desk.PublishFailedAsync(advisoryId, problem, cancellationToken);
}
