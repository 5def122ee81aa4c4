using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>Turns ranked advisory ids into results with highlighted titles and snippets; the same for every provider.</summary>
public static class SearchHits
{
    public static async Task<IReadOnlyList<SearchHit>> LoadAsync(AppDbContext db, IReadOnlyList<Guid> rankedIds, SearchQuery query,
        CancellationToken cancellationToken = default)
    {
        if (rankedIds.Count == 0) return [];
        var advisories = await db.Advisories.AsNoTracking()
            .Where(a => rankedIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Language, a.Slug, a.Title, a.Summary, a.ClaimText, a.Body, a.Steps, a.Kind, a.Rating, PublishedAt = a.PublishedAt!.Value })
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        // Platforms through the link table, in queries of their own: projected inside the query above,
        // SQLite materializes the whole AdvisoryPlatforms table for every search (half a second at 100,000).
        var links = await db.Set<Dictionary<string, object>>("AdvisoryPlatforms")
            .Where(l => rankedIds.Contains(EF.Property<Guid>(l, "AdvisoriesId")))
            .Select(l => new { AdvisoryId = EF.Property<Guid>(l, "AdvisoriesId"), PlatformId = EF.Property<int>(l, "PlatformsId") })
            .ToListAsync(cancellationToken);
        var platformsById = await db.Platforms.ToDictionaryAsync(p => p.Id, cancellationToken);
        var platforms = links.ToLookup(l => l.AdvisoryId, l => platformsById[l.PlatformId]);

        var stems = query.Stems;
        return rankedIds.Where(advisories.ContainsKey).Select(id =>
        {
            var a = advisories[id];
            var language = SiteLanguage.Find(a.Language) ?? SiteLanguage.Default;
            return new SearchHit(
                a.Id, language, $"/{language.Code}/advisories/{Uri.EscapeDataString(a.Slug)}",
                SearchSnippets.Highlight(a.Title, stems),
                SearchSnippets.Snippet(SearchDocument.Passages(a.Summary, a.ClaimText, a.Body, a.Steps), stems),
                a.Kind, a.Rating, a.PublishedAt, platforms[id].Select(p => p.NameIn(language.Code)).Order(StringComparer.Ordinal).ToList());
        }).ToList();
    }
}
