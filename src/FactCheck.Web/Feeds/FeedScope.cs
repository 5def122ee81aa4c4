namespace FactCheck;

/// <summary>
/// Which advisories a feed carries: one language, optionally narrowed to one verdict, platform or tag.
/// URL forms (docs/feeds.md): /{lang}/feed.rss, /{lang}/verdict/{key}/feed.rss,
/// /{lang}/platform/{key}/feed.rss, /{lang}/tag/{name}/feed.rss — and .atom, .json.
/// </summary>
/// <param name="Value">The verdict or platform key, or the tag name; null for the language feed.</param>
/// <param name="Label">What readers call it (verdict label, platform name), for link titles.</param>
public sealed record FeedScope(SiteLanguage Language, FeedFacet Facet = FeedFacet.All, string? Value = null, string? Label = null)
{
    public static readonly IReadOnlyList<FeedFormat> Formats = [FeedFormat.Rss, FeedFormat.Atom, FeedFormat.Json];

    public string Path(FeedFormat format)
    {
        var file = "feed." + FeedFormats.Extension(format);
        return Facet switch
        {
            FeedFacet.All => $"/{Language.Code}/{file}",
            _ => $"/{Language.Code}/{FacetSegment}/{Uri.EscapeDataString(Value ?? "")}/{file}",
        };
    }

    /// <summary>The HTML page that lists the same advisories.</summary>
    public string ListPath => Facet switch
    {
        FeedFacet.All => $"/{Language.Code}/",
        _ => new ListFilter(
            Facet == FeedFacet.Verdict ? Value : null,
            Facet == FeedFacet.Platform ? Value : null,
            Facet == FeedFacet.Tag ? Value : null).ToPath(Language, 1),
    };

    private string FacetSegment => Facet switch
    {
        FeedFacet.Verdict => "verdict",
        FeedFacet.Platform => "platform",
        _ => "tag",
    };

    /// <summary>The scheme URL of a category kind in this language: scheme + escaped term is its public list.</summary>
    public static string CategoryScheme(string baseUrl, SiteLanguage language, FeedFacet facet) => facet switch
    {
        FeedFacet.Verdict => $"{baseUrl}/{language.Code}/advisories?verdict=",
        FeedFacet.Platform => $"{baseUrl}/{language.Code}/advisories?platform=",
        _ => $"{baseUrl}/{language.Code}/advisories?tag=",
    };

    /// <summary>
    /// A list filtered by exactly one facet has a feed of its own; other filter combinations do not.
    /// <paramref name="label"/> names a verdict or platform key, or returns null when there is no such one.
    /// </summary>
    public static FeedScope? ForFilter(SiteLanguage language, ListFilter filter, Func<FeedFacet, string, string?> label) =>
        filter switch
        {
            { Verdict: { } v, Platform: null, Tag: null } => label(FeedFacet.Verdict, v) is { } name ? new FeedScope(language, FeedFacet.Verdict, v, name) : null,
            { Verdict: null, Platform: { } p, Tag: null } => label(FeedFacet.Platform, p) is { } name ? new FeedScope(language, FeedFacet.Platform, p, name) : null,
            { Verdict: null, Platform: null, Tag: { } t } => new FeedScope(language, FeedFacet.Tag, t, t),
            _ => null,
        };
}
