using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>
/// Publishes scheduled advisories when their time comes, checking every BackOffice:SchedulerInterval.
/// With several instances of the site on one database, only the instance holding the
/// "scheduled-publishing" lease (<see cref="DatabaseLease"/>) runs a round; it renews the lease every
/// round. A graceful stop hands the lease back at once; an instance that died keeps it until it expires
/// (four intervals) — unless it comes back under the same name (<see cref="Holder"/>), which takes its own
/// lease straight away. Each advisory is still published in its own transaction with its Version checked,
/// so a round that outlives its lease, or an editor pressing Publish at the same moment, cannot publish it twice.
/// </summary>
public sealed class ScheduledPublisher(
    IServiceScopeFactory scopes, IOptions<BackOfficeOptions> options, IHostEnvironment environment, IConfiguration configuration,
    TimeProvider clock, ILogger<ScheduledPublisher> logger) : BackgroundService
{
    public const string LeaseName = "scheduled-publishing";

    /// <summary>
    /// This instance, as the lease names it: BackOffice:InstanceName, or else the machine and a hash of where
    /// and how the site runs (content root, data folder, addresses) — the same again after a restart, so a
    /// restarted instance is not kept waiting by the lease of its own previous life.
    /// </summary>
    public string Holder { get; } = options.Value.InstanceName is { Length: > 0 } name
        ? name
        : $"{Environment.MachineName}/{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            $"{environment.ContentRootPath}|{configuration["Site:DataPath"]}|{configuration["urls"]}|{configuration["Database:ConnectionString"]}")))[..12]}";

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

    /// <summary>After the last round has finished: hands the lease back, so another instance takes over at its next round.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            using var scope = scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseLease>().ReleaseAsync(LeaseName, Holder, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Then it simply runs out, as after a crash.
            logger.LogWarning(exception, "Could not hand back the scheduled-publishing lease");
        }
    }
}
