using System.Security.Cryptography;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace FactCheck;

/// <summary>
/// HTTP caching headers for public endpoints (those with a <see cref="PublicCaching"/> policy):
/// Cache-Control for browsers and CDNs, and an ETag of the bytes sent, with a bodiless 304 when
/// If-None-Match names it. It runs between the output cache and compression, so the ETag is of the
/// compressed bytes (one per coding, as a strong validator must be) and is stored with the cache
/// entry; on a cache hit the output cache answers If-None-Match itself from that stored ETag.
/// Feeds and other documents that set their own ETag keep it.
/// </summary>
public sealed class PublicResponses(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>()?.PolicyName is not (PublicCaching.Pages or PublicCaching.Queries))
        {
            await next(context);
            return;
        }

        var body = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
        }

        var response = context.Response;
        // A response setting a cookie is per-visitor: neither public nor cached (the output cache refuses it too).
        if (response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status304NotModified or StatusCodes.Status410Gone
            && !response.Headers.ContainsKey(HeaderNames.SetCookie))
        {
            // A versioned address (/verdicts.css?v=…) keeps the year-long, immutable caching its action chose.
            if (!response.Headers.CacheControl.ToString().Contains("immutable", StringComparison.Ordinal))
                response.Headers.CacheControl = PublicCaching.CacheControl;
            // Compression adds this only when the request offered a coding; a CDN must know it always matters.
            if (!response.Headers.Vary.Any(v => v!.Contains(HeaderNames.AcceptEncoding, StringComparison.OrdinalIgnoreCase)))
                response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
            if (StringValues.IsNullOrEmpty(response.Headers.ETag) && response.StatusCode == StatusCodes.Status200OK)
                response.Headers.ETag = ETagOf(buffer);
            if (response.StatusCode == StatusCodes.Status200OK && IsNotModified(context.Request, response.Headers.ETag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.Headers.Remove(HeaderNames.ContentType);
                response.Headers.Remove(HeaderNames.ContentEncoding);
                response.ContentLength = null;
                return;
            }
        }
        // An empty 404 stays without Content-Length, so the status-code page can still be rendered for it.
        if (buffer.Length == 0) return;
        response.ContentLength = buffer.Length;
        await body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted);
    }

    private static string ETagOf(MemoryStream bytes)
    {
        var hash = SHA256.HashData(bytes.GetBuffer().AsSpan(0, (int)bytes.Length));
        return "\"" + Convert.ToBase64String(hash, 0, 18).Replace('+', '-').Replace('/', '_') + "\"";
    }

    /// <summary>If-None-Match uses the weak comparison (RFC 9110, 13.1.2).</summary>
    private static bool IsNotModified(HttpRequest request, StringValues etag) =>
        !StringValues.IsNullOrEmpty(request.Headers.IfNoneMatch) &&
        EntityTagHeaderValue.TryParse(etag.ToString(), out var current) &&
        EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var wanted) &&
        wanted.Any(w => w.Equals(EntityTagHeaderValue.Any) || w.Compare(current, useStrongComparison: false));
}
