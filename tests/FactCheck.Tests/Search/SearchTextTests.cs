namespace FactCheck.Tests.Search;

/// <summary>The one normalizer for index and queries: the test strings of docs/rtl-and-text.md fold together, distinct letters stay distinct.</summary>
public class SearchTextTests
{
    // Pairs a reader may type differently for the same word(s). Invisible characters as \u escapes.
    public static TheoryData<string, string> SameText => new()
    {
        { "كَتَبَ الطَّالِبُ الدَّرْسَ", "كتب الطالب الدرس" },       // harakat
        { "كتـــاب", "كتاب" },                                      // tatweel
        { "ه\u0670ذا", "هذا" },                                     // superscript alef
        { "ٱلحمد", "الحمد" },                                        // alef wasla
        { "أحمد إسلام آمن", "احمد اسلام امن" },                      // alef variants
        { "على", "علي" },                                           // alef maksura / yeh
        { "مدرسة", "مدرسه" },                                        // teh marbuta / heh
        { "فارسی کتاب", "فارسي كتاب" },                              // Persian yeh and keheh
        { "می\u200Cخواهم", "میخواهم" },                              // ZWNJ
        { "\uFEFB", "لا" },                                          // presentation form (NFKC)
        { "٢٠٢٤", "2024" },                                          // Arabic-Indic digits
        { "۲۰۲۴", "2024" },                                          // Persian digits
        { "м'ясо", "м\u2019ясо" },                                   // apostrophes
        { "м\u02BCясо", "м\u2019ясо" },
        { "м\u2018ясо", "м'ясо" },
        { "ҐАНОК", "ґанок" },                                        // case
        { "ЇЖАК", "їжак" },
        { "за\u0301мок", "замок" },                                  // stress mark
        { "при\u00ADклад", "приклад" },                              // soft hyphen
        { "и\u0306од", "йод" },                                      // decomposed й composes (NFKC)
        { "WhatsApp SUPPORT", "whatsapp support" },
        { "ＷｈａｔｓＡｐｐ", "whatsapp" },                            // full-width (NFKC)
    };

    [Theory]
    [MemberData(nameof(SameText))]
    public void Variants_fold_to_the_same_words(string typed, string plain) =>
        Assert.Equal(SearchText.Normalize(plain), SearchText.Normalize(typed));

    [Theory]
    [InlineData("йод", "иод")]
    [InlineData("їжак", "іжак")]
    [InlineData("ґанок", "ганок")]
    [InlineData("café", "cafe")]
    public void Letters_with_their_own_identity_are_not_folded(string one, string other) =>
        Assert.NotEqual(SearchText.Normalize(one), SearchText.Normalize(other));

    [Fact]
    public void Vocalised_arabic_stays_one_word_per_word()
    {
        var tokens = SearchText.Tokens("كَتَبَ الطَّالِبُ");
        Assert.Equal(["كتب", "الطالب"], tokens.Select(t => t.Word));
        // The span is the whole original word, marks included.
        Assert.Equal("كَتَبَ", "كَتَبَ الطَّالِبُ"[tokens[0].Start..tokens[0].End]);
    }

    [Fact]
    public void Digits_of_any_script_are_ascii_and_punctuation_splits()
    {
        Assert.Equal("اتصل علي 966 11 234 5678 الان", SearchText.Normalize("اتصل على +966 11 234 5678 الآن"));
        Assert.Equal("زوروا example com ar مقال شكرا", SearchText.Normalize("زوروا example.com/ar/مقال، شكراً؟"));
        Assert.Equal("iphone 15 متوفر", SearchText.Normalize("iPhone ١٥ متوفر"));
    }

    [Theory]
    [InlineData("الطالب", "طالب")]
    [InlineData("والطالب", "طالب")]
    [InlineData("بالطالب", "طالب")]
    [InlineData("للطالب", "طالب")]
    [InlineData("وكتب", "كتب")]
    [InlineData("بالمدرسة", "مدرسه")]
    [InlineData("بمدرستكم", "مدرستكم")]
    public void Arabic_prefixes_are_stripped_from_the_stem(string word, string stem) =>
        Assert.Equal(stem, SearchText.Tokens(word).Single().Stem);

    [Theory]
    [InlineData("وزارة")]      // starts with و
    [InlineData("كرنفالية")]   // starts with ك and is long
    [InlineData("بطاقة")]
    [InlineData("فيسبوك")]
    [InlineData("طالب")]
    public void A_word_and_the_word_with_any_prefix_share_a_stem(string word)
    {
        var stem = SearchText.Tokens(word).Single().Stem;
        foreach (var prefix in new[] { "ال", "وال", "بال", "كال", "فال", "لل", "ولل", "و" })
            Assert.Equal(stem, SearchText.Tokens(prefix + word).Single().Stem);
    }

    [Theory]
    [InlineData("الى")]     // the article with too little after it
    [InlineData("بيت")]     // ب is part of the word
    [InlineData("بطاقة")]   // "card", not "energy"
    [InlineData("كتاب")]
    [InlineData("ولد")]     // و is part of a three-letter word
    public void Short_words_keep_their_first_letters(string word) =>
        Assert.Equal(SearchText.Normalize(word), SearchText.Tokens(word).Single().Stem);

    [Theory]
    [InlineData("м'ясо", "мясо")]
    [InlineData("Telegram's", "telegram")]
    public void Apostrophes_leave_the_stem(string word, string stem) =>
        Assert.Equal(stem, SearchText.Tokens(word).Single().Stem);

    [Fact]
    public void Broken_text_does_not_throw()
    {
        Assert.Equal("a b", SearchText.Normalize("a\uD800b"));
        Assert.Equal("", SearchText.Normalize("\u0001\u0007 \"()*:^"));
        Assert.Equal("", SearchText.Normalize("\u064E\u0650"));
    }
}
