using Microsoft.EntityFrameworkCore;

namespace FactCheck;

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
