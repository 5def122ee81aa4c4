namespace FactCheck;

/// <summary>Runs <see cref="TipCleanup"/> every hour.</summary>
public sealed class TipRetention(IServiceScopeFactory scopes, ILogger<TipRetention> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                if (await scope.ServiceProvider.GetRequiredService<TipCleanup>().DeleteExpiredAsync(stoppingToken) is > 0 and var count)
                    logger.LogInformation("Deleted {Count} tips past their retention period", count);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Deleting expired tips failed; trying again in an hour");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
