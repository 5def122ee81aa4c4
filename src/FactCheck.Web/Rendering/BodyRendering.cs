using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>
/// An advisory's body as HTML for readers (its page, feeds, previews), within a time budget
/// (Site:RenderTimeLimit). A body the pipeline refuses (Markdig gives up on elements nested hundreds
/// deep) or that runs out of time must not take the page, a list or a whole feed down with it: it is
/// shown as plain text instead, the failure is logged, and the desk is told on the dashboard
/// (<see cref="RenderProblems"/>) so that someone fixes the text.
/// </summary>
public sealed class BodyRendering(MarkdownRenderer markdown, RenderProblems problems, IOptions<SiteOptions> site, TimeProvider clock, ILogger<BodyRendering> logger)
{
    private static readonly HtmlEncoder encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public string Html(Advisory advisory) => Html(advisory.Id, advisory.Title, advisory.Body, advisory.SiteLanguage.Direction);

    public string Html(Guid id, string title, string body, TextDirection direction)
    {
        var (html, problem) = Render(body, direction, $"advisory {id}");
        if (problem is null) problems.Resolved(id);
        else problems.Report(id, title, problem, clock.GetUtcNow().UtcDateTime);
        return html;
    }

    /// <summary>Any other Markdown readers see (a transparency page: <paramref name="what"/>), with the same budget and fallback.</summary>
    public string Html(string what, string body, TextDirection direction) => Render(body, direction, what).Html;

    /// <summary>The body as HTML; or, when it cannot be rendered in time, as plain text with the reason (logged).</summary>
    private (string Html, string? Problem) Render(string body, TextDirection direction, string what)
    {
        using var budget = new CancellationTokenSource(site.Value.RenderTimeLimit, clock);
        try
        {
            return (markdown.Render(body, direction, budget.Token), null);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or OperationCanceledException)
        {
            var reason = e is OperationCanceledException ? $"rendering took longer than {site.Value.RenderTimeLimit.TotalSeconds:0.#} s" : e.Message;
            logger.LogError(e, "The body of {What} could not be rendered ({Reason}); it is shown as plain text", what, reason);
            return (PlainText(body, direction), reason);
        }
    }

    /// <summary>The body's words as escaped paragraphs (one per blank-line-separated block): readable, and nothing in it is markup.</summary>
    public static string PlainText(string body, TextDirection direction)
    {
        var html = new StringBuilder();
        var dir = direction == TextDirection.Rtl ? "rtl" : "ltr";
        foreach (var paragraph in SafeText.Clean(body).Replace("\r\n", "\n", StringComparison.Ordinal)
                     .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            html.Append("<p dir=\"").Append(dir).Append("\">").Append(encoder.Encode(paragraph)).Append("</p>\n");
        return html.ToString();
    }
}
