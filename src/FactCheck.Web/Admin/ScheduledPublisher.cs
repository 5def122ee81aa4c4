using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>
/// Publishes scheduled advisories when their time comes, checking every BackOffice:SchedulerInterval.
/// With several instances of the site on one database, only the instance holding the
/// "scheduled-publishing" lease (<see cref="DatabaseLease"/>) runs a round; it renews the lease every
/// round, and when it stops, another instance takes over once the lease has expired (four intervals).
/// Each advisory is still published in its own transaction with its Version checked, so a round that
/// outlives its lease, or an editor pressing Publish at the same moment, cannot publish it twice.
/// </summary>
public sealed class ScheduledPublisher(IServiceScopeFactory scopes, IOptions<BackOfficeOptions> options, TimeProvider clock, ILogger<ScheduledPublisher> logger) : BackgroundService
{
    public const string LeaseName = "scheduled-publishing";

    /// <summary>This instance, as the lease names it: readable in the database, unique per process and host.</summary>
    public string Holder { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    private TaskCompletionSource roundDone = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Completes when the round after the current one has ended. With a FakeTimeProvider a test moves the
    /// clock by an interval and awaits this, instead of sleeping until the scheduler may have run.
    /// </summary>
    internal Task NextRoundAsync() => Volatile.Read(ref roundDone).Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.SchedulerInterval;
        // The site's clock, so a test's FakeTimeProvider drives the rounds.
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                if (!await scope.ServiceProvider.GetRequiredService<DatabaseLease>().TryHoldAsync(LeaseName, Holder, interval * 4, stoppingToken))
                    continue; // another instance publishes
                var published = await scope.ServiceProvider.GetRequiredService<AdvisoryWorkflow>().PublishDueAsync(stoppingToken);
                SiteMetrics.CountPublished(published, scheduled: true);
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
            finally
            {
                Interlocked.Exchange(ref roundDone, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
