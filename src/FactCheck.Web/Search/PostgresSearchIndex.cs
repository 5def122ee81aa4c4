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
public sealed class PostgresSearchIndex : SearchIndex
{
    /// <summary>PostgreSQL keeps positions up to this; later words still match, phrases at the very end may not.</summary>
    private const int MaxPosition = 16383;

    public override Task RemoveAsync(AppDbContext db, Guid advisoryId, CancellationToken cancellationToken = default) =>
        db.Database.ExecuteSqlRawAsync("DELETE FROM search_index WHERE advisory_id = {0};", [advisoryId], cancellationToken);

    protected override Task ClearAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("DELETE FROM search_index;", cancellationToken);

    public override Task<SearchResults> SearchAsync(AppDbContext db, SearchQuery query, SearchFilter filter, int page, int pageSize,
        CancellationToken cancellationToken = default)
    {
        if (query.IsEmpty) return Task.FromResult(new SearchResults([], 0));

        var parameters = new SearchSql.Parameters();
        var stems = parameters.Add(TsQuery(query.Terms.Select(t => t.Forms.Select(f => f.Stems))));
        var words = parameters.Add(TsQuery(query.Terms.Select(t => t.Forms.Select(f => f.Words))));
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

        return PageAsync(db, query, sql, parameters.ToArray(), "SELECT CAST(count(*) AS integer) AS \"Value\"" + from, filterParameters, page, cancellationToken);
    }

    /// <summary>A tsquery in PostgreSQL's text form: terms joined by &amp;, the words of a phrase by &lt;-&gt;.</summary>
    public static string TsQuery(IEnumerable<IReadOnlyList<string>> terms) => TsQuery(terms.Select(words => new[] { words }));

    /// <summary>As above, each term with alternative forms joined by | (a platform's names in other scripts).</summary>
    public static string TsQuery(IEnumerable<IEnumerable<IReadOnlyList<string>>> terms) =>
        string.Join(" & ", terms.Select(forms => "(" + string.Join(" | ", forms.Select(words => "(" + string.Join(" <-> ", words.Select(Lexeme)) + ")")) + ")"));

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

    protected override Task InsertAsync(AppDbContext db, SearchDocument document, CancellationToken cancellationToken)
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
}
