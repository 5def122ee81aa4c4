using System.IO.Compression;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace FactCheck;

/// <summary>
/// How public pages stay fast under a viral spike: rendered responses are kept compressed in the
/// output cache, CDNs and browsers get Cache-Control and ETags, and every committed change to public
/// content (<see cref="PublicContent.ChangedAsync"/>) makes the next request render afresh.
/// Public actions opt in with <c>[OutputCache(PolicyName = PublicCaching.Pages)]</c> (or
/// <see cref="Queries"/>); nothing else is cached — not the back-office, previews, health or POSTs.
/// </summary>
public static class PublicCaching
{
    /// <summary>Pages and documents that change only when content does: homes, lists, advisories, feeds.</summary>
    public const string Pages = "public-pages";

    /// <summary>
    /// Search and check results. Cached briefly, by query: a viral warning makes thousands of readers
    /// check the same number, but the long tail of one-off queries should not crowd pages out of memory.
    /// </summary>
    public const string Queries = "public-queries";

    internal const string Tag = "public";

    /// <summary>
    /// For browsers a minute; for CDNs five (each instance's output cache is evicted on change, a CDN is
    /// not, so this is how stale a correction can be at the edge); a CDN may serve a stale copy for another
    /// minute while it revalidates, which keeps a spike off the origin when the entry expires.
    /// </summary>
    public const string CacheControl = "public, max-age=60, s-maxage=300, stale-while-revalidate=60";

    /// <summary>Static assets whose URL carries their content hash (asp-append-version) never change.</summary>
    public const string ImmutableCacheControl = "public, max-age=31536000, immutable";

    public static IServiceCollection AddPublicCaching(this IServiceCollection services)
    {
        services.AddSingleton<PublicContent>();
        // Every instance follows the database's content version (Site/ContentVersion.cs).
        services.AddOptions<ContentVersionOptions>().BindConfiguration("ContentVersion");
        services.AddHostedService<ContentVersionWatcher>();
        // The rating scale and platform list, in memory per content version.
        services.AddSingleton<ContentLists>();
        services.AddOptions<CdnOptions>().BindConfiguration("Cdn");
        services.AddHttpClient(nameof(CdnPurge));
        services.AddSingleton<CdnPurge>();
        services.AddOutputCache(options =>
        {
            // Across instances an entry can be this stale after a change elsewhere (see README, "Running at scale").
            options.AddPolicy(Pages, policy => Configure(policy, TimeSpan.FromMinutes(5)));
            options.AddPolicy(Queries, policy => Configure(policy, TimeSpan.FromMinutes(1)));
        });
        // Compressed pages are 3–8 KB: the size holds thousands; beyond it the least used go first.
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<SiteOptions>>((options, site) =>
            options.SizeLimit = site.Value.OutputCacheMegabytes * 1024L * 1024L);
        services.AddHttpContextAccessor(); // StoredBrotli chooses its quality by the response's type
        services.AddResponseCompression(options =>
        {
            // Safe over HTTPS for public responses: they hold no secret a BREACH attacker could extract.
            // The back-office, whose pages carry antiforgery tokens, is never compressed (UsePublicCaching).
            options.EnableForHttps = true;
            options.Providers.Add<StoredBrotli>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(
                ["application/rss+xml", "application/atom+xml", "application/feed+json", "text/csv", "image/svg+xml"]);
        });
        // gzip's default level 6: 5 gives the same bytes, 9 saves 1–2 % for two to three times the time (bench/README.md).
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        return services;
    }

    /// <summary>
    /// Output cache, then HTTP cache headers, then compression, then static files: a cache hit is served
    /// as stored (already compressed, with its ETag); a miss is rendered, compressed, hashed and stored.
    /// Goes after UseRouting (policies are endpoint metadata).
    /// </summary>
    public static WebApplication UsePublicCaching(this WebApplication app)
    {
        app.UseOutputCache();
        app.UseMiddleware<PublicResponses>();
        // BREACH: a compressed response that reflects attacker-chosen text next to a secret (the
        // antiforgery token in every back-office form) leaks the secret through its length.
        app.UseWhen(context => !context.Request.Path.StartsWithSegments(BackOfficeSetup.PathBase),
            branch => branch.UseResponseCompression());
        // Not MapStaticAssets: it serves what the SDK found in the project's own wwwroot at build time
        // (Microsoft.NET.Sdk.StaticWebAssets.targets fixes that folder), and ours sits at the repository
        // root. asp-append-version gives the same fingerprinted, immutable URLs; compression is dynamic.
        var versions = app.Services.GetRequiredService<IFileVersionProvider>();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl =
                IsCurrentVersion(file.Context.Request, versions) ? ImmutableCacheControl : "public, max-age=300",
        });
        return app;
    }

    /// <summary>True for /css/site.css?v={hash of the file as it is now}: the URL asp-append-version writes.</summary>
    private static bool IsCurrentVersion(HttpRequest request, IFileVersionProvider versions) =>
        request.Query["v"] is [{ Length: > 0 } version] &&
        versions.AddFileVersionToPath(request.PathBase, request.Path.Value!) == request.Path.Value + "?v=" + version;

    private static void Configure(OutputCachePolicyBuilder policy, TimeSpan lifetime) => policy
        .Expire(lifetime)
        .Tag(Tag)
        .VaryByValue(context => new("content", context.RequestServices.GetRequiredService<PublicContent>().Version))
        .VaryByValue(context => new("coding", ContentCoding(context.Request.Headers.AcceptEncoding)))
        .AddPolicy(typeof(GonePagesToo))
        .AddPolicy(typeof(CountedLookups));

    /// <summary>
    /// The content coding ResponseCompression will pick for this Accept-Encoding, by its rules: highest
    /// q wins, br before gzip on a tie, "*" offers both and ends the list, q=0 refuses, identity means none.
    /// Stored entries are compressed, so each coding needs its own entry.
    /// </summary>
    internal static string ContentCoding(StringValues acceptEncoding)
    {
        if (!StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var codings)) return "";
        var (best, bestQuality, bestRank) = ("", 0.0, int.MaxValue);
        void Offer(string name, double quality, int rank)
        {
            if (quality > bestQuality || (quality == bestQuality && rank < bestRank)) (best, bestQuality, bestRank) = (name, quality, rank);
        }
        foreach (var coding in codings)
        {
            var quality = coding.Quality ?? 1;
            if (quality < double.Epsilon) continue;
            var name = coding.Value.Value ?? "";
            if (name.Equals("br", StringComparison.OrdinalIgnoreCase)) Offer("br", quality, 0);
            else if (name.Equals("gzip", StringComparison.OrdinalIgnoreCase)) Offer("gzip", quality, 1);
            else if (name == "*")
            {
                Offer("br", quality, 0);
                Offer("gzip", quality, 1);
                break;
            }
            else if (name.Equals("identity", StringComparison.OrdinalIgnoreCase)) Offer("", quality, int.MaxValue);
        }
        return best;
    }

    /// <summary>
    /// Brotli at a quality chosen by measurement (bench/compression, bench/README.md): entries are compressed
    /// once and served many times; quality 9 and up cost milliseconds for 2 % more.
    /// </summary>
    private sealed class StoredBrotli(IHttpContextAccessor http) : ICompressionProvider
    {
        public string EncodingName => "br";
        public bool SupportsFlush => true;
        public Stream CreateStream(Stream outputStream) =>
            new BrotliStream(outputStream, new BrotliCompressionOptions { Quality = Quality(http.HttpContext?.Response.ContentType) }, leaveOpen: true);

        /// <summary>
        /// 5 for pages: 10 % smaller than 4 for about 30 µs more. 4 for feeds, 20–40 times a page's size: on a 215 KB
        /// feed 5 takes 15.7 ms and 4 takes 6.5 ms for 6 % more bytes, which keeps an uncached feed under 20 ms.
        /// </summary>
        private static int Quality(string? contentType) =>
            FeedTypes.Any(feed => contentType?.StartsWith(feed, StringComparison.OrdinalIgnoreCase) == true) ? 4 : 5;

        private static readonly string[] FeedTypes = [.. Enum.GetValues<FeedFormat>().Select(f => FeedFormats.MediaType(f).Split(';')[0])];
    }

    /// <summary>
    /// A withdrawn advisory answers 410 with its reason; if it was viral, readers keep arriving, so that
    /// page is cached like a 200 (the default policy stores only 200s, and never a response setting a cookie).
    /// </summary>
    private sealed class GonePagesToo : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            if (response.StatusCode == StatusCodes.Status410Gone && !response.Headers.ContainsKey(HeaderNames.SetCookie))
                context.AllowCacheStorage = true;
            return ValueTask.CompletedTask;
        }
    }
}
