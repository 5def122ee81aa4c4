namespace FactCheck;

/// <summary>Deletes abandoned staged uploads every hour (they hold unredacted pixels, so they must not linger).</summary>
public sealed class StagingCleanup(ScreenshotStaging staging, ILogger<StagingCleanup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                if (staging.CleanUp() is > 0 and var count) logger.LogInformation("Deleted {Count} stale staged upload files", count);
            }
            catch (IOException e)
            {
                logger.LogWarning(e, "Cleaning the staging folder failed");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
