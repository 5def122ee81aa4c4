using Npgsql;

namespace FactCheck;

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
