namespace FactCheck.Tests.Search;

/// <summary>Highlights are whole original words, HTML-encoded, with &lt;mark&gt; the only markup.</summary>
public class SearchSnippetsTests
{
    private static IReadOnlySet<string> Stems(string query) => SearchQuery.Parse(query).Stems;

    [Fact]
    public void The_readers_spelling_is_marked_as_a_whole_word()
    {
        var html = SearchSnippets.Highlight("كَتَبَ الطَّالِبُ الدَّرْسَ", Stems("الطالب"));
        Assert.Equal("كَتَبَ <mark>الطَّالِبُ</mark> الدَّرْسَ", html);
    }

    [Fact]
    public void A_stem_match_marks_the_whole_prefixed_word()
    {
        // "طالب" matched "والطالب": the mark covers the conjunction and article too, never part of the word.
        var html = SearchSnippets.Highlight("جاء والطالب معه", Stems("طالب"));
        Assert.Equal("جاء <mark>والطالب</mark> معه", html);
    }

    [Fact]
    public void Text_is_encoded_and_marks_are_the_only_markup()
    {
        var html = SearchSnippets.Highlight("<script>alert('x')</script> & scam <b>", Stems("script scam"));
        Assert.Equal("&lt;<mark>script</mark>&gt;alert(&#39;x&#39;)&lt;/<mark>script</mark>&gt; &amp; <mark>scam</mark> &lt;b&gt;", html);
    }

    [Fact]
    public void The_snippet_is_the_passage_with_most_query_words_and_is_cut_at_words()
    {
        var filler = string.Join(' ', Enumerable.Repeat("слово", 60));
        var passages = new[] { "короткий опис", $"{filler} бот просить код підтвердження {filler}" };
        var html = SearchSnippets.Snippet(passages, Stems("код бот"));

        Assert.StartsWith("…", html, StringComparison.Ordinal);
        Assert.EndsWith("…", html, StringComparison.Ordinal);
        Assert.Contains("<mark>бот</mark> просить <mark>код</mark> підтвердження", html, StringComparison.Ordinal);
        Assert.True(html.Split(' ').Length <= SearchSnippets.SnippetWords + 1);
    }

    [Fact]
    public void Without_a_match_in_the_prose_the_snippet_is_the_summary()
    {
        var html = SearchSnippets.Snippet(["ملخص قصير", "نص"], Stems("telegram"));
        Assert.Equal("ملخص قصير", html);
    }

    [Fact]
    public void Whitespace_and_line_breaks_collapse()
    {
        Assert.Equal("a <mark>b</mark> c", SearchSnippets.Highlight("a\n\n  b\tc", Stems("b")));
    }
}
