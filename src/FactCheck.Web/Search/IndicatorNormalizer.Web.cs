using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace FactCheck;

// URLs, domains, e-mail addresses and messenger handles.
public static partial class IndicatorNormalizer
{
    // Parameters that only say where a click came from; the same scam page shared twice differs in them.
    static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "gbraid", "wbraid", "dclid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_ga",
    };

    // Hosts whose links name a Telegram user, bot or channel rather than a web page.
    static readonly string[] TelegramHosts = ["t.me", "telegram.me", "telegram.dog"];

    /// <summary>Cleans text for the web types: no format characters, NFKC, refanged, trimmed.</summary>
    static bool TryCleanWebText(string raw, out string text)
    {
        var ok = TryNormalizeKc(StripFormatCharacters(raw), out text);
        text = Refang(text).Trim();
        return ok;
    }

    /// <summary>
    /// <c>https://evil.example/login?id=7</c>: scheme added when missing (https), host lowercased and
    /// in punycode, <c>www.</c> kept, default port, fragment, tracking parameters and trailing slash
    /// removed, path and query otherwise as they were (percent-encoded).
    /// </summary>
    static IndicatorNormalization NormalizeUrl(string raw)
    {
        if (!TryCleanWebText(raw, out var text)) return Fail("invalid text");
        if (ContainsWhitespace(text)) return Fail("spaces in url");
        if (text.StartsWith("//", StringComparison.Ordinal)) text = "https:" + text;
        else if (!UrlScheme().IsMatch(text))
        {
            if (NonWebScheme().IsMatch(text)) return Fail("not a web link");
            text = "https://" + text;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)) return Fail("not a url");
        if (uri.Scheme is not ("http" or "https")) return Fail("not a web link");

        string host;
        switch (uri.HostNameType)
        {
            case UriHostNameType.Dns:
                string idnHost;
                try
                {
                    idnHost = uri.IdnHost;
                }
                catch (UriFormatException)
                {
                    return Fail("invalid host");
                }
                var normalizedHost = NormalizeHost(idnHost);
                if (!normalizedHost.IsValid) return normalizedHost;
                host = normalizedHost.Value!;
                break;
            case UriHostNameType.IPv4:
            case UriHostNameType.IPv6:
                host = uri.Host;
                break;
            default:
                return Fail("invalid host");
        }

        var userInfo = uri.UserInfo.Length > 0 ? uri.UserInfo + "@" : "";
        var port = uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
        var path = uri.AbsolutePath.TrimEnd('/');
        return Ok($"{uri.Scheme}://{userInfo}{host}{port}{path}{WithoutTracking(uri.Query)}");
    }

    static string WithoutTracking(string query)
    {
        if (query.Length <= 1) return "";
        var kept = query[1..].Split('&')
            .Where(parameter => parameter.Length > 0 && !IsTracking(parameter))
            .ToList();
        return kept.Count == 0 ? "" : "?" + string.Join('&', kept);

        static bool IsTracking(string parameter)
        {
            var name = parameter.Split('=', 2)[0];
            return name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || TrackingParameters.Contains(name);
        }
    }

    /// <summary><c>evil.example</c>: the host of whatever was given, lowercase punycode, no <c>www.</c>, no trailing dot.</summary>
    static IndicatorNormalization NormalizeDomain(string raw)
    {
        if (!TryCleanWebText(raw, out var text)) return Fail("invalid text");
        if (ContainsWhitespace(text)) return Fail("spaces in domain");

        var scheme = UrlScheme().Match(text);
        if (scheme.Success) text = text[scheme.Length..];
        else if (text.StartsWith("//", StringComparison.Ordinal)) text = text[2..];
        var end = text.IndexOfAny(['/', '?', '#', '\\']);
        if (end >= 0) text = text[..end];
        text = text[(text.LastIndexOf('@') + 1)..];
        if (text.StartsWith('[')) return Fail("not a domain");
        var port = HostPort().Match(text);
        if (port.Success) text = text[..port.Index];

        if (IsIPv4(text)) return Ok(text);
        var host = NormalizeHost(text);
        if (!host.IsValid) return host;
        var domain = host.Value!;
        return domain.StartsWith("www.", StringComparison.Ordinal) && domain.IndexOf('.', 4) > 0 ? Ok(domain[4..]) : host;
    }

    /// <summary><c>support@evil.example</c>: lowercase, domain in punycode; accepts mailto: and "Name &lt;address&gt;".</summary>
    static IndicatorNormalization NormalizeEmail(string raw)
    {
        if (!TryCleanWebText(raw, out var text)) return Fail("invalid text");
        var open = text.LastIndexOf('<');
        if (open >= 0 && text.EndsWith('>')) text = text[(open + 1)..^1].Trim();
        if (text.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) text = text[7..];
        var query = text.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0) text = text[..query];
        if (ContainsWhitespace(text)) return Fail("spaces in email");

        var at = text.LastIndexOf('@');
        if (at <= 0 || at == text.Length - 1) return Fail("not an email");
        var local = text[..at].ToLowerInvariant();
        if (local.Length > 64 || local.IndexOfAny(['@', '<', '>', '(', ')', '[', ']', ',', ';', ':', '"', '\\', '/']) >= 0)
            return Fail("not an email");
        var domain = NormalizeHost(text[(at + 1)..]);
        return domain.IsValid ? Ok(local + "@" + domain.Value) : Fail("not an email");
    }

    /// <summary>
    /// <c>@name</c>, lowercase (Telegram and most platforms match usernames case-insensitively). Accepts
    /// the name with or without @, and Telegram links: t.me/name, t.me/s/name, t.me/name/123 (a post),
    /// t.me/name?start=… (a bot), telegram.me, telegram.dog, tg://resolve?domain=name.
    /// </summary>
    static IndicatorNormalization NormalizeHandle(string raw)
    {
        if (!TryCleanWebText(raw, out var text)) return Fail("invalid text");
        if (ContainsWhitespace(text)) return Fail("spaces in handle");

        string name;
        var resolve = TelegramResolve().Match(text);
        if (resolve.Success) name = resolve.Groups["name"].Value;
        else if (TryTelegramPath(text, out var path))
        {
            if (path.StartsWith('+') || path.StartsWith("joinchat/", StringComparison.OrdinalIgnoreCase))
                return Fail("invite link, not a handle");
            if (path.StartsWith("s/", StringComparison.OrdinalIgnoreCase)) path = path[2..];
            var end = path.IndexOfAny(['/', '?', '#']);
            name = end < 0 ? path : path[..end];
        }
        else if (text.Contains('/', StringComparison.Ordinal) || text.Contains(':', StringComparison.Ordinal))
            return Fail("not a handle");
        else name = text.StartsWith('@') ? text[1..] : text;

        return HandleName().IsMatch(name) ? Ok("@" + name.ToLowerInvariant()) : Fail("not a handle");
    }

    /// <summary>The part after the host of a t.me / telegram.me / telegram.dog link, with or without scheme.</summary>
    static bool TryTelegramPath(string text, out string path)
    {
        path = "";
        var rest = text;
        var scheme = UrlScheme().Match(rest);
        if (scheme.Success)
        {
            if (scheme.Groups["scheme"].Value.ToLowerInvariant() is not ("http" or "https")) return false;
            rest = rest[scheme.Length..];
        }
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0) return false;
        var host = rest[..slash].ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
        if (!TelegramHosts.Contains(host)) return false;
        path = rest[(slash + 1)..];
        return path.Length > 0;
    }

    /// <summary>Lowercase punycode host with at least two labels; no trailing dot. Keeps <c>www.</c>.</summary>
    static IndicatorNormalization NormalizeHost(string host)
    {
        host = host.TrimEnd('.').ToLowerInvariant();
        if (host.Length == 0) return Fail("invalid host");
        string ascii;
        try
        {
            // UseStd3AsciiRules off: underscores occur in real subdomains (and in scam ones).
            ascii = new IdnMapping { UseStd3AsciiRules = false }.GetAscii(host).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return Fail("invalid host");
        }
        var labels = ascii.Split('.');
        if (labels.Length < 2) return Fail("host needs a dot");
        if (ascii.Length > 253 || labels.Any(label => label.Length is 0 or > 63)) return Fail("invalid host");
        if (!ascii.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.')) return Fail("invalid host");
        if (labels.Any(label => label.StartsWith('-') || label.EndsWith('-'))) return Fail("invalid host");
        // Top-level domains are letters (or their punycode); "evil.123" is a typo or a broken IPv4.
        var tld = labels[^1];
        if (!tld.StartsWith("xn--", StringComparison.Ordinal) && !tld.All(char.IsAsciiLetterLower)) return Fail("invalid host");
        return Ok(ascii);
    }

    static bool IsIPv4(string text) =>
        IPv4Literal().IsMatch(text) && IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetwork;

    [GeneratedRegex(@"^(?:javascript|vbscript|data|mailto|tel|sms|file|blob|about|intent|tg|whatsapp|viber):", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NonWebScheme();

    [GeneratedRegex(@":\d{0,5}$")]
    private static partial Regex HostPort();

    [GeneratedRegex(@"^\d{1,3}(?:\.\d{1,3}){3}$")]
    private static partial Regex IPv4Literal();

    [GeneratedRegex(@"^tg://resolve\?(?:.*&)?domain=(?<name>[^&#]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TelegramResolve();

    // Telegram: 5–32 of [a-z0-9_]; other platforms also allow dots and shorter names.
    [GeneratedRegex(@"^(?=[A-Za-z0-9_.]*[A-Za-z0-9])[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,62}[A-Za-z0-9_])?$")]
    private static partial Regex HandleName();
}
