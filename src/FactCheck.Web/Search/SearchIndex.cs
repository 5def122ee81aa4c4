using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>
/// Full-text search over published advisories. The index lives in the site's own database and is
/// written through the caller's <see cref="AppDbContext"/>, so an index change commits or rolls back
/// together with the edit that caused it. One implementation per database provider
/// (<see cref="SqliteSearchIndex"/>: FTS5; <see cref="PostgresSearchIndex"/>: tsvector + GIN), chosen in SiteSetup.
/// Text is folded by <see cref="SearchText"/> before it reaches the database, for indexing and queries alike.
/// </summary>
/// <remarks>
/// Results are ordered the same way on both providers, without a score: first the advisories whose
/// title holds every term, then the others, each newest first (<see cref="SortKey"/>). Both orders are
/// ones the engines can walk an index in and stop after a page (SQLite: the FTS5 rowid; PostgreSQL: an
/// index on language and sort key), so a word found in a third of the site costs a count and a page,
/// not ranking every match (bench/README.md, "Search and check").
/// </remarks>
public abstract class SearchIndex
{
    private const int RebuildBatch = 500;

    /// <summary>
    /// Brings the advisory's entry up to date: indexed when it is published, removed otherwise (draft,
    /// scheduled, withdrawn, deleted). Reads the advisory from <paramref name="db"/>, so call it after
    /// SaveChanges and before the transaction commits.
    /// </summary>
    public async Task UpdateAsync(AppDbContext db, Advisory advisory, CancellationToken cancellationToken = default)
    {
        await RemoveAsync(db, advisory.Id, cancellationToken);
        var current = await db.Advisories.AsNoTracking().FirstOrDefaultAsync(a => a.Id == advisory.Id, cancellationToken);
        if (current is { Status: AdvisoryStatus.Published })
            await InsertAsync(db, current, (await SearchDocument.LoadAsync(db, [current], cancellationToken)).Single(), cancellationToken);
    }

    /// <summary>Drops the advisory from the index (e.g. before deleting it).</summary>
    public abstract Task RemoveAsync(AppDbContext db, Guid advisoryId, CancellationToken cancellationToken = default);

    /// <summary>Empties the index and indexes every published advisory again. Returns how many were indexed.</summary>
    public async Task<int> RebuildAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await ClearAsync(db, cancellationToken);
            var count = 0;
            Guid? after = null;
            while (true)
            {
                // Keyset pages along the primary key (status is checked here, not in SQL, so the database walks
                // the key instead of sorting every published row for every page).
                var query = db.Advisories.AsNoTracking();
                if (after is { } last) query = query.Where(a => a.Id.CompareTo(last) > 0);
                var batch = await query.OrderBy(a => a.Id).Take(RebuildBatch).ToListAsync(cancellationToken);
                var published = batch.Where(a => a.Status == AdvisoryStatus.Published).ToList();
                foreach (var (advisory, document) in published.Zip(await SearchDocument.LoadAsync(db, published, cancellationToken)))
                    await InsertAsync(db, advisory, document, cancellationToken);
                count += published.Count;
                if (batch.Count < RebuildBatch) break;
                after = batch[^1].Id;
            }
            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            return count;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    /// <summary>
    /// Rebuilds when the index is empty but published advisories exist: the first start after the
    /// migration created the index, or a database filled by other means. Returns how many were indexed.
    /// </summary>
    public async Task<int> RebuildIfEmptyAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var indexed = await db.Database.SqlQueryRaw<int>("SELECT CASE WHEN EXISTS (SELECT 1 FROM search_index) THEN 1 ELSE 0 END AS \"Value\"")
            .SingleAsync(cancellationToken);
        if (indexed == 1 || !await db.PublishedAdvisories.AnyAsync(cancellationToken)) return 0;
        return await RebuildAsync(db, cancellationToken);
    }

    /// <summary>
    /// Published advisories matching every term of <paramref name="query"/>, one page of them: those with
    /// every term in the title first, then the rest, each newest first.
    /// </summary>
    public async Task<SearchResults> SearchAsync(AppDbContext db, SearchQuery query, SearchFilter filter, int page, int pageSize,
        CancellationToken cancellationToken = default)
    {
        if (query.IsEmpty) return new SearchResults([], 0);
        var matching = await MatchingAsync(db, query, filter, cancellationToken);
        if (matching is null) return new SearchResults([], 0); // a verdict or platform that does not exist
        var total = await CountAsync(db, matching, Tier.All, cancellationToken);
        var offset = (page - 1) * pageSize;
        if (offset >= total) return new SearchResults([], total);

        var ids = new List<Guid>();
        // On the first page the title tier's size shows itself; deeper pages need it counted.
        var inTitle = offset == 0 ? 0 : await CountAsync(db, matching, Tier.Title, cancellationToken);
        if (offset == 0 || offset < inTitle)
            ids.AddRange(await PageAsync(db, matching, Tier.Title, offset, pageSize, cancellationToken));
        if (offset == 0) inTitle = ids.Count;
        if (ids.Count < pageSize)
            ids.AddRange(await PageAsync(db, matching, Tier.Rest, Math.Max(0, offset - inTitle), pageSize - ids.Count, cancellationToken));
        return new SearchResults(await SearchHits.LoadAsync(db, ids, query, cancellationToken), total);
    }

    /// <summary>The parts of the result order: every term in the title; every term matched, not all in the title; both.</summary>
    protected enum Tier { Title, Rest, All }

    /// <summary>What the provider needs to run the query's parts, or null when the filter names a verdict or platform that does not exist.</summary>
    protected abstract Task<object?> MatchingAsync(AppDbContext db, SearchQuery query, SearchFilter filter, CancellationToken cancellationToken);

    protected abstract Task<int> CountAsync(AppDbContext db, object matching, Tier tier, CancellationToken cancellationToken);

    /// <summary>Advisory ids of one tier, newest first (<see cref="SortKey"/> descending).</summary>
    protected abstract Task<List<Guid>> PageAsync(AppDbContext db, object matching, Tier tier, int offset, int limit, CancellationToken cancellationToken);

    protected abstract Task ClearAsync(AppDbContext db, CancellationToken cancellationToken);

    protected abstract Task InsertAsync(AppDbContext db, Advisory advisory, SearchDocument document, CancellationToken cancellationToken);

    /// <summary>
    /// The order of results within a tier, newest first: the publication time in seconds, then 29 bits of
    /// the id for advisories published in the same second. Computed here, so both providers store the same
    /// number (SQLite as the FTS5 rowid, PostgreSQL in sort_key) and order identically.
    /// </summary>
    public static long SortKey(DateTime publishedAt, Guid id)
    {
        var seconds = Math.Clamp((long)(publishedAt - DateTime.UnixEpoch).TotalSeconds, 0, (1L << 34) - 1);
        var bits = BitConverter.ToUInt32(id.ToByteArray(), 0) & ((1u << 29) - 1);
        return (seconds << 29) | bits;
    }

    /// <summary>The rating and platform ids a filter names; null when one of them does not exist.</summary>
    protected static async Task<(int? RatingId, int? PlatformId)?> FilterIdsAsync(AppDbContext db, SearchFilter filter, CancellationToken cancellationToken)
    {
        int? ratingId = null, platformId = null;
        if (filter.Verdict is not null)
        {
            ratingId = await db.Ratings.Where(r => r.Key == filter.Verdict).Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken);
            if (ratingId is null) return null;
        }
        if (filter.Platform is not null)
        {
            platformId = await db.Platforms.Where(p => p.Key == filter.Platform).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
            if (platformId is null) return null;
        }
        return (ratingId, platformId);
    }
}
