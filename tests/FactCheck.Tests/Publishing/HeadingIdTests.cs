using AngleSharp.Html.Parser;

namespace FactCheck.Tests.Publishing;

public class HeadingIdTests
{
    private static string[] Ids(string markdown, TextDirection direction) =>
        new HtmlParser().ParseDocument(new MarkdownRenderer().Render(markdown, direction))
            .QuerySelectorAll("h2, h3").Select(h => h.GetAttribute("id")!).ToArray();

    [Fact]
    public void Arabic_and_Ukrainian_headings_keep_their_words_in_ids()
    {
        Assert.Equal(["section-ماذا-حدث", "section-كيف-تحمي-نفسك"], Ids("## ماذا حدث\n\nنص\n\n### كيف تحمي نفسك؟", TextDirection.Rtl));
        Assert.Equal(["section-що-сталося"], Ids("## Що сталося", TextDirection.Ltr));
    }

    [Fact]
    public void Repeated_headings_get_distinct_ids_and_author_ids_are_ignored()
    {
        Assert.Equal(["section-steps", "section-steps-2"], Ids("## Steps\n\n## Steps", TextDirection.Ltr));
        var html = new MarkdownRenderer().Render("## Title {#main}\n\n<h2 id=\"main\">x</h2>", TextDirection.Ltr);
        Assert.Null(new HtmlParser().ParseDocument(html).GetElementById("main"));
    }
}
