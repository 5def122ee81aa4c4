using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;
using GanssHtmlSanitizer = Ganss.Xss.HtmlSanitizer;

namespace FactCheck;

/// <summary>
/// The last line of defence for HTML we publish from editors' Markdown (docs/security.md, ASVS 1.3.5):
/// an allow-list of the elements and attributes <see cref="MarkdownRenderer"/> produces, and link
/// targets checked by <see cref="UrlPolicy"/>. Everything else goes, with its content.
/// Built on mganss' HtmlSanitizer (an AngleSharp DOM walker that also knows the many spellings of a
/// URL scheme); configured once and then only read, which its author documents as thread-safe.
/// </summary>
public sealed class HtmlSanitizer
{
    /// <summary>What rendered Markdown may contain. No img: see <see cref="MarkdownRenderer"/>. No h1: the page title is the only one.</summary>
    private static readonly string[] AllowedTags =
    [
        "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "em", "strong",
        "ul", "ol", "li", "a", "div", "table", "thead", "tbody", "tr", "th", "td", "bdi",
    ];

    private static readonly string[] AllowedAttributes = ["href", "title", "rel", "dir", "class", "start"];

    /// <summary>The only classes rendered Markdown carries; they are styled in wwwroot/css/site.css.</summary>
    public static readonly IReadOnlySet<string> AllowedClasses =
        new HashSet<string>(["table-scroll", "align-start", "align-center", "align-end"], StringComparer.Ordinal);

    private readonly GanssHtmlSanitizer sanitizer;

    public HtmlSanitizer()
    {
        sanitizer = new GanssHtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(AllowedAttributes, StringComparer.OrdinalIgnoreCase),
            AllowedClasses = new HashSet<string>(AllowedClasses, StringComparer.Ordinal),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase), // the CSP forbids style attributes anyway
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src", "action", "formaction", "cite", "poster", "background", "longdesc", "xlink:href"], StringComparer.OrdinalIgnoreCase),
        })
        {
            KeepChildNodes = false,
        };
        // The library already refuses unknown schemes; UrlPolicy also refuses protocol-relative URLs,
        // control and invisible characters, doubly encoded schemes and user@host tricks.
        sanitizer.FilterUrl += (_, e) =>
        {
            if (!UrlPolicy.IsAllowed(e.OriginalUrl)) e.SanitizedUrl = null;
        };
    }

    /// <summary>Sanitizes an HTML fragment and returns it serialized.</summary>
    public string Sanitize(string html)
    {
        var document = new HtmlParser().ParseDocument("<!doctype html><html><body></body></html>");
        document.Body!.InnerHtml = html;
        Sanitize(document, document.Body);
        return document.Body.InnerHtml;
    }

    /// <summary>Sanitizes <paramref name="container"/>'s content in place.</summary>
    public void Sanitize(IHtmlDocument document, IHtmlElement container) => sanitizer.SanitizeDom(document, container);
}
