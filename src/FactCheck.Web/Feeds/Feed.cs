using System.Globalization;
using System.Xml;

namespace FactCheck;

public enum FeedFormat { Rss, Atom, Json }

/// <summary>One feed, ready to be written in any format: every URL absolute, every date UTC.</summary>
public sealed record Feed(
    string Title,
    string Description,
    SiteLanguage Language,
    string HomeUrl,
    string SelfUrl,
    DateTime Updated,
    FeedPublisher Publisher,
    IReadOnlyList<FeedEntry> Entries);

/// <param name="AboutUrl">The public page that documents the rating numbers (the methodology page).</param>
public sealed record FeedPublisher(string Name, string Url, string AboutUrl);

/// <param name="Id">The advisory id: feed ids derive from it, so they survive slug edits.</param>
/// <param name="ContentHtml">Sanitized HTML with absolute URLs, wrapped in an element carrying lang and dir.</param>
/// <param name="Updated">Moves when a correction or update is published.</param>
public sealed record FeedEntry(
    Guid Id,
    string Title,
    string Summary,
    string Url,
    string ContentHtml,
    DateTime Published,
    DateTime Updated,
    IReadOnlyList<string> Authors,
    AdvisoryKind Kind,
    FeedVerdict? Verdict,
    Severity? Severity,
    IReadOnlyList<FeedCategory> Platforms,
    IReadOnlyList<FeedCategory> Tags,
    IReadOnlyList<FeedImage> Images)
{
    public string Urn => "urn:uuid:" + Id.ToString("D");
}

/// <param name="Term">The stable identifier inside the scheme (a platform key, a tag name).</param>
/// <param name="Scheme">An absolute URL; Scheme + escaped Term is the public list of that category.</param>
public sealed record FeedCategory(string Term, string Label, string Scheme);

/// <summary>The verdict with its ClaimReview number on the site's scale (documented on the methodology page).</summary>
public sealed record FeedVerdict(string Key, string Label, int Value, int Best, int Worst, string Scheme);

/// <param name="Length">The real byte length of the file on disk.</param>
public sealed record FeedImage(string Url, string ContentType, long Length, int Width, int Height, string AltText, string? Caption = null);

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

    /// <summary>Drops characters XML 1.0 cannot carry (control characters), which would otherwise make the whole feed unreadable.</summary>
    public static string XmlSafe(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        // Nearly every text is clean already: returned as it is, without a copy (a feed passes 200 KB through here).
        var first = FirstUnsafe(text);
        if (first < 0) return text;
        var clean = new System.Text.StringBuilder(text.Length);
        clean.Append(text, 0, first);
        Span<char> units = stackalloc char[2];
        // Enumerating runes turns a lone surrogate into U+FFFD; supplementary characters are always allowed.
        foreach (var rune in text.AsSpan(first).EnumerateRunes())
            if (!rune.IsBmp || XmlConvert.IsXmlChar((char)rune.Value)) clean.Append(units[..rune.EncodeToUtf16(units)]);
        return clean.ToString();
    }

    /// <summary>Where the first character XML cannot carry, or lone surrogate, is; -1 when there is none.</summary>
    private static int FirstUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(c) || !XmlConvert.IsXmlChar(c)) return i;
        }
        return -1;
    }

    public static XmlWriterSettings XmlSettings => new()
    {
        Encoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        NewLineChars = "\n",
    };

    private static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value.ToUniversalTime(), DateTimeKind.Utc);
}
