using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>
/// The database's count of committed changes to what readers see (one row, table ContentVersions).
/// Every instance watches it and empties its output cache when it moves, so a publish or a withdrawal
/// made through one instance is shown by all of them (README, "Several instances").
/// </summary>
public class ContentVersion
{
    public const int SingleRow = 1;
    /// <summary>PostgreSQL channel on which each new number is announced.</summary>
    public const string Channel = "factcheck_content";

    public int Id { get; set; } = SingleRow;
    public long Number { get; set; }

    /// <summary>Moves the number on and, on PostgreSQL, announces it to every listening instance. Returns the new number.</summary>
    public static async Task<long> BumpAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var number = await db.Database.SqlQueryRaw<long>(
            $"UPDATE \"ContentVersions\" SET \"Number\" = \"Number\" + 1 WHERE \"Id\" = {SingleRow} RETURNING \"Number\" AS \"Value\"")
            .ToListAsync(cancellationToken);
        if (DatabaseSetup.Of(db) == DatabaseProvider.Postgres)
            await db.Database.ExecuteSqlRawAsync("SELECT pg_notify({0}, {1});", [Channel, number.Single().ToString(System.Globalization.CultureInfo.InvariantCulture)], cancellationToken);
        return number.Single();
    }

    public static Task<long> ReadAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        db.Set<ContentVersion>().AsNoTracking().Where(v => v.Id == SingleRow).Select(v => v.Number).SingleAsync(cancellationToken);
}
