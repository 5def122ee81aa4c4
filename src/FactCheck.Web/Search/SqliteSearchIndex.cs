using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>
/// Search on SQLite: an FTS5 table (Data/Migrations/Sqlite/0002_search.sql) holding folded text only.
/// The database does no language work: <see cref="SearchText"/> splits and folds words, the table's
/// 'ascii' tokenizer merely splits that output at spaces, and queries are built from the same folded words.
/// Each part of an advisory is stored twice: as stems in title/prose/facts (what matching compares, so
/// "الطالب" finds "طالب") and as folded words in 'words' (so the exact form ranks higher).
/// </summary>
public sealed class SqliteSearchIndex : ISearchIndex
{
    // bm25 weights in column order: advisory_id (unindexed), title, prose, facts, words.
    private const string Rank = "bm25(search_index, 0.0, 8.0, 1.0, 4.0, 2.0)";
    private const int RebuildBatch = 500;

    public async Task UpdateAsync(AppDbContext db, Advisory advisory, CancellationToken cancellationToken = default)
    {
        await RemoveAsync(db, advisory.Id, cancellationToken);
        var current = await db.Advisories.AsNoTracking().FirstOrDefaultAsync(a => a.Id == advisory.Id, cancellationToken);
        if (current is { Status: AdvisoryStatus.Published })
            await InsertAsync(db, (await SearchDocument.LoadAsync(db, [current], cancellationToken)).Single(), cancellationToken);
    }

    public Task RemoveAsync(AppDbContext db, Guid advisoryId, CancellationToken cancellationToken = default) =>
        db.Database.ExecuteSqlRawAsync("DELETE FROM search_index WHERE rowid = {0};", [RowId(advisoryId)], cancellationToken);

    public async Task<int> RebuildAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await db.Database.ExecuteSqlRawAsync("INSERT INTO search_index(search_index) VALUES ('delete-all');", cancellationToken);
            var count = 0;
            Guid? after = null;
            while (true)
            {
                // Keyset pages along the primary key (status is checked here, not in SQL, so SQLite walks
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

    public async Task<int> RebuildIfEmptyAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var indexed = await db.Database.SqlQueryRaw<int>("SELECT EXISTS (SELECT 1 FROM search_index) AS \"Value\"").SingleAsync(cancellationToken);
        if (indexed == 1 || !await db.PublishedAdvisories.AnyAsync(cancellationToken)) return 0;
        return await RebuildAsync(db, cancellationToken);
    }

    public async Task<SearchResults> SearchAsync(AppDbContext db, SearchQuery query, SearchFilter filter, int page, int pageSize,
        CancellationToken cancellationToken = default)
    {
        if (query.IsEmpty) return new SearchResults([], 0);

        var parameters = new SearchSql.Parameters();
        var match = parameters.Add(MatchExpression(query));
        var conditions = SearchSql.Conditions(filter, parameters.Add);
        // bm25() only works in a query that reads the FTS table directly, so matching and ranking come first.
        var from = $"""

            FROM (SELECT advisory_id, {Rank} AS rank FROM search_index WHERE search_index MATCH {match}) AS hit
            JOIN "Advisories" AS a ON a."Id" = hit.advisory_id
            WHERE {string.Join("\n  AND ", conditions)}
            """;
        var filterParameters = parameters.ToArray();
        var sql = $"""
            SELECT a."Id" AS "Id", count(*) OVER () AS "Total"
            {from}
            ORDER BY hit.rank, a."PublishedAt" DESC
            LIMIT {parameters.Add(pageSize)} OFFSET {parameters.Add((page - 1) * pageSize)}
            """;

        var rows = await db.Database.SqlQueryRaw<Row>(sql, parameters.ToArray()).ToListAsync(cancellationToken);
        var total = rows.Count > 0 ? rows[0].Total : 0;
        if (rows.Count == 0 && page > 1)
        {
            // Past the last page the window count comes back empty with the rows, so count on its own.
            var count = "SELECT count(*) AS \"Value\"" + from;
            total = await db.Database.SqlQueryRaw<int>(count, filterParameters).SingleAsync(cancellationToken);
        }
        return new SearchResults(await SearchHits.LoadAsync(db, rows.Select(r => r.Id).ToList(), query, cancellationToken), total);
    }

    /// <summary>
    /// The FTS5 query: every term must match; a term matches the stems in title/prose/facts, or the exact
    /// words (the second branch only lifts exact forms in bm25). Terms are rebuilt from folded words,
    /// which hold letters, digits and ʼ only, so no FTS5 syntax from the reader survives.
    /// </summary>
    public static string MatchExpression(SearchQuery query) =>
        string.Join(" AND ", query.Terms.Select(term =>
            $"({{title prose facts}} : {Phrase(term.Stems)} OR words : {Phrase(term.Words)})"));

    private static string Phrase(IEnumerable<string> words) =>
        "\"" + string.Join(' ', words).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static Task InsertAsync(AppDbContext db, SearchDocument document, CancellationToken cancellationToken)
    {
        var title = SearchText.Tokens(document.Title);
        var prose = SearchText.Tokens(document.Prose);
        var facts = SearchText.Tokens(document.Facts);
        static string Stems(List<SearchToken> tokens) => string.Join(' ', tokens.Select(t => t.Stem));
        var words = string.Join(' ', title.Concat(prose).Concat(facts).Select(t => t.Word));
        // advisory_id is copied from the Advisories row so it is stored exactly as the provider stores Guids.
        return db.Database.ExecuteSqlRawAsync("""
            INSERT INTO search_index (rowid, advisory_id, title, prose, facts, words)
            SELECT {0}, "Id", {1}, {2}, {3}, {4} FROM "Advisories" WHERE "Id" = {5};
            """,
            [RowId(document.AdvisoryId), Stems(title), Stems(prose), Stems(facts), words, document.AdvisoryId], cancellationToken);
    }

    /// <summary>
    /// FTS5 rows need an integer id; deriving it from the Guid makes update and delete a rowid lookup
    /// instead of a scan. 63 random bits: a clash is not expected below billions of advisories.
    /// </summary>
    public static long RowId(Guid id)
    {
        var value = BitConverter.ToInt64(id.ToByteArray(), 0) & long.MaxValue;
        return value == 0 ? 1 : value;
    }

    private sealed class Row
    {
        public Guid Id { get; set; }
        public int Total { get; set; }
    }
}
