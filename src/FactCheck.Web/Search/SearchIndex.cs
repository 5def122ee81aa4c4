using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>
/// Full-text search over published advisories. The index lives in the site's own database and is
/// written through the caller's <see cref="AppDbContext"/>, so an index change commits or rolls back
/// together with the edit that caused it. One implementation per database provider
/// (<see cref="SqliteSearchIndex"/>: FTS5; <see cref="PostgresSearchIndex"/>: tsvector + GIN), chosen in SiteSetup.
/// Text is folded by <see cref="SearchText"/> before it reaches the database, for indexing and queries alike.
/// </summary>
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
            await InsertAsync(db, (await SearchDocument.LoadAsync(db, [current], cancellationToken)).Single(), cancellationToken);
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
                foreach (var document in await SearchDocument.LoadAsync(db, published, cancellationToken))
                    await InsertAsync(db, document, cancellationToken);
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

    /// <summary>Ranked published advisories matching every term of <paramref name="query"/>, best first, one page of them.</summary>
    public abstract Task<SearchResults> SearchAsync(AppDbContext db, SearchQuery query, SearchFilter filter, int page, int pageSize,
        CancellationToken cancellationToken = default);

    protected abstract Task ClearAsync(AppDbContext db, CancellationToken cancellationToken);

    protected abstract Task InsertAsync(AppDbContext db, SearchDocument document, CancellationToken cancellationToken);

    /// <summary>
    /// Runs a page query selecting "Id" and "Total" (a window count) and loads its hits. Past the last page
    /// the window count comes back empty with the rows, so then <paramref name="countSql"/> counts on its own.
    /// </summary>
    protected static async Task<SearchResults> PageAsync(AppDbContext db, SearchQuery query, string pageSql, object[] pageParameters,
        string countSql, object[] countParameters, int page, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQueryRaw<Row>(pageSql, pageParameters).ToListAsync(cancellationToken);
        var total = rows.Count > 0 ? rows[0].Total : 0;
        if (rows.Count == 0 && page > 1)
            total = await db.Database.SqlQueryRaw<int>(countSql, countParameters).SingleAsync(cancellationToken);
        return new SearchResults(await SearchHits.LoadAsync(db, rows.Select(r => r.Id).ToList(), query, cancellationToken), total);
    }

    private sealed class Row
    {
        public Guid Id { get; set; }
        public int Total { get; set; }
    }
}
