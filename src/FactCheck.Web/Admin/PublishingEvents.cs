namespace FactCheck;

/// <summary>
/// THE place where other features hear about advisory changes made in the back-office (publish,
/// schedule, edit, correct, withdraw, delete, restore — and the scheduler's publishing).
/// <see cref="AdvisoryWorkflow"/> calls it for every change, after the change is written with
/// SaveChanges and before the transaction commits, so the search index commits or rolls back
/// together with the change. Keep it the only call site.
/// </summary>
public sealed class PublishingEvents(AppDbContext db, SearchIndex search)
{
    /// <summary>The advisory's content or status changed; <paramref name="advisory"/> holds the saved state.</summary>
    public Task AdvisoryChangedAsync(Advisory advisory, CancellationToken cancellationToken = default) =>
        search.UpdateAsync(db, advisory, cancellationToken);

    /// <summary>The advisory was deleted (only drafts that were never published can be).</summary>
    public Task AdvisoryDeletedAsync(Guid advisoryId, CancellationToken cancellationToken = default) =>
        search.RemoveAsync(db, advisoryId, cancellationToken);
}
