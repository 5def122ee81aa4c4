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

    /// <summary>A document to build item HTML in: elements made here are text-safe by construction.</summary>
    public static IDocument NewDocument() => new HtmlParser().ParseDocument("");

    /// <summary>Wraps already-sanitized <paramref name="html"/> in &lt;div lang dir&gt; and makes its URLs absolute against <paramref name="pageUrl"/>.</summary>
    public static string Prepare(string html, Uri pageUrl, SiteLanguage language)
    {
        var document = NewDocument();
        var wrapper = Wrapper(document, language);
        wrapper.InnerHtml = html;
        return Finish(wrapper, pageUrl);
    }

    public static IElement Wrapper(IDocument document, SiteLanguage language)
    {
        var wrapper = document.CreateElement("div");
        wrapper.SetAttribute("lang", language.Code);
        wrapper.SetAttribute("dir", language.Dir);
        return wrapper;
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
