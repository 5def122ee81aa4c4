using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>Reads what the editor shows about translations: a translation's source with its changes, and the story's other languages.</summary>
public sealed class AdvisoryTranslations(AppDbContext db, AdvisoryWorkflow workflow)
{
    /// <summary>The source of <paramref name="advisory"/> when it was made with "Translate into…" and the source still exists.</summary>
    public async Task<TranslationSource?> SourceAsync(Advisory advisory, Func<string, string, string>? shown = null)
    {
        if (advisory.TranslatedFromId is not { } sourceId || advisory.TranslatedFromRevision is not { } madeFrom) return null;
        var source = await db.Advisories.AsNoTracking().Where(a => a.Id == sourceId).Select(a => new { a.Language, a.Status }).FirstOrDefaultAsync();
        if (source is null || await workflow.ContentAsync(sourceId) is not { } current) return null;
        var (recorded, latest) = await RevisionsAsync(sourceId, madeFrom);
        return new TranslationSource(sourceId, SiteLanguage.Find(source.Language) ?? SiteLanguage.Default, source.Status, current, madeFrom, latest,
            recorded is null ? [] : AdvisoryTranslation.ChangesSince(recorded, current, shown),
            AdvisoryTranslation.Untranslated(AdvisoryContent.Of(advisory), current));
    }

    /// <summary>The other advisories of <paramref name="advisory"/>'s story, each with whether it is a translation its source has moved away from.</summary>
    public async Task<IReadOnlyList<TranslationMember>> StoryAsync(Advisory advisory)
    {
        if (advisory.TranslationKey is null) return [];
        var members = await db.Advisories.AsNoTracking().Where(a => a.TranslationKey == advisory.TranslationKey && a.Id != advisory.Id)
            .OrderBy(a => a.Language).Select(a => new { a.Id, a.Title, a.Language, a.Status, a.TranslatedFromId, a.TranslatedFromRevision }).ToListAsync();
        var result = new List<TranslationMember>();
        foreach (var m in members)
        {
            var outOfDate = false;
            if (m is { TranslatedFromId: { } sourceId, TranslatedFromRevision: { } madeFrom } && await workflow.ContentAsync(sourceId) is { } current)
            {
                var (recorded, _) = await RevisionsAsync(sourceId, madeFrom);
                outOfDate = recorded is not null && AdvisoryTranslation.ChangesSince(recorded, current).Count > 0;
            }
            result.Add(new TranslationMember(m.Id, m.Title, SiteLanguage.Find(m.Language) ?? SiteLanguage.Default, m.Status,
                advisory.TranslatedFromId == m.Id, m.TranslatedFromId == advisory.Id, outOfDate));
        }
        return result;
    }

    /// <summary>The source's content at revision <paramref name="madeFrom"/>, and the number of its latest revision.</summary>
    private async Task<(AdvisoryContent? Recorded, int Latest)> RevisionsAsync(Guid sourceId, int madeFrom)
    {
        var snapshot = await db.AdvisoryRevisions.Where(r => r.AdvisoryId == sourceId && r.Number == madeFrom).Select(r => r.Snapshot).FirstOrDefaultAsync();
        var latest = await db.AdvisoryRevisions.Where(r => r.AdvisoryId == sourceId && r.Reason != RevisionReason.Conflict).MaxAsync(r => (int?)r.Number) ?? madeFrom;
        return (snapshot is null ? null : AdvisoryContent.FromJson(snapshot), latest);
    }
}
