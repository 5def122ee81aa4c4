using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>
/// Writes every advisory as a content file (<see cref="AdvisoryFile.Write"/>) with its screenshots, in the
/// layout the importer reads: {folder}/advisories/{slug}-{language}.md and {folder}/screenshots/{image}.
/// Importing the folder again gives the same stored advisories (the images are the stored renditions, so
/// importing them into the same site reuses them). Revisions, audit and accounts are not content.
/// </summary>
public sealed class ContentExporter(AppDbContext db, MediaLibrary media)
{
    /// <summary>Exports every advisory, or those of <paramref name="only"/>. Returns how many were written.</summary>
    public async Task<int> ExportAsync(string folder, IReadOnlyCollection<Guid>? only = null, CancellationToken cancellationToken = default)
    {
        var advisories = Path.Combine(folder, "advisories");
        var screenshots = Path.Combine(folder, "screenshots");
        Directory.CreateDirectory(advisories);
        Directory.CreateDirectory(screenshots);
        var platformNames = await db.Platforms.ToDictionaryAsync(p => p.Key, p => p.Name, cancellationToken);
        var ids = await db.Advisories.Where(a => only == null || only.Contains(a.Id))
            .OrderBy(a => a.Language).ThenBy(a => a.Slug).Select(a => a.Id).ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            var advisory = await db.Advisories.AsNoTracking()
                .Include(a => a.Rating).Include(a => a.Platforms).Include(a => a.Tags).Include(a => a.Authors)
                .Include(a => a.Indicators).Include(a => a.Sources).Include(a => a.Corrections)
                .Include(a => a.Screenshots).ThenInclude(s => s.Files)
                .AsSplitQuery().SingleAsync(a => a.Id == id, cancellationToken);
            foreach (var file in advisory.Screenshots.Select(s => s.Fallback).OfType<ScreenshotFile>())
                if (await media.ReadVariantAsync(file, cancellationToken) is { } bytes)
                    await File.WriteAllBytesAsync(Path.Combine(screenshots, file.FileName), bytes, cancellationToken);
            var text = AdvisoryFile.Write(AdvisoryContent.Of(advisory), new FileFacts(advisory.Id, advisory.PublishedAt, advisory.UpdatedAt),
                key => platformNames.GetValueOrDefault(key, key));
            await File.WriteAllTextAsync(Path.Combine(advisories, $"{advisory.Slug}-{advisory.Language}.md"), text, cancellationToken);
        }
        return ids.Count;
    }
}
