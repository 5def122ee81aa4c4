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
