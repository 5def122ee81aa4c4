namespace FactCheck;

/// <summary>Where absolute URLs (feeds, canonical links, structured data) start.</summary>
public static class AbsoluteUrls
{
    /// <summary>
    /// Site:PublicUrl when set — behind a proxy or CDN the request's own host may be an internal one —
    /// otherwise the scheme and host the request came in on.
    /// </summary>
    public static string BaseUrl(HttpRequest request, SiteOptions site) =>
        string.IsNullOrWhiteSpace(site.PublicUrl)
            ? $"{request.Scheme}://{request.Host.ToUriComponent()}"
            : site.PublicUrl.Trim().TrimEnd('/');
}
