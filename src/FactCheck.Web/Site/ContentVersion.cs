using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql;

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

internal sealed class ContentVersionConfiguration : IEntityTypeConfiguration<ContentVersion>
{
    public void Configure(EntityTypeBuilder<ContentVersion> version)
    {
        version.ToTable("ContentVersions");
        version.Property(v => v.Id).ValueGeneratedNever();
    }
}

/// <summary>The "ContentVersion" section: how an instance learns of changes made through another one.</summary>
public sealed class ContentVersionOptions
{
    /// <summary>
    /// How often the number is read: on SQLite (several processes on one machine) this is the delay after
    /// which another process's change is shown; on PostgreSQL, where changes are announced with
    /// NOTIFY, only a safety net for a dropped listening connection.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
}

/// <summary>
/// Keeps this instance's <see cref="PublicContent"/> in step with the database: LISTEN on PostgreSQL
/// (a change is known everywhere within milliseconds of its commit), a cheap poll of one row on SQLite.
/// </summary>
public sealed class ContentVersionWatcher(
    IServiceScopeFactory scopes, PublicContent publicContent, Microsoft.Extensions.Options.IOptions<ContentVersionOptions> options,
    IConfiguration configuration, ILogger<ContentVersionWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var database = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (database.Provider == DatabaseProvider.Postgres) await ListenAsync(database.ConnectionString!, stoppingToken);
                else await PollAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Watching the content version failed; retrying in a second");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            await ObserveCurrentAsync(stoppingToken);
            await Task.Delay(options.Value.PollInterval, stoppingToken);
        }
    }

    private async Task ListenAsync(string connectionString, CancellationToken stoppingToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(stoppingToken);
        connection.Notification += (_, e) =>
        {
            if (long.TryParse(e.Payload, System.Globalization.CultureInfo.InvariantCulture, out var number))
                _ = publicContent.ObserveAsync(number);
        };
        await using (var listen = new NpgsqlCommand($"LISTEN {ContentVersion.Channel};", connection))
            await listen.ExecuteNonQueryAsync(stoppingToken);
        // Anything committed before LISTEN took effect is caught by reading the number once listening.
        await ObserveCurrentAsync(stoppingToken);
        while (true)
        {
            if (!await connection.WaitAsync(options.Value.PollInterval * 10, stoppingToken))
                await ObserveCurrentAsync(stoppingToken); // nothing announced for a while: check anyway
        }
    }

    private async Task ObserveCurrentAsync(CancellationToken cancellationToken)
    {
        // Two reads a second would otherwise be two traces a second (Site/Telemetry.cs), burying the requests'.
        using var quiet = OpenTelemetry.SuppressInstrumentationScope.Begin();
        using var scope = scopes.CreateScope();
        await publicContent.ObserveAsync(await ContentVersion.ReadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), cancellationToken), cancellationToken);
    }
}
