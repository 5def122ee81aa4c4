namespace FactCheck;

/// <summary>
/// Full-text search over published advisories. The index lives in the site's own database and is
/// written through the caller's <see cref="AppDbContext"/>, so an index change commits or rolls back
/// together with the edit that caused it. One implementation per database provider
/// (<see cref="SqliteSearchIndex"/>: FTS5; <see cref="PostgresSearchIndex"/>: tsvector + GIN), chosen in SiteSetup.
/// Text is folded by <see cref="SearchText"/> before it reaches the database, for indexing and queries alike.
/// </summary>
public interface ISearchIndex
{
    /// <summary>
    /// Brings the advisory's entry up to date: indexed when it is published, removed otherwise (draft,
    /// scheduled, withdrawn, deleted). Reads the advisory from <paramref name="db"/>, so call it after
    /// SaveChanges and before the transaction commits.
    /// </summary>
    Task UpdateAsync(AppDbContext db, Advisory advisory, CancellationToken cancellationToken = default);

    /// <summary>Drops the advisory from the index (e.g. before deleting it).</summary>
    Task RemoveAsync(AppDbContext db, Guid advisoryId, CancellationToken cancellationToken = default);

    /// <summary>Empties the index and indexes every published advisory again. Returns how many were indexed.</summary>
    Task<int> RebuildAsync(AppDbContext db, CancellationToken cancellationToken = default);

    /// <summary>
    /// Rebuilds when the index is empty but published advisories exist: the first start after the
    /// migration created the index, or a database filled by other means. Returns how many were indexed.
    /// </summary>
    Task<int> RebuildIfEmptyAsync(AppDbContext db, CancellationToken cancellationToken = default);

    /// <summary>Ranked published advisories matching every term of <paramref name="query"/>, best first, one page of them.</summary>
    Task<SearchResults> SearchAsync(AppDbContext db, SearchQuery query, SearchFilter filter, int page, int pageSize,
        CancellationToken cancellationToken = default);
}

/// <param name="Language">Only advisories in this language; null for all languages.</param>
/// <param name="Verdict">A rating key ("scam").</param>
/// <param name="Platform">A platform key ("whatsapp").</param>
public sealed record SearchFilter(string? Language, string? Verdict = null, string? Platform = null, AdvisoryKind? Kind = null);

/// <param name="Total">Matches over all pages.</param>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total);

/// <summary>One result, with its title and a passage of its text highlighted (already HTML: encoded, with &lt;mark&gt;).</summary>
public sealed record SearchHit(
    Guid Id, SiteLanguage Language, string Path, string TitleHtml, string SnippetHtml,
    AdvisoryKind Kind, Rating? Rating, DateTime PublishedAt, IReadOnlyList<string> Platforms);
