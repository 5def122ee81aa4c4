using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>
/// Search on SQLite: an FTS5 table (Data/Migrations/Sqlite/0002_search.sql) holding folded text only.
/// The database does no language work: <see cref="SearchText"/> splits and folds words, the table's
/// 'ascii' tokenizer merely splits that output at spaces, and queries are built from the same folded words.
/// Each part of an advisory is stored twice: as stems in title/prose/facts (what matching compares, so
/// "الطالب" finds "طالب") and as folded words in 'words' (so the exact form ranks higher).
/// </summary>
public sealed class SqliteSearchIndex : SearchIndex
{
    // bm25 weights in column order: advisory_id (unindexed), title, prose, facts, words.
    private const string Rank = "bm25(search_index, 0.0, 8.0, 1.0, 4.0, 2.0)";

    public override Task RemoveAsync(AppDbContext db, Guid advisoryId, CancellationToken cancellationToken = default) =>
        db.Database.ExecuteSqlRawAsync("DELETE FROM search_index WHERE rowid = {0};", [RowId(advisoryId)], cancellationToken);

    protected override Task ClearAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("INSERT INTO search_index(search_index) VALUES ('delete-all');", cancellationToken);

    public override Task<SearchResults> SearchAsync(AppDbContext db, SearchQuery query, SearchFilter filter, int page, int pageSize,
        CancellationToken cancellationToken = default)
    {
        if (query.IsEmpty) return Task.FromResult(new SearchResults([], 0));

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

        return PageAsync(db, query, sql, parameters.ToArray(), "SELECT count(*) AS \"Value\"" + from, filterParameters, page, cancellationToken);
    }

    /// <summary>
    /// The FTS5 query: every term must match; a term matches the stems in title/prose/facts, or the exact
    /// words (the second branch only lifts exact forms in bm25). Terms are rebuilt from folded words,
    /// which hold letters, digits and ʼ only, so no FTS5 syntax from the reader survives.
    /// </summary>
    public static string MatchExpression(SearchQuery query) =>
        string.Join(" AND ", query.Terms.Select(term => term.Alternatives.Count == 0
            ? Match(term)
            : "(" + string.Join(" OR ", term.Forms.Select(Match)) + ")"));

    private static string Match(SearchTerm term) => $"({{title prose facts}} : {Phrase(term.Stems)} OR words : {Phrase(term.Words)})";

    private static string Phrase(IEnumerable<string> words) =>
        "\"" + string.Join(' ', words).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    protected override Task InsertAsync(AppDbContext db, SearchDocument document, CancellationToken cancellationToken)
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
}
