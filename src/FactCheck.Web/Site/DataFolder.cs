using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>
/// Whether the data folder (SQLite database, media, staging) can be written: checked once at start-up,
/// where a folder that cannot be used ends the process with one line naming it and the fix, and on
/// every /health probe (<see cref="StorageHealthCheck"/>).
/// </summary>
public static class DataFolder
{
    /// <summary>Below this much free space (and under a tenth of the disk) /health reports the data folder as nearly full.</summary>
    public const long LowSpaceBytes = 64L * 1024 * 1024;

    /// <summary>Why <paramref name="folder"/> (and its media/ and staging/ folders) cannot be written, or null when it can.</summary>
    public static StorageProblem? Problem(string folder, out string detail)
    {
        detail = "";
        try
        {
            foreach (var path in new[] { folder, Path.Combine(folder, "media"), Path.Combine(folder, "staging") })
            {
                Directory.CreateDirectory(path);
                var probe = Path.Combine(path, $".write-probe-{Environment.ProcessId}.tmp");
                File.WriteAllBytes(probe, [1]);
                File.Delete(probe);
            }
            var database = Path.Combine(folder, "factcheck.db");
            if (File.Exists(database)) File.Open(database, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite).Dispose();
            return null;
        }
        catch (Exception e) when (StorageProblems.Of(e) is { } problem)
        {
            detail = e.Message;
            return problem;
        }
    }

    /// <summary>The one line printed when the site cannot start on its data folder.</summary>
    public static string StartupMessage(string folder, StorageProblem problem, string detail) => problem switch
    {
        StorageProblem.Full =>
            $"FactCheck cannot start: the data folder {folder} is full ({detail}). Free some space there, or set Site__DataPath to a folder with room.",
        StorageProblem.Unavailable =>
            $"FactCheck cannot start: it cannot reach its database ({detail}). Check Database__ConnectionString and that the database server runs.",
        StorageProblem.Busy =>
            $"FactCheck cannot start: the database in {folder} is locked by another process ({detail}). Stop that process (another copy of the site, a backup holding a write lock) and start again.",
        _ =>
            $"FactCheck cannot start: it cannot write to its data folder {folder} ({detail}). Make that folder writable by the user running the site, or set Site__DataPath to a writable folder.",
    };

    /// <summary>The data folder the site will use, resolved as <see cref="SiteSetup.AddFactCheck"/> does.</summary>
    public static string PathOf(WebApplicationBuilder builder) =>
        Path.GetFullPath(builder.Configuration.GetSection("Site").Get<SiteOptions>()?.DataPath ?? new SiteOptions().DataPath, builder.Environment.ContentRootPath);
}

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
