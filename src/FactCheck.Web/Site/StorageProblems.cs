using Microsoft.Data.Sqlite;
using Npgsql;

namespace FactCheck;

/// <summary>
/// Storage trouble told apart from bugs: a locked database, a full disk, a read-only folder, a database
/// server that is gone. Such failures are not the editor's fault and not a 500 — they get a page that
/// says what happened and keeps what was typed (<see cref="StorageTroubleFilter"/>), /health reports
/// them (<see cref="StorageHealthCheck"/>), and at start-up they get one line naming the path.
/// </summary>
public static class StorageProblems
{
    /// <summary>The storage problem behind <paramref name="exception"/> (or any exception inside it), or null for anything else.</summary>
    public static StorageProblem? Of(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite:
                    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN (primary codes)
                    switch (sqlite.SqliteErrorCode & 0xFF)
                    {
                        case 5 or 6: return StorageProblem.Busy;
                        case 13: return StorageProblem.Full;
                        case 8: return StorageProblem.ReadOnly;
                        case 10 or 14: return StorageProblem.Unavailable;
                    }
                    break;
                case PostgresException postgres:
                    switch (postgres.SqlState)
                    {
                        case "53100": return StorageProblem.Full; // disk_full
                        case "25006": return StorageProblem.ReadOnly; // read_only_sql_transaction (a standby, or default_transaction_read_only)
                        case "55P03" or "57014" or "53300" or "40P01": return StorageProblem.Busy; // lock not available, timeout, too many connections, deadlock
                        case "57P01" or "57P02" or "57P03": return StorageProblem.Unavailable; // shutting down, starting up
                    }
                    break;
                case NpgsqlException:
                    return StorageProblem.Unavailable; // no connection to the server
                case IOException io when (io.HResult & 0xFFFF) is 28 or 0x70: // ENOSPC, ERROR_DISK_FULL
                    return StorageProblem.Full;
                case IOException io when (io.HResult & 0xFFFF) is 30: // EROFS
                    return StorageProblem.ReadOnly;
                case UnauthorizedAccessException:
                    return StorageProblem.ReadOnly;
            }
        }
        return null;
    }

    public static bool IsStorage(Exception exception) => Of(exception) is not null;

    /// <summary>The resource key of the sentence that tells an editor or reader what happened.</summary>
    public static string MessageKey(StorageProblem problem) => $"Storage.{problem}";
}
