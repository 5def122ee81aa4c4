using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>
/// Named leases in the site's database, so that when several instances of the site share one database
/// only one of them runs a job at a time. Taking or renewing a lease is one UPDATE whose WHERE clause
/// says "free, expired, or already mine": both SQLite (one writer at a time) and PostgreSQL (the second
/// UPDATE of a row waits for the first and re-checks the WHERE clause) let exactly one instance win.
/// Expiry uses each instance's clock, so the servers' clocks must agree to well within a lease (NTP).
/// </summary>
public sealed class DatabaseLease(AppDbContext db, TimeProvider clock)
{
    /// <summary>Takes or renews lease <paramref name="name"/> for <paramref name="holder"/>; false when another holds it.</summary>
    public async Task<bool> TryHoldAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        // The row is created free (expired long ago) the first time a lease is asked for; ON CONFLICT makes
        // concurrent first calls harmless, and the syntax is the same on SQLite and PostgreSQL.
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "Leases" ("Name", "Holder", "ExpiresAt") VALUES ({name}, '', {DateTime.UnixEpoch}) ON CONFLICT ("Name") DO NOTHING;""",
            cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + duration;
        var taken = await db.Set<Lease>()
            .Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt < now))
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), cancellationToken);
        return taken == 1;
    }

    /// <summary>Gives lease <paramref name="name"/> up if <paramref name="holder"/> holds it: it is free from now on.</summary>
    public Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken = default) =>
        db.Set<Lease>().Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, "").SetProperty(l => l.ExpiresAt, DateTime.UnixEpoch), cancellationToken);
}
