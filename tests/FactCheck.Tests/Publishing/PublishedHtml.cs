using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace FactCheck.Tests.Publishing;

/// <summary>
/// What a browser would make of HTML we publish, checked independently of the code that produced it:
/// the HTML is parsed the way a browser parses it and every element and attribute is judged here.
/// </summary>
internal static partial class PublishedHtml
{
    private static readonly HashSet<string> SafeElements =
    [
        "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "em", "strong",
        "ul", "ol", "li", "a", "div", "table", "thead", "tbody", "tr", "th", "td", "bdi",
    ];

    private static readonly HashSet<string> SafeAttributes = ["href", "title", "rel", "dir", "class", "start"];

    public static IElement Parse(string html)
    {
        var document = new HtmlParser().ParseDocument("<!doctype html><html><body></body></html>");
        document.Body!.InnerHtml = html;
        return document.Body;
    }

    /// <summary>Fails unless nothing in <paramref name="html"/> can run script, load anything, or restyle the page.</summary>
    public static void AssertSafe(string html)
    {
        var body = Parse(html);
        foreach (var element in body.Descendants<IElement>())
        {
            Assert.True(SafeElements.Contains(element.LocalName), $"<{element.LocalName}> published in: {html}");
            Assert.Equal("http://www.w3.org/1999/xhtml", element.NamespaceUri); // no svg, no math
            foreach (var attribute in element.Attributes)
            {
                // Headings carry ids we generate: only slug characters after the "section-" prefix.
                var generatedId = attribute.Name == "id" && element.LocalName is "h2" or "h3" or "h4" or "h5" or "h6"
                    && attribute.Value.StartsWith("section-", StringComparison.Ordinal) && SlugRules.Problem(attribute.Value) is null;
                // A table's scroll box is focusable (tabindex 0 only, which we set), so keyboards can scroll it.
                var scrollBox = attribute.Name == "tabindex" && attribute.Value == "0" && element.ClassList.Contains("table-scroll");
                Assert.True(generatedId || scrollBox || SafeAttributes.Contains(attribute.Name), $"{attribute.Name}=\"{attribute.Value}\" published in: {html}");
            }
            if (element.GetAttribute("href") is { } href) AssertSafeHref(href, html);
            if (element.GetAttribute("dir") is { } dir) Assert.Contains(dir, new[] { "ltr", "rtl" });
            if (element.GetAttribute("class") is { } classes)
            {
                foreach (var name in classes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    Assert.Contains(name, new[] { "table-scroll", "align-start", "align-center", "align-end" });
                }
            }
        }
    }

    private static void AssertSafeHref(string href, string html)
    {
        // What a browser does before it looks at the scheme: strip leading C0 controls and spaces, drop tabs and newlines.
        var seen = Regex.Replace(href.TrimStart(Enumerable.Range(0, 0x21).Select(c => (char)c).ToArray()), "[\t\n\r]", "");
        Assert.True(SafeHref().IsMatch(seen), $"href=\"{href}\" published in: {html}");
        Assert.DoesNotContain('\\', href);
        Assert.DoesNotMatch("(?i)(javascript|vbscript|data|file):", Uri.UnescapeDataString(System.Net.WebUtility.HtmlDecode(href)));
    }

    /// <summary>http(s) with a host, mailto, or within the site (path, fragment, query) but not "//host".</summary>
    [GeneratedRegex(@"^(?:https?://[^/\\@]+(?:[/?#]|$)|mailto:.+|/(?![/\\])|#|\?|[^:/?#\\]+(?:[/?#]|$))", RegexOptions.IgnoreCase)]
    private static partial Regex SafeHref();
}
