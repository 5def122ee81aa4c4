using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>
/// "Has this scam been covered before?": the screenshots of other advisories whose difference hash is
/// similar to a new one's (<see cref="PerceptualHash.AreSimilar"/>), most similar first.
/// Hamming distance cannot use an index, so this reads the (Id, hash) pairs — two numbers a row, through
/// a covering index — and compares them in memory: bench/images measures it at tens of thousands of
/// screenshots. Only the few matches are then loaded in full.
/// </summary>
public static class SimilarScreenshots
{
    public const int Limit = 6;

    public static async Task<IReadOnlyList<SimilarScreenshot>> FindAsync(AppDbContext db, long hash, Guid exceptAdvisory, CancellationToken cancellationToken = default)
    {
        var best = new List<(int Distance, int Id)>();
        await foreach (var row in db.Screenshots.AsNoTracking().Where(s => s.AdvisoryId != exceptAdvisory)
                           .Select(s => new { s.Id, s.PerceptualHash }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (PerceptualHash.AreSimilar(hash, row.PerceptualHash)) best.Add((PerceptualHash.Distance(hash, row.PerceptualHash), row.Id));
        }
        // Equal distances: the newest screenshot first (ids grow with time).
        var ids = best.OrderBy(b => b.Distance).ThenByDescending(b => b.Id).Take(Limit).ToList();
        if (ids.Count == 0) return [];

        var wanted = ids.Select(b => b.Id).ToList();
        var shots = await db.Screenshots.AsNoTracking().Include(s => s.Files).Where(s => wanted.Contains(s.Id)).ToListAsync(cancellationToken);
        var advisoryIds = shots.Select(s => s.AdvisoryId).Distinct().ToList();
        var advisories = await db.Advisories.AsNoTracking().Where(a => advisoryIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.Language, a.Slug, a.Status }).ToDictionaryAsync(a => a.Id, cancellationToken);
        return ids.Select(b => shots.Single(s => s.Id == b.Id))
            .Select(s => (Shot: s, Advisory: advisories[s.AdvisoryId]))
            .Select(x => new SimilarScreenshot(PerceptualHash.Distance(hash, x.Shot.PerceptualHash), x.Shot, x.Advisory.Id, x.Advisory.Title,
                x.Advisory.Language, x.Advisory.Status, $"/{x.Advisory.Language}/advisories/{Uri.EscapeDataString(x.Advisory.Slug)}"))
            .ToList();
    }
}
