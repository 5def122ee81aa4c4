using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>
/// An advisory's text as the search index sees it, in three parts weighted differently when ranking:
/// the title; the prose (summary, claim, body, what to do); and the short facts (tags, platforms,
/// indicators, claimant, where the claim appeared).
/// </summary>
public sealed record SearchDocument(Guid AdvisoryId, string Title, string Prose, string Facts)
{
    /// <summary>The document of an advisory's content; platforms are named as readers see them (the content holds their keys).</summary>
    public static SearchDocument Of(Guid advisoryId, AdvisoryContent content, IEnumerable<string> platformNames) => new(
        advisoryId,
        content.Title,
        string.Join('\n', Passages(content.Summary, content.ClaimText, content.Body, content.Steps)),
        string.Join('\n', new[] { content.Claimant ?? "" }
            .Concat(content.Tags)
            .Concat(platformNames)
            .Concat(content.Indicators.SelectMany(i => new[] { i.Raw, i.Normalized }))
            .Concat(content.ClaimAppearances)));

    /// <summary>
    /// The documents of <paramref name="advisories"/> (loaded without navigations), with their platforms,
    /// tags and indicators read by advisory id. Not through Include: for a many-to-many include SQLite
    /// materializes the whole link table on every load.
    /// </summary>
    public static async Task<List<SearchDocument>> LoadAsync(AppDbContext db, IReadOnlyList<Advisory> advisories, CancellationToken cancellationToken = default)
    {
        if (advisories.Count == 0) return [];
        var ids = advisories.Select(a => a.Id).ToList();
        var platformLinks = await Links(db, "AdvisoryPlatforms", "PlatformsId", ids).ToListAsync(cancellationToken);
        var tagLinks = await Links(db, "AdvisoryTags", "TagsId", ids).ToListAsync(cancellationToken);
        var platformIds = platformLinks.Select(l => l.TargetId).Distinct().ToList();
        var tagIds = tagLinks.Select(l => l.TargetId).Distinct().ToList();
        // Every name of a platform (English, Arabic, Ukrainian), so a search in any of them finds it.
        var platformNames = await db.Platforms.Where(p => platformIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => string.Join(' ', new[] { p.Name, p.NameAr, p.NameUk }.OfType<string>().Distinct()), cancellationToken);
        var tagNames = await db.Tags.Where(t => tagIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var indicators = (await db.Indicators.AsNoTracking().Where(i => ids.Contains(i.AdvisoryId)).ToListAsync(cancellationToken))
            .ToLookup(i => i.AdvisoryId);
        var platforms = platformLinks.ToLookup(l => l.AdvisoryId, l => platformNames[l.TargetId]);
        var tags = tagLinks.ToLookup(l => l.AdvisoryId, l => tagNames[l.TargetId]);
        return advisories.Select(a => Of(a.Id, new AdvisoryContent
        {
            Title = a.Title, Summary = a.Summary, ClaimText = a.ClaimText, Body = a.Body, Steps = a.Steps, Claimant = a.Claimant,
            ClaimAppearances = a.ClaimAppearances, Tags = [.. tags[a.Id]],
            Indicators = indicators[a.Id].Select(i => new AdvisoryContent.IndicatorEntry(i.Type, i.Raw, i.Normalized, i.Country, i.FirstSeen, i.LastSeen)).ToList(),
        }, platforms[a.Id])).ToList();
    }

    private sealed record Link(Guid AdvisoryId, int TargetId);

    private static IQueryable<Link> Links(AppDbContext db, string table, string targetColumn, List<Guid> ids) =>
        db.Set<Dictionary<string, object>>(table)
            .Where(l => ids.Contains(EF.Property<Guid>(l, "AdvisoriesId")))
            .Select(l => new Link(EF.Property<Guid>(l, "AdvisoriesId"), EF.Property<int>(l, targetColumn)));

    /// <summary>The readable passages of an advisory, in the order a snippet prefers them.</summary>
    public static IEnumerable<string> Passages(string summary, string? claim, string bodyMarkdown, IEnumerable<string> steps)
    {
        yield return summary;
        if (!string.IsNullOrWhiteSpace(claim)) yield return claim;
        yield return PlainText(bodyMarkdown);
        foreach (var step in steps) yield return step;
    }

    /// <summary>
    /// Markdown without its markup: what a reader reads, so link targets and emphasis marks are not searched
    /// or shown. A body Markdig refuses (nested too deep) is indexed as it is: readers see it as plain text too (BodyRendering).
    /// </summary>
    public static string PlainText(string markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        try
        {
            return Markdig.Markdown.ToPlainText(markdown);
        }
        catch (ArgumentException)
        {
            return markdown;
        }
    }
}
