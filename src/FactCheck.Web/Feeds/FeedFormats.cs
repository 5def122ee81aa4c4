using System.Globalization;
using System.Xml;

namespace FactCheck;

/// <summary>Namespaces and machine formats shared by the feed writers.</summary>
public static class FeedFormats
{
    public const string AtomNamespace = "http://www.w3.org/2005/Atom";
    public const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    public const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";
    public const string MediaRssNamespace = "http://search.yahoo.com/mrss/";
    /// <summary>Our own elements (verdict, kind, severity, platform); documented in docs/feeds.md. A URN so it never depends on a host name.</summary>
    public const string FactCheckNamespace = "urn:factcheck:feed:1";

    public const string RssMediaType = "application/rss+xml; charset=utf-8";
    public const string AtomMediaType = "application/atom+xml; charset=utf-8";
    public const string JsonFeedMediaType = "application/feed+json; charset=utf-8";

    public static string MediaType(FeedFormat format) => format switch
    {
        FeedFormat.Rss => RssMediaType,
        FeedFormat.Atom => AtomMediaType,
        _ => JsonFeedMediaType,
    };

    public static string Extension(FeedFormat format) => format switch
    {
        FeedFormat.Rss => "rss",
        FeedFormat.Atom => "atom",
        _ => "json",
    };

    public static FeedFormat? Parse(string extension) => extension switch
    {
        "rss" => FeedFormat.Rss,
        "atom" => FeedFormat.Atom,
        "json" => FeedFormat.Json,
        _ => null,
    };

    /// <summary>RFC 822 as RSS wants it: English names, four-digit year, GMT — whatever the current culture.</summary>
    public static string Rfc822(DateTime utc) => Utc(utc).ToString("R", CultureInfo.InvariantCulture);

    /// <summary>RFC 3339 (Atom, JSON Feed, sitemaps, JSON-LD).</summary>
    public static string Rfc3339(DateTime utc) => Utc(utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string KindName(AdvisoryKind kind) => kind switch
    {
        AdvisoryKind.FactCheck => "fact-check",
        AdvisoryKind.Alert => "alert",
        _ => "explainer",
    };

    public static string SeverityName(Severity severity) => severity.ToString().ToLowerInvariant();

    /// <summary>Drops characters XML 1.0 cannot carry (control characters, noncharacters, lone surrogates), which would otherwise make the whole feed unreadable.</summary>
    public static string XmlSafe(string? text) => SafeText.Clean(text);

    public static XmlWriterSettings XmlSettings => new()
    {
        Encoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        NewLineChars = "\n",
    };

    private static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value.ToUniversalTime(), DateTimeKind.Utc);
}
