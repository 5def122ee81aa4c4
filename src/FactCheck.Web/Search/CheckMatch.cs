namespace FactCheck;

/// <summary>An advisory that lists the checked indicator.</summary>
public sealed record CheckMatch(
    string Title, string Path, SiteLanguage Language, AdvisoryKind Kind, Rating? Rating, DateTime PublishedAt, DateTime UpdatedAt,
    IndicatorType IndicatorType, string IndicatorDisplay)
{
    /// <summary>The same story in other languages: one card, in the reader's language where there is one.</summary>
    public IReadOnlyList<TranslationLink> AlsoIn { get; init; } = [];
}
