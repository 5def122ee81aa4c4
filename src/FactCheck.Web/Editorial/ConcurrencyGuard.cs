using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>
/// Two editors (or one double click) writing the same advisory at the same moment. On SQLite writers
/// queue, so the Version check settles it before anything is written. On PostgreSQL (read committed)
/// both can pass the checks and collide in the database instead: the Version-checked UPDATE touches no
/// row (DbUpdateConcurrencyException), or both insert the same revision number or slug (a unique
/// violation). Either way the loser's transaction is rolled back and it is told "changed meanwhile",
/// exactly as when the Version check caught it — never a 500.
/// </summary>
public static class ConcurrencyGuard
{
    /// <summary>The PostgreSQL advisory lock that queues creates (SchemaMigrator uses 727274).</summary>
    private const long CreateLock = 727275;

    /// <summary>Runs one write transaction; a collision in the database becomes <paramref name="conflict"/>.</summary>
    public static async Task<T> OrConflictAsync<T>(AppDbContext db, Func<Task<T>> write, T conflict)
    {
        try
        {
            return await write();
        }
        catch (DbUpdateException e) when (!StorageProblems.IsStorage(e))
        {
            // A full disk or a locked database is not a conflict: StorageTroubleFilter says what it is.
            // The transaction was disposed (rolled back) on the way out; what this context tracked is stale.
            db.ChangeTracker.Clear();
            return conflict;
        }
    }

    /// <summary>
    /// Inside a create's transaction: on PostgreSQL, waits for any other create to commit first, so that
    /// finding a free slug and inserting it cannot interleave (held until this transaction ends).
    /// </summary>
    public static async Task SerializeCreatesAsync(AppDbContext db)
    {
        if (DatabaseSetup.Of(db) == DatabaseProvider.Postgres)
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({CreateLock});");
    }
}
