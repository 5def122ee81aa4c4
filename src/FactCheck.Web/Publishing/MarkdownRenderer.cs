using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Markdig;
using Markdig.Extensions.AutoLinks;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace FactCheck;

/// <summary>
/// Advisory bodies: Markdown (CommonMark, pipe tables, autolinks; raw HTML is shown as text) to HTML
/// that is safe to publish and reads right in Arabic, Ukrainian and English. One instance serves every
/// request: the Markdig pipeline and the sanitizer are built once and only read afterwards.
/// </summary>
/// <remarks>
/// Three stages: on the Markdown syntax tree, links whose target <see cref="UrlPolicy"/> refuses lose
/// their link (their text stays) and images are refused; Markdig renders; then on the AngleSharp DOM
/// every block gets its direction, code stays LTR, embedded runs of the other direction are isolated
/// (<see cref="Bidi"/>), external links get rel, tables scroll sideways on phones, and finally
/// <see cref="HtmlSanitizer"/> enforces the allow-list.
///
/// Images in Markdown are refused (their alt text stays as text). Screenshots reach readers only
/// through the screenshot pipeline, which re-encodes them, strips EXIF/GPS, stores them on our origin
/// and requires alt text; a Markdown image would load from a third-party server (telling it every
/// reader's address, possibly the scammer's, and swappable after review) or skip that stripping.
///
/// Headings get no ids: body headings are a few short section titles, not a document to navigate by
/// anchors, and editor-made ids would collide with the page's own ("corrections", "claim-heading").
/// </remarks>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoLinks(new AutoLinkOptions { UseHttpsForWWWLinks = true })
        .DisableHtml()
        .Build();

    private readonly HtmlSanitizer sanitizer = new();

    /// <summary>Elements that get their own direction from the words they hold.</summary>
    private const string DirectionalBlocks = "p, h2, h3, h4, h5, h6, blockquote, ul, ol, li, table, th, td";

    public string Render(string markdown, TextDirection direction)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var syntax = Markdown.Parse(markdown, pipeline);
        RemoveRefusedLinksAndImages(syntax);
        DemoteTopHeadings(syntax);
        var html = syntax.ToHtml(pipeline);

        var document = new HtmlParser().ParseDocument("<!doctype html><html><body></body></html>");
        var body = document.Body!;
        body.InnerHtml = html;
        ScrollTablesSideways(document, body);
        SetDirections(body, direction);
        IsolateEmbeddedRuns(document, body, direction);
        MarkExternalLinks(body);
        sanitizer.Sanitize(document, body);
        return body.InnerHtml;
    }

    private static void RemoveRefusedLinksAndImages(MarkdownDocument syntax)
    {
        // Both lists are taken before anything changes: Markdig's Descendants() loses track of inlines
        // after a sibling has been moved, and an unsafe autolink must not slip through that way.
        var links = syntax.Descendants<LinkInline>().ToList();
        var autolinks = syntax.Descendants<AutolinkInline>().ToList();
        foreach (var link in links)
        {
            if (link.IsImage || !UrlPolicy.IsAllowed(link.Url)) Unwrap(link);
            else if (link.IsAutoLink) KeepTrailingArabicPunctuationOutside(link);
        }
        // <…> autolinks: CommonMark accepts any scheme there, "<javascript:alert(1)>" included.
        foreach (var autolink in autolinks)
        {
            var url = autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url;
            if (!UrlPolicy.IsAllowed(url)) autolink.ReplaceBy(new LiteralInline(autolink.Url));
        }
    }

    /// <summary>
    /// Markdig ends a bare URL before "." or "," but not before the Arabic comma, semicolon or question
    /// mark, so "https://example.com/ar/مقال، شكراً" would link to a page that does not exist.
    /// </summary>
    private static void KeepTrailingArabicPunctuationOutside(LinkInline link)
    {
        const string arabicPunctuation = "،؛؟۔";
        var url = link.Url ?? "";
        var keep = url.Length;
        while (keep > 0 && arabicPunctuation.Contains(url[keep - 1], StringComparison.Ordinal)) keep--;
        if (keep == url.Length || link.FirstChild is not LiteralInline { NextSibling: null } label) return;
        var text = label.Content.ToString();
        var trailing = url[keep..];
        if (!text.EndsWith(trailing, StringComparison.Ordinal)) return;
        link.Url = url[..keep];
        label.Content = new Markdig.Helpers.StringSlice(text[..^trailing.Length]);
        link.InsertAfter(new LiteralInline(trailing));
    }

    /// <summary>Replaces a link or image by its content: the link text, or the image's alt text.</summary>
    private static void Unwrap(LinkInline link)
    {
        while (link.FirstChild is { } child)
        {
            child.Remove();
            link.InsertBefore(child);
        }
        link.Remove();
    }

    /// <summary>The advisory title is the page's only h1 (one h1 per page keeps the outline that screen-reader users navigate by).</summary>
    private static void DemoteTopHeadings(MarkdownDocument syntax)
    {
        foreach (var heading in syntax.Descendants<HeadingBlock>())
        {
            if (heading.Level == 1) heading.Level = 2;
        }
    }

    /// <summary>
    /// Wide tables scroll inside their own box instead of widening the page on a phone. Markdig writes
    /// column alignment as a style attribute, which the CSP blocks and which says left/right; it becomes
    /// a class with the logical value (":--" start, "--:" end), so columns line up in RTL tables too.
    /// </summary>
    private static void ScrollTablesSideways(IHtmlDocument document, IElement body)
    {
        foreach (var table in body.QuerySelectorAll("table").ToList())
        {
            var wrapper = document.CreateElement("div");
            wrapper.ClassName = "table-scroll";
            table.Parent!.ReplaceChild(wrapper, table);
            wrapper.AppendChild(table);
        }
        foreach (var cell in body.QuerySelectorAll("th[style], td[style]"))
        {
            var style = cell.GetAttribute("style") ?? "";
            var alignment =
                style.Contains("left", StringComparison.OrdinalIgnoreCase) ? "align-start"
                : style.Contains("right", StringComparison.OrdinalIgnoreCase) ? "align-end"
                : style.Contains("center", StringComparison.OrdinalIgnoreCase) ? "align-center"
                : null;
            cell.RemoveAttribute("style");
            if (alignment is not null) cell.ClassList.Add(alignment);
        }
    }

    /// <summary>
    /// Every block gets an explicit dir from the words it holds (<see cref="Bidi.Prevailing"/>), falling
    /// back to its parent's direction and at the top to the advisory's. Not dir="auto": that takes the
    /// first strong letter, so Arabic prose that starts with a brand ("WhatsApp يحذر …", "iPhone 15 متوفر
    /// الآن") would be laid out LTR (docs/rtl-and-text.md). A Ukrainian or English paragraph inside an
    /// Arabic advisory still comes out LTR, and an Arabic quote in an English one RTL. Code is always LTR.
    /// </summary>
    private static void SetDirections(IElement body, TextDirection direction)
    {
        foreach (var code in body.QuerySelectorAll("pre, code")) code.SetAttribute("dir", "ltr");
        // Document order: a parent is decided before its children fall back on it.
        foreach (var block in body.QuerySelectorAll(DirectionalBlocks))
        {
            var own = Bidi.Prevailing(ProseText(block)) ?? InheritedDirection(block, direction);
            block.SetAttribute("dir", own == TextDirection.Rtl ? "rtl" : "ltr");
        }
    }

    /// <summary>Inside each block, a phone number, URL or Latin name in Arabic text (or Arabic in LTR text) is isolated so it keeps its own order.</summary>
    private static void IsolateEmbeddedRuns(IHtmlDocument document, IElement body, TextDirection direction)
    {
        var textNodes = body.Descendants<IText>()
            .Where(text => text.Ancestors<IElement>().All(element => element.LocalName is not ("code" or "pre")))
            .ToList();
        foreach (var text in textNodes)
        {
            var context = InheritedDirection(text, direction);
            var pieces = new List<INode>();
            var stack = new Stack<IElement>();
            void Add(INode node)
            {
                if (stack.Count > 0) stack.Peek().AppendChild(node);
                else pieces.Add(node);
            }
            Bidi.Walk(text.Data, context,
                plain: part => Add(document.CreateTextNode(part)),
                open: runDirection =>
                {
                    var isolate = document.CreateElement("bdi");
                    isolate.SetAttribute("dir", runDirection == TextDirection.Rtl ? "rtl" : "ltr");
                    Add(isolate);
                    stack.Push(isolate);
                },
                close: () => stack.Pop());
            if (pieces.Count == 1 && pieces[0] is IText) continue; // nothing to isolate
            var parent = text.Parent!;
            foreach (var piece in pieces) parent.InsertBefore(piece, text);
            parent.RemoveChild(text);
        }
    }

    /// <summary>Links that leave the site: no endorsement passed on (nofollow), no window.opener, no Referer telling a scam site where its readers come from.</summary>
    private static void MarkExternalLinks(IElement body)
    {
        foreach (var link in body.QuerySelectorAll("a[href]"))
        {
            if (UrlPolicy.IsAbsoluteWeb(link.GetAttribute("href"))) link.SetAttribute("rel", "nofollow noopener noreferrer");
        }
    }

    /// <summary>The block's words, leaving out code (identifiers say nothing about the prose's language).</summary>
    private static string ProseText(IElement block) => string.Join(' ', block.Descendants<IText>()
        .Where(text => text.Ancestors<IElement>().TakeWhile(element => element != block).All(element => element.LocalName is not ("code" or "pre")))
        .Select(text => text.Data));

    private static TextDirection InheritedDirection(INode node, TextDirection fallback)
    {
        for (var element = node.ParentElement; element is not null; element = element.ParentElement)
        {
            var dir = element.GetAttribute("dir");
            if (dir == "rtl") return TextDirection.Rtl;
            if (dir == "ltr") return TextDirection.Ltr;
        }
        return fallback;
    }
}
