using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>How long tips are kept (an Admin setting, stored in the Settings table).</summary>
public sealed class TipSettings(AppDbContext db)
{
    public const string RetentionKey = "tip-retention-days";
    public const int DefaultRetentionDays = 90;
    public const int MaxRetentionDays = 3650;

    public async Task<int> RetentionDaysAsync(CancellationToken cancellationToken = default) =>
        int.TryParse(await db.Settings.Where(s => s.Key == RetentionKey).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken),
            NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= MaxRetentionDays ? days : DefaultRetentionDays;

    /// <summary>Stages the change; the caller saves it with its audit entry.</summary>
    public async Task SetRetentionDaysAsync(int days)
    {
        var value = days.ToString(CultureInfo.InvariantCulture);
        var setting = await db.Settings.FindAsync(RetentionKey);
        if (setting is null) db.Settings.Add(new BackOfficeSetting { Key = RetentionKey, Value = value });
        else setting.Value = value;
    }
}

/// <summary>Deletes tips older than the retention period, with their screenshot files.</summary>
public sealed class TipCleanup(AppDbContext db, TipSettings settings, TipFiles files, TimeProvider clock)
{
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-await settings.RetentionDaysAsync(cancellationToken));
        var expired = await db.Tips.Where(t => t.ReceivedAt < cutoff).ToListAsync(cancellationToken);
        if (expired.Count == 0) return 0;
        db.Tips.RemoveRange(expired); // their indicators go with them (cascade)
        await db.SaveChangesAsync(cancellationToken);
        // Files are named by content: one another tip still holds stays.
        foreach (var name in expired.Select(t => t.ScreenshotFile).OfType<string>().Distinct())
            if (!await db.Tips.AnyAsync(t => t.ScreenshotFile == name, cancellationToken))
                files.Delete(name);
        return expired.Count;
    }
}

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
