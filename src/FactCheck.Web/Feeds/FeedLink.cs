namespace FactCheck;

/// <summary>A &lt;link rel="alternate"&gt; for feed autodiscovery.</summary>
public sealed record FeedLink(string Path, string MediaType, string FormatName, string? Label)
{
    public static IEnumerable<FeedLink> For(FeedScope scope) => FeedScope.Formats.Select(format => new FeedLink(
        scope.Path(format),
        FeedFormats.MediaType(format).Split(';')[0],
        format switch { FeedFormat.Rss => "RSS", FeedFormat.Atom => "Atom", _ => "JSON Feed" },
        scope.Label));
}
