using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>Sends due replies every Mail:IntervalSeconds.</summary>
public sealed class TipReplySender(IServiceScopeFactory scopes, IOptions<MailOptions> mail, ILogger<TipReplySender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!mail.Value.Enabled) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, mail.Value.IntervalSeconds)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<TipReplies>().SendDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Sending replies to tips failed; trying again next round");
            }
        }
    }
}
