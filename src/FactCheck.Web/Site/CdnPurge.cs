using System.Net.Http.Json;
using Microsoft.Extensions.Options;

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

/// <summary>The "Cdn" section: an optional purge call to a CDN on every committed change.</summary>
public sealed class CdnOptions
{
    /// <summary>
    /// The purge endpoint; none means no purge. <c>{keys}</c> and <c>{paths}</c> in it are replaced by the
    /// change's surrogate keys and URLs, comma-separated and escaped, for CDNs that take them in the address.
    /// The body is always JSON: <c>{"urls": [...], "keys": [...]}</c>.
    /// </summary>
    public string? PurgeUrl { get; set; }
    public string Method { get; set; } = "POST";
    /// <summary>Sent with every purge call, e.g. Cdn__Headers__Authorization="Bearer …".</summary>
    public Dictionary<string, string> Headers { get; set; } = [];
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>
/// Tells the CDN what to drop after a committed change, in the background: an editor's save never
/// waits for the CDN, and a failed purge is logged (the CDN then serves its copy until s-maxage ends).
/// </summary>
public sealed class CdnPurge(IHttpClientFactory clients, IOptions<CdnOptions> options, IOptions<SiteOptions> site, ILogger<CdnPurge> logger)
{
    public bool IsEnabled => !string.IsNullOrWhiteSpace(options.Value.PurgeUrl);

    public void Purge(ContentChange change)
    {
        if (!IsEnabled) return;
        _ = Task.Run(() => SendAsync(change));
    }

    private async Task SendAsync(ContentChange change)
    {
        var cdn = options.Value;
        var baseUrl = site.Value.PublicUrl?.TrimEnd('/') ?? "";
        var urls = change.Paths.Select(p => baseUrl + p).ToList();
        var address = cdn.PurgeUrl!
            .Replace("{keys}", Uri.EscapeDataString(string.Join(',', change.Keys)), StringComparison.Ordinal)
            .Replace("{paths}", Uri.EscapeDataString(string.Join(',', urls)), StringComparison.Ordinal);
        try
        {
            using var request = new HttpRequestMessage(new HttpMethod(cdn.Method), address)
            {
                Content = JsonContent.Create(new { urls, keys = change.Keys }),
            };
            foreach (var (name, value) in cdn.Headers) request.Headers.TryAddWithoutValidation(name, value);
            using var timeout = new CancellationTokenSource(cdn.Timeout);
            using var response = await clients.CreateClient(nameof(CdnPurge)).SendAsync(request, timeout.Token);
            if (!response.IsSuccessStatusCode)
                logger.LogWarning("CDN purge answered {Status} for {Keys}", (int)response.StatusCode, string.Join(' ', change.Keys));
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "CDN purge failed for {Keys}", string.Join(' ', change.Keys));
        }
    }
}
