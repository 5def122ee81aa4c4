using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>
/// Sends the notification outbox in the background: at once when a change on this instance queued something
/// (<see cref="NotificationSignal"/>), and every Notifications:PollInterval for retries and for what other
/// instances queued. Waiting goes through the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class NotificationSender(
    IServiceScopeFactory scopes, NotificationSignal signal, IOptions<NotificationOptions> options, TimeProvider clock, ILogger<NotificationSender> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<NotificationOutbox>().DeliverDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // Database busy or not migrated yet: the deliveries stay due and are tried at the next round.
                logger.LogError(exception, "Sending notifications failed; retrying at the next round");
            }
            await NextRoundAsync(stoppingToken);
        }
    }

    /// <summary>Returns when woken or when the poll interval has passed, whichever comes first.</summary>
    private async Task NextRoundAsync(CancellationToken stoppingToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var timer = Task.Delay(options.Value.PollInterval, clock, either.Token);
        var woken = signal.WaitAsync(either.Token);
        await Task.WhenAny(timer, woken);
        await either.CancelAsync(); // the loser: a cancelled wait takes no wake-up from the signal
        try { await Task.WhenAll(timer, woken); } catch (OperationCanceledException) { }
    }
}
