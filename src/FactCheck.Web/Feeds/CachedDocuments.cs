using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace FactCheck;

/// <summary>
/// Machine-readable documents (feeds, CAP, sitemap, exports) with conditional GET. The ETag is a hash
/// of the exact bytes, so a reader polling every few minutes gets a bodiless 304 until something
/// really changed; If-None-Match takes precedence over If-Modified-Since (the framework's file result
/// implements RFC 9110's precondition order). HEAD is answered by the HeadRequests middleware.
/// </summary>
public static class CachedDocuments
{
    public static IActionResult CachedDocument(this ControllerBase controller, byte[] body, string contentType, DateTime lastModifiedUtc)
    {
        // Short enough that a correction or withdrawal reaches subscribers within minutes.
        controller.Response.Headers.CacheControl = PublicCaching.CacheControl;
        var hash = Convert.ToBase64String(SHA256.HashData(body))[..27].Replace('+', '-').Replace('/', '_');
        return new FileContentResult(body, contentType)
        {
            EntityTag = new EntityTagHeaderValue($"\"{hash}\""),
            LastModified = new DateTimeOffset(DateTime.SpecifyKind(lastModifiedUtc, DateTimeKind.Utc)),
        };
    }
}
