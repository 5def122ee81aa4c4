namespace FactCheck;

/// <summary>
/// What a committed change touched, for a CDN purge: site-relative paths (made absolute with
/// Site:PublicUrl when it is set) and surrogate keys (the keys public responses carry in their
/// Surrogate-Key header while a purge URL is configured, see <see cref="PublicResponses"/>).
/// </summary>
public sealed record ContentChange(IReadOnlyList<string> Paths, IReadOnlyList<string> Keys)
{
    /// <summary>The response header that carries a public response's keys (Fastly's name; other CDNs can map it).</summary>
    public const string SurrogateKeyHeader = "Surrogate-Key";

    /// <summary>Surrogate key of every public response.</summary>
    public const string AllKey = "public";

    /// <summary>A change that can show anywhere (a relabelled verdict, an import): purge everything.</summary>
    public static readonly ContentChange Everything = new(["/"], [AllKey]);

    /// <summary>Surrogate key of the pages, lists and feeds of one language.</summary>
    public static string LanguageKey(string language) => "lang-" + language;

    /// <summary>Surrogate key of one advisory's page, whatever its slug was.</summary>
    public static string AdvisoryKey(Guid id) => "advisory-" + id.ToString("N");

    /// <summary>Surrogate key of documents outside a language (sitemap, indicator exports).</summary>
    public const string SiteWideKey = "site-wide";

    /// <summary>One advisory changed: its page (under any slug), its language's lists and feeds, and the site-wide documents.</summary>
    public static ContentChange Of(IEnumerable<Advisory> advisories)
    {
        var list = advisories.ToList();
        var paths = list.SelectMany(a => new[] { a.Path, $"/{a.Language}/", $"/{a.Language}/feed.rss", $"/{a.Language}/feed.atom", $"/{a.Language}/feed.json" });
        var keys = list.SelectMany(a => new[] { AdvisoryKey(a.Id), LanguageKey(a.Language) }).Append(SiteWideKey);
        return new ContentChange(paths.Append("/sitemap.xml").Distinct().ToList(), keys.Distinct().ToList());
    }

    /// <summary>The surrogate keys of a public response to <paramref name="path"/>.</summary>
    public static string KeysFor(string path)
    {
        var segment = path.Split('/', 3) is [_, var first, ..] ? first : "";
        return SiteLanguage.Find(segment) is { } language ? $"{AllKey} {LanguageKey(language.Code)}" : $"{AllKey} {SiteWideKey}";
    }
}
