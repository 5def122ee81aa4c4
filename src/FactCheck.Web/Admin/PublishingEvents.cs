namespace FactCheck;

/// <summary>
/// THE place where other features hear about advisory changes made in the back-office (publish,
/// schedule, edit, correct, withdraw, delete, restore — and the scheduler's publishing).
/// <see cref="AdvisoryWorkflow"/> calls it for every change, after the change is written with
/// SaveChanges and before the transaction commits, so the search index commits or rolls back
/// together with the change; then, once committed, <see cref="AdvisoryCommittedAsync"/>.
/// Keep it the only call site.
/// </summary>
public sealed class PublishingEvents(AppDbContext db, SearchIndex search, PublicContent publicContent, RegistryFeed registry, TipReplies tipReplies)
{
    /// <summary>
    /// The advisory's content or status changed; <paramref name="advisory"/> holds the saved state. A published
    /// advisory's indicators feed the registry, and readers whose tips it answers are due a reply.
    /// </summary>
    public async Task AdvisoryChangedAsync(Advisory advisory, CancellationToken cancellationToken = default)
    {
        await search.UpdateAsync(db, advisory, cancellationToken);
        await registry.AdvisoryChangedAsync(advisory.Id, cancellationToken);
        await tipReplies.AdvisoryChangedAsync(advisory, cancellationToken);
    }

    /// <summary>
    /// The change is committed: cached public pages and feeds are dropped, so the next request shows it.
    /// Only after the commit — a reader arriving in between would otherwise cache the old rows again.
    /// </summary>
    public Task AdvisoryCommittedAsync(CancellationToken cancellationToken = default) =>
        publicContent.ChangedAsync(cancellationToken);

    /// <summary>The advisory was deleted (only drafts that were never published can be).</summary>
    public Task AdvisoryDeletedAsync(Guid advisoryId, CancellationToken cancellationToken = default) =>
        search.RemoveAsync(db, advisoryId, cancellationToken);
}
