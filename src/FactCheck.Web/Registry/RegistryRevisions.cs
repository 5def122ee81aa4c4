using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>Numbers and stores registry revisions; the caller saves them with the change they record.</summary>
public sealed class RegistryRevisions(AppDbContext db, TimeProvider clock)
{
    public async Task AddAsync(RegistryEntry entry, Actor actor, string change, CancellationToken cancellationToken = default)
    {
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Key, cancellationToken);
        var number = (await db.RegistryRevisions.Where(r => r.EntryId == entry.Id).MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0) + 1;
        db.RegistryRevisions.Add(new RegistryRevision
        {
            EntryId = entry.Id, Number = number, SavedAt = clock.GetUtcNow().UtcDateTime, SavedById = actor.Id, SavedByName = actor.Name,
            Change = change.Length > 400 ? change[..400] : change, Snapshot = RegistrySnapshot.Of(entry, organisations).ToJson(),
        });
    }
}
