namespace FactCheck;

/// <summary>
/// THE place where other features hear about advisory changes made in the back-office (publish,
/// schedule, edit, correct, withdraw, delete, restore — and the scheduler's publishing).
/// <see cref="AdvisoryWorkflow"/> calls it for every change, after the change is written with
/// SaveChanges and before the transaction commits, so whatever is done here (e.g. updating the search
/// index) commits or rolls back together with the change. Keep it the only call site.
/// </summary>
public sealed class PublishingEvents(AppDbContext db)
{
    /// <summary>The advisory's content or status changed; <paramref name="advisory"/> holds the saved state.</summary>
    public Task AdvisoryChangedAsync(Advisory advisory, CancellationToken cancellationToken = default)
    {
        _ = db; // Search wires its index update in here (same DbContext, same transaction).
        return Task.CompletedTask;
    }

    /// <summary>The advisory was deleted (only drafts that were never published can be).</summary>
    public Task AdvisoryDeletedAsync(Guid advisoryId, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
