using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>
/// Search on PostgreSQL: one row per published advisory in search_index (Data/Migrations/Postgres/0002_search.sql)
/// with a GIN-indexed tsvector. As on SQLite, <see cref="SearchText"/> does all the language work: the
/// tsvector and tsquery are written out lexeme by lexeme (with positions and weights), so PostgreSQL's
/// parser and dictionaries never touch the text and both providers find exactly the same advisories.
/// document: stems, weight A title, B facts, C prose (a term "in the title" is one matching with weight A).
/// Each row also has the advisory's language and <see cref="SearchIndex.SortKey"/>, with an index on the
/// two: for a common word the planner walks that index newest first and stops after a page; for a rare
/// one it takes the GIN index and sorts the few matches.
/// </summary>
public sealed class PostgresSearchIndex : SearchIndex
{
    /// <summary>PostgreSQL keeps positions up to this; later words still match, phrases at the very end may not.</summary>
    private const int MaxPosition = 16383;

    public override Task RemoveAsync(AppDbContext db, Guid advisoryId, CancellationToken cancellationToken = default) =>
        db.Database.ExecuteSqlRawAsync("DELETE FROM search_index WHERE advisory_id = {0};", [advisoryId], cancellationToken);

    protected override Task ClearAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("DELETE FROM search_index;", cancellationToken);

    private sealed record Matching(string From, List<string> Conditions, object[] Parameters, string All, string Title);

    protected override async Task<object?> MatchingAsync(AppDbContext db, SearchQuery query, SearchFilter filter, CancellationToken cancellationToken)
    {
        if (await FilterIdsAsync(db, filter, cancellationToken) is not { } ids) return null;
        var parameters = new SearchSql.Parameters();
        var all = parameters.Add(TsQuery(query.Terms.Select(t => t.Forms.Select(f => f.Stems))));
        var title = parameters.Add(TsQuery(query.Terms.Select(t => t.Forms.Select(f => f.Stems)), weight: "A"));
        var conditions = new List<string>();
        if (filter.Language is not null) conditions.Add("s.language = " + parameters.Add(filter.Language));
        // Kind, verdict and platform live on the advisory; only those filters join it.
        var advisory = SearchSql.Conditions(filter with { Language = null }, ids.RatingId, ids.PlatformId, parameters.Add);
        conditions.AddRange(advisory);
        var from = advisory.Count == 0 ? "search_index AS s" : "search_index AS s JOIN \"Advisories\" AS a ON a.\"Id\" = s.advisory_id";
        return new Matching(from, conditions, parameters.ToArray(),
            $"s.document @@ CAST({all} AS tsquery)", $"s.document @@ CAST({title} AS tsquery)");
    }

    private static string Where(Matching matching, Tier tier) => string.Join("\n  AND ", matching.Conditions.Prepend(tier switch
    {
        Tier.Title => matching.Title,
        Tier.Rest => $"{matching.All} AND NOT ({matching.Title})",
        _ => matching.All,
    }));

    protected override Task<int> CountAsync(AppDbContext db, object matching, Tier tier, CancellationToken cancellationToken)
    {
        var m = (Matching)matching;
        var sql = $"SELECT CAST(count(*) AS integer) AS \"Value\" FROM {m.From} WHERE {Where(m, tier)}";
        return db.Database.SqlQueryRaw<int>(sql, m.Parameters).SingleAsync(cancellationToken);
    }

    protected override Task<List<Guid>> PageAsync(AppDbContext db, object matching, Tier tier, int offset, int limit, CancellationToken cancellationToken)
    {
        var m = (Matching)matching;
        var parameters = m.Parameters.Append(limit).Append(offset).ToArray();
        var (limitAt, offsetAt) = ("{" + (parameters.Length - 2) + "}", "{" + (parameters.Length - 1) + "}");
        var sql = $"""
            SELECT s.advisory_id AS "Value" FROM {m.From} WHERE {Where(m, tier)}
            ORDER BY s.sort_key DESC, s.advisory_id DESC LIMIT {limitAt} OFFSET {offsetAt}
            """;
        return db.Database.SqlQueryRaw<Guid>(sql, parameters).ToListAsync(cancellationToken);
    }

    /// <summary>A tsquery in PostgreSQL's text form: terms joined by &amp;, the words of a phrase by &lt;-&gt;.</summary>
    public static string TsQuery(IEnumerable<IReadOnlyList<string>> terms) => TsQuery(terms.Select(words => new[] { words }));

    /// <summary>
    /// As above, each term with alternative forms joined by | (a platform's names in other scripts); with a
    /// weight, every lexeme must carry it ('word':A matches title words only).
    /// </summary>
    public static string TsQuery(IEnumerable<IEnumerable<IReadOnlyList<string>>> terms, string weight = "") =>
        string.Join(" & ", terms.Select(forms => "(" + string.Join(" | ", forms.Select(words =>
            "(" + string.Join(" <-> ", words.Select(w => Lexeme(w) + (weight.Length > 0 ? ":" + weight : ""))) + ")")) + ")"));

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

    protected override Task InsertAsync(AppDbContext db, Advisory advisory, SearchDocument document, CancellationToken cancellationToken)
    {
        var title = SearchText.Tokens(document.Title);
        var prose = SearchText.Tokens(document.Prose);
        var facts = SearchText.Tokens(document.Facts);
        var stems = TsVector((title.Select(t => t.Stem), 'A'), (facts.Select(t => t.Stem), 'B'), (prose.Select(t => t.Stem), 'C'));
        return db.Database.ExecuteSqlRawAsync(
            "INSERT INTO search_index (advisory_id, document, language, sort_key) VALUES ({0}, CAST({1} AS tsvector), {2}, {3});",
            [document.AdvisoryId, stems, advisory.Language, SortKey(advisory.PublishedAt ?? advisory.UpdatedAt, advisory.Id)], cancellationToken);
    }
}
