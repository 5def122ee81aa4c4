using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace FactCheck;

/// <summary>
/// Item HTML for feeds. Feed readers show it far from our pages, so every URL must be absolute, and
/// neither RSS nor Atom carries a direction: the item's language and direction go on a wrapper element.
/// </summary>
public static class FeedHtml
{
    private static readonly string[] UrlAttributes = ["href", "src", "cite", "poster", "action", "formaction", "longdesc", "background"];

    /// <summary>
    /// Wraps already-sanitized <paramref name="html"/> in &lt;div lang dir&gt; and makes its URLs absolute
    /// against <paramref name="pageUrl"/>. HTML whose URLs are all absolute already (most advisory bodies)
    /// is only wrapped: parsing fifty bodies was most of an uncached feed's time (bench/README.md).
    /// </summary>
    public static string Prepare(string html, Uri pageUrl, SiteLanguage language)
    {
        if (!HasRelativeUrls(html)) return $"<div lang=\"{language.Code}\" dir=\"{language.Dir}\">{html}</div>";
        var document = new HtmlParser().ParseDocument("");
        var wrapper = document.CreateElement("div");
        wrapper.SetAttribute("lang", language.Code);
        wrapper.SetAttribute("dir", language.Dir);
        wrapper.InnerHtml = html;
        return Finish(wrapper, pageUrl);
    }

    /// <summary>HTML-encodes text for an element's content, as AngleSharp serializes it.</summary>
    public static string Text(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\u00A0", "&nbsp;", StringComparison.Ordinal);

    /// <summary>HTML-encodes text for a double-quoted attribute value, as AngleSharp serializes it.</summary>
    public static string Attribute(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal)
            .Replace("\u00A0", "&nbsp;", StringComparison.Ordinal);

    /// <summary>
    /// True unless every URL attribute in the serialized HTML starts with http://, https:// or mailto:.
    /// Text that merely looks like an attribute only costs the careful path, never a wrong URL.
    /// </summary>
    private static bool HasRelativeUrls(string html)
    {
        if (html.Contains("srcset=", StringComparison.Ordinal)) return true;
        foreach (var name in UrlAttributes)
        {
            var marker = " " + name + "=\"";
            for (var at = html.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = html.IndexOf(marker, at + marker.Length, StringComparison.Ordinal))
            {
                var value = html.AsSpan(at + marker.Length);
                if (!(value.StartsWith("https://", StringComparison.Ordinal) || value.StartsWith("http://", StringComparison.Ordinal)
                      || value.StartsWith("mailto:", StringComparison.Ordinal)))
                    return true;
            }
        }
        return false;
    }

    /// <summary>Makes every URL inside <paramref name="wrapper"/> absolute and serializes it.</summary>
    public static string Finish(IElement wrapper, Uri pageUrl)
    {
        foreach (var element in wrapper.QuerySelectorAll("*").Prepend(wrapper))
        {
            foreach (var name in UrlAttributes)
            {
                var value = element.GetAttribute(name);
                if (value is null) continue;
                if (Absolute(value, pageUrl) is { } absolute) element.SetAttribute(name, absolute);
                else element.RemoveAttribute(name);
            }
            if (element.GetAttribute("srcset") is { } srcset)
            {
                var candidates = srcset.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(candidate =>
                    {
                        var parts = candidate.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                        var url = Absolute(parts[0], pageUrl);
                        return url is null ? null : parts.Length > 1 ? url + " " + parts[1] : url;
                    })
                    .Where(c => c is not null)
                    .ToList();
                if (candidates.Count > 0) element.SetAttribute("srcset", string.Join(", ", candidates));
                else element.RemoveAttribute("srcset");
            }
        }
        return wrapper.OuterHtml;
    }

    private static string? Absolute(string value, Uri pageUrl)
    {
        var trimmed = value.Trim();
        return Uri.TryCreate(pageUrl, trimmed, out var absolute) ? absolute.AbsoluteUri : null;
    }
}
