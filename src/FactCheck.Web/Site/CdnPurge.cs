using Microsoft.Extensions.Options;

namespace FactCheck;

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
