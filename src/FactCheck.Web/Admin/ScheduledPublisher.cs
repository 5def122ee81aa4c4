using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>
/// Publishes scheduled advisories when their time comes, checking every BackOffice:SchedulerInterval.
/// Each advisory is published in its own transaction with its Version checked, so a second server
/// (or an editor pressing Publish at the same moment) cannot publish it twice.
/// </summary>
public sealed class ScheduledPublisher(IServiceScopeFactory scopes, IOptions<BackOfficeOptions> options, ILogger<ScheduledPublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SchedulerInterval);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                var published = await scope.ServiceProvider.GetRequiredService<AdvisoryWorkflow>().PublishDueAsync(stoppingToken);
                if (published > 0) logger.LogInformation("Published {Count} scheduled advisories", published);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // A failed round (database busy, schema not ready yet) is retried at the next tick.
                logger.LogError(exception, "Scheduled publishing failed; retrying at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
