namespace FactCheck.Tests.Search;

/// <summary>Readers' input never reaches FTS5 as syntax: it becomes quoted folded words or nothing.</summary>
public class SearchQueryTests
{
    [Fact]
    public void Words_become_terms_and_quotes_make_phrases()
    {
        var query = SearchQuery.Parse("دعم «رمز التحقق» WhatsApp");
        Assert.Equal(["دعم", "رمز التحقق", "whatsapp"], query.Terms.Select(t => string.Join(' ', t.Words)));
        Assert.True(query.Terms[1].IsPhrase);
    }

    [Fact]
    public void A_word_with_punctuation_inside_is_a_phrase()
    {
        var term = SearchQuery.Parse("wa-support.example").Terms.Single();
        Assert.Equal(["wa", "support", "example"], term.Words);
    }

    [Theory]
    [InlineData("a OR b", "a|or|b")]
    [InlineData("NEAR(a b)", "near a|b")]
    [InlineData("title:x", "title x")]
    [InlineData("\"unbalanced quote", "unbalanced quote")]
    [InlineData("x* -y ^z", "x|y|z")]
    [InlineData("{title prose}: x", "title|prose|x")]
    [InlineData("\"a\"\"b\"", "a|b")]
    public void Syntax_characters_and_operators_are_plain_words(string input, string terms)
    {
        var query = SearchQuery.Parse(input);
        Assert.Equal(terms.Split('|'), query.Terms.Select(t => string.Join(' ', t.Words)));
        // Every term is one quoted phrase per branch: nothing else from the reader is in the expression.
        var expression = SqliteSearchIndex.MatchExpression(query);
        var unquoted = System.Text.RegularExpressions.Regex.Replace(expression, "\"[^\"]*\"", "\"\"");
        Assert.Matches(@"^\{title prose facts\} : """"( AND \{title prose facts\} : """")*$", unquoted);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("()\"*:")]
    [InlineData("\u0001\u0002")]
    public void Input_without_words_is_empty(string input) => Assert.True(SearchQuery.Parse(input).IsEmpty);

    [Fact]
    public void Terms_are_capped_and_deduplicated()
    {
        var query = SearchQuery.Parse(string.Join(' ', Enumerable.Range(0, 50).Select(i => "w" + i)) + " w0 w1");
        Assert.Equal(SearchQuery.MaxTerms, query.Terms.Count);
        Assert.Equal(query.Terms.Count, query.Terms.Select(t => t.Words[0]).Distinct().Count());
    }
}
