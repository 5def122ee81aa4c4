using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>
/// Renders advisories for readers and stores the result (<see cref="RenderedAdvisory"/>): on every
/// change (through <see cref="PublishingEvents"/>), and for every stale row after a start
/// (<see cref="StaleRenderings"/>). Pages use a stored row only when it is of the current renderer.
/// </summary>
public sealed class AdvisoryRendering(BodyRendering bodies)
{
    private const int Batch = 200;

    public RenderedAdvisory Render(Advisory advisory) => new()
    {
        AdvisoryId = advisory.Id,
        RendererVersion = RenderedHtml.Current,
        // Within the render budget; a body that cannot be rendered is stored as plain text and the desk is told.
        BodyHtml = bodies.Html(advisory),
        Parts = AdvisoryParts.Of(advisory).ToJson(),
    };

    /// <summary>
    /// Renders the advisory as it is now in <paramref name="db"/> and stores the result at once (call it
    /// after SaveChanges, inside the change's transaction, so the two commit together).
    /// </summary>
    public async Task SaveAsync(AppDbContext db, Guid advisoryId, CancellationToken cancellationToken = default)
    {
        var advisory = await db.Advisories.AsNoTracking().FirstOrDefaultAsync(a => a.Id == advisoryId, cancellationToken);
        if (advisory is null) return; // deleted: its row went with it
        await LoadListsAsync(db, [advisory], cancellationToken);
        var rendered = Render(advisory);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "RenderedAdvisories" ("AdvisoryId", "RendererVersion", "BodyHtml", "Parts") VALUES ({0}, {1}, {2}, {3})
            ON CONFLICT ("AdvisoryId") DO UPDATE SET "RendererVersion" = excluded."RendererVersion", "BodyHtml" = excluded."BodyHtml", "Parts" = excluded."Parts";
            """, [rendered.AdvisoryId, rendered.RendererVersion, rendered.BodyHtml, rendered.Parts], cancellationToken);
    }

    /// <summary>
    /// Renders every advisory whose stored rendering is missing or of another renderer version, in
    /// batches. A row written meanwhile by a change (already current) is never overwritten: the write
    /// only replaces a row that is still stale. Returns how many were rendered.
    /// </summary>
    public async Task<int> RenderStaleAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var count = 0;
        Guid? after = null;
        while (true)
        {
            // Keyset pages along the primary key, as the search index rebuild does.
            var query = db.Advisories.AsNoTracking()
                .Where(a => !db.Set<RenderedAdvisory>().Any(r => r.AdvisoryId == a.Id && r.RendererVersion == RenderedHtml.Current));
            if (after is { } last) query = query.Where(a => a.Id.CompareTo(last) > 0);
            var batch = await query.OrderBy(a => a.Id).Take(Batch).ToListAsync(cancellationToken);
            if (batch.Count == 0) return count;
            await LoadListsAsync(db, batch, cancellationToken);
            foreach (var advisory in batch)
            {
                var rendered = Render(advisory);
                await db.Database.ExecuteSqlRawAsync("""
                    INSERT INTO "RenderedAdvisories" ("AdvisoryId", "RendererVersion", "BodyHtml", "Parts") VALUES ({0}, {1}, {2}, {3})
                    ON CONFLICT ("AdvisoryId") DO UPDATE SET "RendererVersion" = excluded."RendererVersion", "BodyHtml" = excluded."BodyHtml", "Parts" = excluded."Parts"
                    WHERE "RenderedAdvisories"."RendererVersion" <> excluded."RendererVersion";
                    """, [rendered.AdvisoryId, rendered.RendererVersion, rendered.BodyHtml, rendered.Parts], cancellationToken);
                count++;
            }
            after = batch[^1].Id;
        }
    }

    /// <summary>
    /// Loads the lists of <paramref name="advisories"/> (loaded without them, not tracked) by advisory id,
    /// one query per list for the whole batch. Not through Include: for a many-to-many include SQLite
    /// materializes the whole link table (bench/README.md).
    /// </summary>
    public static async Task LoadListsAsync(AppDbContext db, IReadOnlyList<Advisory> advisories, CancellationToken cancellationToken = default)
    {
        var ids = advisories.Select(a => a.Id).ToList();
        var platformLinks = (await Links(db, "AdvisoryPlatforms", "PlatformsId", ids).ToListAsync(cancellationToken)).ToLookup(l => l.AdvisoryId, l => l.TargetId);
        var platforms = await db.Platforms.AsNoTracking().ToDictionaryAsync(p => p.Id, cancellationToken);
        var tagLinks = await Links(db, "AdvisoryTags", "TagsId", ids).ToListAsync(cancellationToken);
        var tagIds = tagLinks.Select(l => l.TargetId).Distinct().ToList();
        var tags = await db.Tags.AsNoTracking().Where(t => tagIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var authorLinks = await Links(db, "AdvisoryAuthors", "AuthorsId", ids).ToListAsync(cancellationToken);
        var authorIds = authorLinks.Select(l => l.TargetId).Distinct().ToList();
        var authors = await db.Authors.AsNoTracking().Where(a => authorIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var indicators = (await db.Indicators.AsNoTracking().Where(i => ids.Contains(i.AdvisoryId)).ToListAsync(cancellationToken)).ToLookup(i => i.AdvisoryId);
        var sources = (await db.Sources.AsNoTracking().Where(s => ids.Contains(s.AdvisoryId)).ToListAsync(cancellationToken)).ToLookup(s => s.AdvisoryId);
        var corrections = (await db.Corrections.AsNoTracking().Where(c => ids.Contains(c.AdvisoryId)).ToListAsync(cancellationToken)).ToLookup(c => c.AdvisoryId);
        var screenshots = (await db.Screenshots.AsNoTracking().Include(s => s.Files).Where(s => ids.Contains(s.AdvisoryId)).ToListAsync(cancellationToken))
            .ToLookup(s => s.AdvisoryId);
        var ratingIds = advisories.Select(a => a.RatingId).OfType<int>().Distinct().ToList();
        var ratings = await db.Ratings.AsNoTracking().Where(r => ratingIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var tagsOf = tagLinks.ToLookup(l => l.AdvisoryId, l => tags[l.TargetId]);
        var authorsOf = authorLinks.ToLookup(l => l.AdvisoryId, l => authors[l.TargetId]);
        foreach (var advisory in advisories)
        {
            advisory.Rating = advisory.RatingId is { } ratingId ? ratings.GetValueOrDefault(ratingId) : null;
            advisory.Platforms = platformLinks[advisory.Id].Select(id => platforms[id]).ToList();
            advisory.Tags = tagsOf[advisory.Id].ToList();
            advisory.Authors = authorsOf[advisory.Id].ToList();
            advisory.Indicators = indicators[advisory.Id].ToList();
            advisory.Sources = sources[advisory.Id].OrderBy(s => s.Position).ToList();
            advisory.Corrections = corrections[advisory.Id].OrderBy(c => c.PublishedAt).ToList();
            advisory.Screenshots = screenshots[advisory.Id].OrderBy(s => s.Position).ToList();
        }
    }

    private sealed record Link(Guid AdvisoryId, int TargetId);

    private static IQueryable<Link> Links(AppDbContext db, string table, string targetColumn, List<Guid> ids) =>
        db.Set<Dictionary<string, object>>(table)
            .Where(l => ids.Contains(EF.Property<Guid>(l, "AdvisoriesId")))
            .Select(l => new Link(EF.Property<Guid>(l, "AdvisoriesId"), EF.Property<int>(l, targetColumn)));
}
