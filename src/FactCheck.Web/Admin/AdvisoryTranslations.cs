using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>The advisory a translation was made from, as the translation's editor sees it: its texts, and how it changed since.</summary>
/// <param name="MadeFrom">The source's revision the translation matches (made from, or last marked up to date with).</param>
/// <param name="Latest">The source's revision holding its current content.</param>
/// <param name="Changes">What changed in the source between the two (<see cref="AdvisoryTranslation.ChangesSince"/>); none: up to date.</param>
/// <param name="Untranslated">The translation's texts still word for word the source's (<see cref="AdvisoryTranslation.Untranslated"/>).</param>
public sealed record TranslationSource(Guid Id, SiteLanguage Language, AdvisoryStatus Status, AdvisoryContent Content, int MadeFrom, int Latest,
    IReadOnlyList<FieldDifference> Changes, IReadOnlyList<string> Untranslated)
{
    public bool OutOfDate => Changes.Count > 0;

    /// <summary>The source's text for an editor input (by its name), to show beside it; null for inputs that are not translated, or when the source has none.</summary>
    public string? TextOf(string input) => SourceTextOf(input) is { Length: > 0 } text ? text : null;

    private string? SourceTextOf(string input) => input switch
    {
        nameof(AdvisoryContent.Title) => Content.Title,
        nameof(AdvisoryContent.Summary) => Content.Summary,
        nameof(AdvisoryContent.Body) => Content.Body,
        nameof(AdvisoryContent.ClaimText) => Content.ClaimText,
        nameof(AdvisoryContent.Steps) => string.Join('\n', Content.Steps),
        nameof(AdvisoryContent.Tags) => string.Join(", ", Content.Tags),
        _ => null,
    };

    /// <summary>The source's alt text and caption of the same stored image.</summary>
    public AdvisoryContent.ScreenshotEntry? ScreenshotOf(Screenshot shot) =>
        Content.Screenshots.FirstOrDefault(s => s.Image == (shot.Fallback?.FileName ?? ""));
}

/// <summary>A source text shown beside the input that translates it (Views/Admin/AdvisoryEditor/_SourceText.cshtml).</summary>
public sealed record SourceText(SiteLanguage Language, string Text);

/// <summary>Another advisory telling the same story; <paramref name="OutOfDate"/> when it is a translation whose source changed since.</summary>
public sealed record TranslationMember(Guid Id, string Title, SiteLanguage Language, AdvisoryStatus Status, bool IsSourceOfThis, bool IsTranslationOfThis, bool OutOfDate);

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
