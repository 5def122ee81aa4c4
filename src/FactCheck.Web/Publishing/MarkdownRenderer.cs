namespace FactCheck;

/// <summary>Markdown → safe HTML. (Placeholder; replaced by the Markdig pipeline.)</summary>
public sealed class MarkdownRenderer
{
    public string Render(string markdown, TextDirection direction) =>
        "<p>" + System.Net.WebUtility.HtmlEncode(markdown) + "</p>";
}
