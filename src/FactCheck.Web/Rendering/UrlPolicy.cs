using System.Globalization;
using System.Text.RegularExpressions;

namespace FactCheck;

/// <summary>
/// Which link targets published text may carry: http, https and mailto, and links within the site
/// (<c>/path</c>, <c>#fragment</c>, <c>?query</c>, a relative path). Checked on the Markdown syntax
/// tree and again on the rendered HTML (docs/security.md, ASVS 1.2.2).
/// </summary>
public static partial class UrlPolicy
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    /// <summary>True when a reader's browser following <paramref name="url"/> can only navigate to a web page or open a mail client.</summary>
    public static bool IsAllowed(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > 4096 || HasForbiddenCharacters(url)) return false;
        if (url.StartsWith("//", StringComparison.Ordinal)) return false;
        // Entity-encoded text has no business in a URL once Markdig has decoded it: "&#106;avascript:" or
        // "javascript&colon;" left here were encoded twice, and are harmless only until something decodes them once more.
        if (url.Contains("&#", StringComparison.Ordinal) || NamedEntity().IsMatch(url)) return false;

        // The scheme is judged on every percent-decoding too ("javascript%3A…", "%2F%2Fevil.example"),
        // for the same reason.
        var form = url;
        for (var round = 0; round < 4; round++)
        {
            var scheme = SchemeOf(form);
            if (scheme is not null && !AllowedSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase)) return false;
            if (round > 0 && (form.StartsWith("//", StringComparison.Ordinal) || form.Contains('\\', StringComparison.Ordinal))) return false;
            var decoded = Uri.UnescapeDataString(form);
            if (decoded == form) break;
            form = decoded;
        }

        var ownScheme = SchemeOf(url);
        if (ownScheme is null) return true; // relative to the site
        if (ownScheme.Equals("mailto", StringComparison.OrdinalIgnoreCase)) return url.Length > "mailto:".Length;
        return IsHttpWithHost(url, ownScheme);
    }

    /// <summary>True for an allowed absolute http or https URL with a host: a link that leaves the site.</summary>
    public static bool IsAbsoluteWeb(string? url) =>
        IsAllowed(url) && SchemeOf(url!) is { } scheme && IsHttpWithHost(url!, scheme);

    private static bool IsHttpWithHost(string url, string scheme)
    {
        if (!(scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase))) return false;
        // "http:evil.example" and "https:/evil.example" are parsed leniently by browsers; we only publish the plain form.
        if (string.CompareOrdinal(url, scheme.Length, "://", 0, 3) != 0) return false;
        // "https://bank.example@evil.example" shows one host and opens another: a phishing trick, refused.
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0 && uri.UserInfo.Length == 0;
    }

    private static bool HasForbiddenCharacters(string url)
    {
        // Browsers drop tabs and newlines anywhere in a URL and skip leading control characters and spaces,
        // so "java\tscript:" and "\u0001javascript:" still run script; invisible format characters
        // (zero-width, bidi overrides) make a link look like something it is not. Browsers read "\" as "/"
        // in web URLs, so "/\evil.example" is protocol-relative.
        foreach (var c in url)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format) return true;
        }
        return false;
    }

    /// <summary>
    /// The scheme as a browser finds it (everything before the first ":" that comes before any "/", "?" or "#");
    /// null when the URL is relative. A malformed scheme is returned as it is and then refused.
    /// </summary>
    private static string? SchemeOf(string url)
    {
        var end = 0;
        while (end < url.Length && url[end] is not (':' or '/' or '?' or '#')) end++;
        if (end >= url.Length || url[end] != ':') return null;
        return end == 0 ? ":" : url[..end];
    }

    [GeneratedRegex("&[A-Za-z][A-Za-z0-9]*;")]
    private static partial Regex NamedEntity();
}
