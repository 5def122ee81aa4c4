using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>
/// /health's "storage" entry: degraded when the data folder cannot be written or is nearly full, or the
/// database refuses writes (SQLite: another writer holds the lock beyond the busy timeout, or the file is
/// read-only; PostgreSQL: the session is read-only, as on a standby). Writes nothing lasting: the probe
/// file is deleted, and the database probe is rolled back.
/// </summary>
public sealed class StorageHealthCheck(AppDbContext db, IOptions<SiteOptions> site) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var folder = site.Value.DataPath;
        if (DataFolder.Problem(folder, out var detail) is { } problem)
            return HealthCheckResult.Degraded($"data folder {folder}: {problem} ({detail})");
        var drive = new DriveInfo(folder);
        if (drive.AvailableFreeSpace < DataFolder.LowSpaceBytes && drive.AvailableFreeSpace < drive.TotalSize / 10)
            return HealthCheckResult.Degraded($"data folder {folder}: only {drive.AvailableFreeSpace / (1024 * 1024)} MB free");
        try
        {
            if (DatabaseSetup.Of(db) == DatabaseProvider.Postgres)
            {
                var readOnly = await db.Database.SqlQueryRaw<string>("SELECT current_setting('transaction_read_only') AS \"Value\"").SingleAsync(cancellationToken);
                return readOnly == "on" ? HealthCheckResult.Degraded("database: read-only") : HealthCheckResult.Healthy("data folder and database writable");
            }
            await using var connection = new SqliteConnection(db.Database.GetConnectionString()) { DefaultTimeout = 1 };
            await connection.OpenAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            // A row written and rolled back: needs the write lock (busy when another writer holds it) and a writable file.
            command.CommandText = """INSERT INTO "Leases" ("Name", "Holder", "ExpiresAt") VALUES ($name, '', '1970-01-01 00:00:00');""";
            command.Parameters.AddWithValue("$name", "health-probe-" + Guid.NewGuid().ToString("N"));
            await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
            return HealthCheckResult.Healthy("data folder and database writable");
        }
        catch (Exception e) when (StorageProblems.Of(e) is { } databaseProblem)
        {
            return HealthCheckResult.Degraded($"database: {databaseProblem} ({e.Message})");
        }
    }
}
