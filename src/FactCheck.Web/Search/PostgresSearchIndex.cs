using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>
/// Search on PostgreSQL: one row per published advisory in search_index (Data/Migrations/Postgres/0002_search.sql)
/// with a GIN-indexed tsvector. As on SQLite, <see cref="SearchText"/> does all the language work: the
/// tsvector and tsquery are written out lexeme by lexeme (with positions and weights), so PostgreSQL's
/// parser and dictionaries never touch the text and both providers find exactly the same advisories.
/// document: stems, weight A title, B facts, C prose; words: the exact folded words, for ranking only.
/// </summary>
public sealed class PostgresSearchIndex : ISearchIndex
{
    /// <summary>PostgreSQL keeps positions up to this; later words still match, phrases at the very end may not.</summary>
    private const int MaxPosition = 16383;
    private const int RebuildBatch = 500;

    public async Task UpdateAsync(AppDbContext db, Advisory advisory, CancellationToken cancellationToken = default)
    {
        await RemoveAsync(db, advisory.Id, cancellationToken);
        var current = await db.Advisories.AsNoTracking().FirstOrDefaultAsync(a => a.Id == advisory.Id, cancellationToken);
        if (current is { Status: AdvisoryStatus.Published })
            await InsertAsync(db, (await SearchDocument.LoadAsync(db, [current], cancellationToken)).Single(), cancellationToken);
    }

    public Task RemoveAsync(AppDbContext db, Guid advisoryId, CancellationToken cancellationToken = default) =>
        db.Database.ExecuteSqlRawAsync("DELETE FROM search_index WHERE advisory_id = {0};", [advisoryId], cancellationToken);

    public async Task<int> RebuildAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM search_index;", cancellationToken);
            var count = 0;
            for (var skip = 0; ; skip += RebuildBatch)
            {
                var batch = await db.Advisories.AsNoTracking().Where(a => a.Status == AdvisoryStatus.Published)
                    .OrderBy(a => a.Id).Skip(skip).Take(RebuildBatch).ToListAsync(cancellationToken);
                foreach (var document in await SearchDocument.LoadAsync(db, batch, cancellationToken))
                    await InsertAsync(db, document, cancellationToken);
                count += batch.Count;
                if (batch.Count < RebuildBatch) break;
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
        var indexed = await db.Database.SqlQueryRaw<int>("SELECT CASE WHEN EXISTS (SELECT 1 FROM search_index) THEN 1 ELSE 0 END AS \"Value\"")
            .SingleAsync(cancellationToken);
        if (indexed == 1 || !await db.PublishedAdvisories.AnyAsync(cancellationToken)) return 0;
        return await RebuildAsync(db, cancellationToken);
    }

    public async Task<SearchResults> SearchAsync(AppDbContext db, SearchQuery query, SearchFilter filter, int page, int pageSize,
        CancellationToken cancellationToken = default)
    {
        if (query.IsEmpty) return new SearchResults([], 0);

        var parameters = new SearchSql.Parameters();
        var stems = parameters.Add(TsQuery(query.Terms.Select(t => t.Stems)));
        var words = parameters.Add(TsQuery(query.Terms.Select(t => t.Words)));
        var conditions = SearchSql.Conditions(filter, parameters.Add);
        var from = $"""

            FROM search_index AS s JOIN "Advisories" AS a ON a."Id" = s.advisory_id
            WHERE s.document @@ CAST({stems} AS tsquery)
              AND {string.Join("\n  AND ", conditions)}
            """;
        var filterParameters = parameters.ToArray();
        var sql = $"""
            SELECT a."Id" AS "Id", CAST(count(*) OVER () AS integer) AS "Total"
            {from}
            ORDER BY ts_rank(s.document, CAST({stems} AS tsquery)) + 0.5 * ts_rank(s.words, CAST({words} AS tsquery)) DESC, a."PublishedAt" DESC
            LIMIT {parameters.Add(pageSize)} OFFSET {parameters.Add((page - 1) * pageSize)}
            """;

        var rows = await db.Database.SqlQueryRaw<Row>(sql, parameters.ToArray()).ToListAsync(cancellationToken);
        var total = rows.Count > 0 ? rows[0].Total : 0;
        if (rows.Count == 0 && page > 1)
        {
            var count = "SELECT CAST(count(*) AS integer) AS \"Value\"" + from;
            total = await db.Database.SqlQueryRaw<int>(count, filterParameters).SingleAsync(cancellationToken);
        }
        return new SearchResults(await SearchHits.LoadAsync(db, rows.Select(r => r.Id).ToList(), query, cancellationToken), total);
    }

    /// <summary>A tsquery in PostgreSQL's text form: terms joined by &amp;, the words of a phrase by &lt;-&gt;.</summary>
    public static string TsQuery(IEnumerable<IReadOnlyList<string>> terms) =>
        string.Join(" & ", terms.Select(words => "(" + string.Join(" <-> ", words.Select(Lexeme)) + ")"));

    /// <summary>A tsvector in PostgreSQL's text form: 'lexeme':position+weight, …</summary>
    public static string TsVector(params (IEnumerable<string> Lexemes, char Weight)[] parts)
    {
        var positions = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        var position = 0;
        foreach (var (lexemes, weight) in parts)
        {
            foreach (var lexeme in lexemes)
            {
                position = Math.Min(position + 1, MaxPosition);
                if (!positions.TryGetValue(lexeme, out var list)) positions[lexeme] = list = [];
                // PostgreSQL keeps at most 256 positions per lexeme.
                if (list.Count < 256) list.Add(position.ToString(CultureInfo.InvariantCulture) + weight);
            }
            position = Math.Min(position + 100, MaxPosition); // no phrase spans two parts
        }
        var vector = new StringBuilder();
        foreach (var (lexeme, list) in positions)
            vector.Append(Lexeme(lexeme)).Append(':').Append(string.Join(',', list)).Append(' ');
        return vector.ToString().TrimEnd();
    }

    private static string Lexeme(string word) =>
        "'" + word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";

    private static Task InsertAsync(AppDbContext db, SearchDocument document, CancellationToken cancellationToken)
    {
        var title = SearchText.Tokens(document.Title);
        var prose = SearchText.Tokens(document.Prose);
        var facts = SearchText.Tokens(document.Facts);
        var stems = TsVector((title.Select(t => t.Stem), 'A'), (facts.Select(t => t.Stem), 'B'), (prose.Select(t => t.Stem), 'C'));
        var words = TsVector((title.Concat(facts).Concat(prose).Select(t => t.Word), 'D'));
        return db.Database.ExecuteSqlRawAsync(
            "INSERT INTO search_index (advisory_id, document, words) VALUES ({0}, CAST({1} AS tsvector), CAST({2} AS tsvector));",
            [document.AdvisoryId, stems, words], cancellationToken);
    }

    private sealed class Row
    {
        public Guid Id { get; set; }
        public int Total { get; set; }
    }
}
