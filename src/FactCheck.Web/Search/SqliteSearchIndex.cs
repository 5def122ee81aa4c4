using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>
/// Search on SQLite: an FTS5 table (Data/Migrations/Sqlite/0009_cold_path.sql) holding folded text only.
/// The database does no language work: <see cref="SearchText"/> splits and folds words, the table's
/// 'ascii' tokenizer merely splits that output at spaces, and queries are built from the same folded words.
/// Title, prose and facts hold stems (so "الطالب" finds "طالب"); 'meta' holds filter tokens (langar,
/// kindalert, verdict3, platform5, and id + the advisory's id for deleting). The rowid is the
/// advisory's <see cref="SearchIndex.SortKey"/>, so FTS5 returns matches newest first by itself and a
/// page stops after its rows: no join, no sort, no ranking function.
/// </summary>
public sealed class SqliteSearchIndex : SearchIndex
{
    private sealed record Matching(string All, string Title, string Rest);

    public override async Task RemoveAsync(AppDbContext db, Guid advisoryId, CancellationToken cancellationToken = default)
    {
        var rows = await db.Database.SqlQueryRaw<long>("SELECT rowid AS \"Value\" FROM search_index WHERE search_index MATCH {0}",
            [$"meta : \"{IdToken(advisoryId)}\""]).ToListAsync(cancellationToken);
        foreach (var row in rows)
            await db.Database.ExecuteSqlRawAsync("DELETE FROM search_index WHERE rowid = {0};", [row], cancellationToken);
    }

    protected override Task ClearAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("INSERT INTO search_index(search_index) VALUES ('delete-all');", cancellationToken);

    protected override async Task<object?> MatchingAsync(AppDbContext db, SearchQuery query, SearchFilter filter, CancellationToken cancellationToken)
    {
        if (await FilterIdsAsync(db, filter, cancellationToken) is not { } ids) return null;
        var meta = new List<string>();
        if (filter.Language is not null) meta.Add("lang" + filter.Language);
        if (filter.Kind is { } kind) meta.Add("kind" + kind.ToString().ToLowerInvariant());
        if (ids.RatingId is { } rating) meta.Add("verdict" + rating.ToString(CultureInfo.InvariantCulture));
        if (ids.PlatformId is { } platform) meta.Add("platform" + platform.ToString(CultureInfo.InvariantCulture));
        var filters = string.Concat(meta.Select(token => $"meta : \"{token}\" AND "));
        var everywhere = MatchExpression(query);
        var inTitle = Every(query, "title");
        return new Matching(filters + everywhere, $"{filters}{inTitle}", $"{filters}({everywhere}) NOT ({inTitle})");
    }

    protected override Task<int> CountAsync(AppDbContext db, object matching, Tier tier, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM search_index WHERE search_index MATCH {0}", [Expression((Matching)matching, tier)])
            .SingleAsync(cancellationToken);

    protected override Task<List<Guid>> PageAsync(AppDbContext db, object matching, Tier tier, int offset, int limit, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<Guid>("""
            SELECT advisory_id AS "Value" FROM search_index WHERE search_index MATCH {0}
            ORDER BY rowid DESC LIMIT {1} OFFSET {2}
            """, [Expression((Matching)matching, tier), limit, offset]).ToListAsync(cancellationToken);

    private static string Expression(Matching matching, Tier tier) => tier switch
    {
        Tier.Title => matching.Title,
        Tier.Rest => matching.Rest,
        _ => matching.All,
    };

    /// <summary>
    /// The FTS5 query: every term (by any of its forms) must match the stems of title, prose or facts. Terms are rebuilt from
    /// folded words, which hold letters, digits and ʼ only, so no FTS5 syntax from the reader survives.
    /// </summary>
    public static string MatchExpression(SearchQuery query) =>
        Every(query, "{title prose facts}");

    /// <summary>Every term in <paramref name="columns"/>, each by any of its forms (a platform's other names).</summary>
    private static string Every(SearchQuery query, string columns) =>
        string.Join(" AND ", query.Terms.Select(term => term.Alternatives.Count == 0
            ? $"{columns} : {Phrase(term.Stems)}"
            : "(" + string.Join(" OR ", term.Forms.Select(form => $"{columns} : {Phrase(form.Stems)}")) + ")"));

    private static string Phrase(IEnumerable<string> words) =>
        "\"" + string.Join(' ', words).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    protected override async Task InsertAsync(AppDbContext db, Advisory advisory, SearchDocument document, CancellationToken cancellationToken)
    {
        static string Stems(string text) => string.Join(' ', SearchText.Tokens(text).Select(t => t.Stem));
        // Two advisories published in the same second with the same 29 id bits would share a key: the
        // second takes the next free one (about one in half a billion pairs).
        var rowId = SortKey(advisory.PublishedAt ?? advisory.UpdatedAt, advisory.Id);
        while (await db.Database.SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM search_index WHERE rowid = {0}", [rowId])
                   .SingleAsync(cancellationToken) > 0)
            rowId++;
        // advisory_id is copied from the Advisories row so it is stored exactly as the provider stores Guids;
        // the filter tokens are made from the row and its platform links as they are in this transaction.
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO search_index (rowid, advisory_id, meta, title, prose, facts)
            SELECT {0}, a."Id",
                   'lang' || a."Language" || ' kind' || lower(a."Kind") || coalesce(' verdict' || a."RatingId", '') || ' ' || {1}
                   || coalesce((SELECT ' ' || group_concat('platform' || p."PlatformsId", ' ') FROM "AdvisoryPlatforms" AS p WHERE p."AdvisoriesId" = a."Id"), ''),
                   {2}, {3}, {4}
            FROM "Advisories" AS a WHERE a."Id" = {5};
            """,
            [rowId, IdToken(document.AdvisoryId), Stems(document.Title), Stems(document.Prose), Stems(document.Facts), document.AdvisoryId], cancellationToken);
    }

    /// <summary>The token that finds an advisory's row for deleting it.</summary>
    private static string IdToken(Guid id) => "id" + id.ToString("N");
}
