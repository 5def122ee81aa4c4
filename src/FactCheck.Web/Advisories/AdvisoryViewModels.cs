namespace FactCheck;

/// <summary>One advisory in a list.</summary>
public sealed record AdvisoryCard(
    string Title, string Summary, string Path, AdvisoryKind Kind, Rating? Rating, Severity? Severity,
    DateTime PublishedAt, IReadOnlyList<string> Platforms, Screenshot? Thumbnail = null);

public sealed class AdvisoryListPage : PublicPage
{
    public required string Heading { get; init; }
    public required IReadOnlyList<AdvisoryCard> Items { get; init; }
    public required ListFilter Filter { get; init; }
    public required int Page { get; init; }
    public required int TotalPages { get; init; }
    public required int TotalItems { get; init; }
    public required IReadOnlyList<Rating> Ratings { get; init; }
    public required IReadOnlyList<Platform> Platforms { get; init; }
    /// <summary>The home page shows the latest advisories without the filter form.</summary>
    public bool IsHome { get; init; }

    public string PagePath(int page) => Filter.ToPath(Language, page);
}

public sealed class AdvisoryPage : PublicPage
{
    public required Advisory Advisory { get; init; }
    /// <summary>The body through the Markdown pipeline: sanitized, safe to emit raw.</summary>
    public required string BodyHtml { get; init; }
    public required IReadOnlyList<TranslationLink> Translations { get; init; }
    /// <summary>
    /// Where the screenshots' files are served: /media/ for published advisories; previews of unpublished
    /// work use addresses that check who asks (MediaAccess), since /media serves only what readers may see.
    /// </summary>
    public string MediaPath { get; init; } = MediaAccess.PublicPath;
    public string MediaUrl(ScreenshotFile file) => MediaPath + file.FileName;
}

public sealed record TranslationLink(SiteLanguage Language, string Path, string Title);

public sealed class WithdrawnPage : PublicPage
{
    public required string AdvisoryTitle { get; init; }
    public string? Reason { get; init; }
    public DateTime? WithdrawnAt { get; init; }
}
