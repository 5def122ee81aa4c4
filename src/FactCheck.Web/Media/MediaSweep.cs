using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>
/// Removes media files no screenshot refers to. Renditions are written before the database commit that
/// names them, so a crash in between (or a killed import, or a failed commit) leaves files nothing uses;
/// a crash in the middle of a write leaves a "*.tmp". Both go once they are older than Media:OrphanGrace —
/// long enough that an upload still in progress is never touched (a file used again counts as new:
/// LocalMediaStore.WriteOnceAsync). Kept originals (Media:KeepOriginalsPath) are swept the same way.
/// Share cards are left alone: they are named by what they show, not by a row, and drawn again when missing.
/// Runs at start and every Media:SweepInterval; with several instances each sweeps, which is harmless.
/// </summary>
public sealed partial class MediaSweep(IServiceScopeFactory scopes, IMediaStore store, MediaOptions options, IOptions<SiteOptions> site,
    TimeProvider clock, ILogger<MediaSweep> logger) : BackgroundService
{
    private const int Batch = 500;

    public static bool IsTemporary(string name) => TemporaryName().IsMatch(name);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.SweepInterval, clock);
        do
        {
            try
            {
                if (await SweepAsync(stoppingToken) is > 0 and var count) logger.LogInformation("Removed {Count} media files nothing refers to", count);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A locked database or a full disk now is no reason to stop sweeping later.
                logger.LogWarning(e, "Sweeping unused media files failed; trying again at the next interval");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One sweep; returns how many files went.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - options.OrphanGrace;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var removed = 0;

        var old = store.List().Where(f => f.LastWriteUtc < cutoff).Select(f => f.Name).ToList();
        foreach (var temporary in old.Where(IsTemporary))
        {
            await store.DeleteAsync(temporary, cancellationToken);
            removed++;
        }
        foreach (var batch in old.Where(MediaAccess.IsName).Chunk(Batch))
        {
            var used = (await db.ScreenshotFiles.Where(f => batch.Contains(f.FileName)).Select(f => f.FileName).ToListAsync(cancellationToken)).ToHashSet();
            foreach (var name in batch.Where(n => !used.Contains(n)))
            {
                // Looked at again just before: an upload may have used these bytes since the list was taken.
                if (store.Find(name) is { Exists: true } now && now.LastModified.UtcDateTime >= cutoff) continue;
                await store.DeleteAsync(name, cancellationToken);
                removed++;
            }
        }

        if (options.KeepOriginalsPath is { Length: > 0 } keep && Directory.Exists(Path.GetFullPath(keep, site.Value.DataPath)))
        {
            var folder = new DirectoryInfo(Path.GetFullPath(keep, site.Value.DataPath));
            foreach (var batch in folder.EnumerateFiles().Where(f => f.LastWriteTimeUtc < cutoff).Chunk(Batch))
            {
                var names = batch.Select(f => f.Name).ToList();
                var used = (await db.Screenshots.Where(s => names.Contains(s.OriginalFileName!)).Select(s => s.OriginalFileName!).ToListAsync(cancellationToken)).ToHashSet();
                foreach (var file in batch.Where(f => !used.Contains(f.Name)))
                {
                    file.Delete();
                    removed++;
                }
            }
        }
        return removed;
    }

    [GeneratedRegex(@"^(card-)?[0-9a-f]{16,64}\.[a-z0-9]{2,10}\.[0-9a-f]{32}\.tmp$")]
    private static partial Regex TemporaryName();
}
