namespace FactCheck.Tests.Publishing;

public class SlugRulesTests
{
    [Theory]
    [InlineData("Fake Support Teams Ask for Your Code!", "fake-support-teams-ask-for-your-code")]
    [InlineData("فِرَقُ دَعْمٍ مُزَيَّفَة تطلب رمز التحقق", "فرق-دعم-مزيفة-تطلب-رمز-التحقق")]
    [InlineData("Фейкові боти «Резерв+» у Telegram", "фейкові-боти-резерв-у-telegram")]
    [InlineData("رمز ٤٥٦ عبر واتساب", "رمز-456-عبر-واتساب")]
    [InlineData("  --  a / b . c  --  ", "a-b-c")]
    [InlineData("ـــتطويـــل", "تطويل")]
    public void Slug_from_title_keeps_words_of_any_script(string title, string slug)
    {
        Assert.Equal(slug, SlugRules.FromTitle(title));
        Assert.Null(SlugRules.Problem(slug));
    }

    [Fact]
    public void Long_titles_are_cut_at_a_word_boundary()
    {
        var slug = SlugRules.FromTitle(string.Join(' ', Enumerable.Repeat("warning", 40)));
        Assert.True(slug.Length <= SlugRules.MaxLength);
        Assert.EndsWith("warning", slug, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Upper-Case")]
    [InlineData("../etc")]
    [InlineData("a/b")]
    [InlineData("a--b")]
    [InlineData("-a")]
    [InlineData("a b")]
    [InlineData("a.b")]
    [InlineData("a%2fb")]
    public void Unsafe_or_untidy_slugs_are_refused(string slug) => Assert.NotNull(SlugRules.Problem(slug));
}
