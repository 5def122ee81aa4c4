namespace FactCheck;

/// <summary>What the public layout needs from every page's view model.</summary>
public abstract class PublicPage
{
    public required SiteLanguage Language { get; init; }
    /// <summary>The document title, without the site name.</summary>
    public required string Title { get; init; }
    public string? Description { get; init; }
    /// <summary>Site-relative canonical path; null for pages that should not be indexed (errors).</summary>
    public string? CanonicalPath { get; init; }
    /// <summary>This page in other languages: translations where they exist, otherwise the language homes.</summary>
    public IReadOnlyList<LanguageLink> LanguageLinks { get; init; } = [];
    /// <summary>A filtered list's own feed, offered for autodiscovery beside the language feeds.</summary>
    public FeedScope? FilteredFeed { get; init; }
    /// <summary>OpenGraph/Twitter card details of article pages; other pages share as "website".</summary>
    public SharingCard? Sharing { get; init; }
    /// <summary>JSON-LD (ClaimReview), serialized with &lt; &gt; &amp; escaped so it cannot end its script element.</summary>
    public string? StructuredData { get; init; }
}
