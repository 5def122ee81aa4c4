using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;

namespace FactCheck.Tests.Publishing;

public class BidiTests
{
    /// <summary>The encoder the site configures (SiteSetup: all Unicode ranges, so Arabic is not turned into entities).</summary>
    private static readonly HtmlEncoder PageEncoder = HtmlEncoder.Create(new TextEncoderSettings(UnicodeRanges.All));

    private static string Markup(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, PageEncoder);
        return writer.ToString();
    }

    private static string Rtl(string text) => Markup(Bidi.Text(text, TextDirection.Rtl));
    private static string Ltr(string text) => Markup(Bidi.Text(text, TextDirection.Ltr));

    [Fact]
    public void Text_entirely_in_the_context_direction_is_only_encoded()
    {
        Assert.Equal("يحذر الفريق من رسائل مزيفة.", Rtl("يحذر الفريق من رسائل مزيفة."));
        Assert.Equal("Шахраї &lt;b&gt; &amp; банк", Ltr("Шахраї <b> & банк"));
        Assert.Equal("", Rtl(""));
        Assert.Equal("", Markup(Bidi.Text(null, TextDirection.Rtl)));
    }

    [Fact]
    public void A_phone_number_in_arabic_keeps_its_order()
    {
        // Unisolated, a browser shows "5678 234 11 966+".
        Assert.Equal("اتصل على <bdi dir=\"ltr\">&#x2B;966 11 234 5678</bdi> الآن", Rtl("اتصل على +966 11 234 5678 الآن"));
        Assert.Equal("رقم <bdi dir=\"ltr\">(050) 123 4567</bdi> مزيف", Rtl("رقم (050) 123 4567 مزيف"));
        Assert.Equal("اتصل بـ<bdi dir=\"ltr\">00966 11 234 5678</bdi>", Rtl("اتصل بـ00966 11 234 5678"));
    }

    [Fact]
    public void Arabic_indic_phone_numbers_are_isolated_group_by_group()
    {
        // The spaces between groups of Arabic-Indic digits resolve right-to-left even inside a left-to-right
        // isolate ("+٤٤ ٧٧٠٠ ٩٠٠٥١٧" shows as "+٩٠٠٥١٧ ٧٧٠٠ ٤٤"), so each group is isolated as well.
        Assert.Equal("اتصل على <bdi dir=\"ltr\"><bdi dir=\"ltr\">٠٥٠</bdi> <bdi dir=\"ltr\">١٢٣</bdi> <bdi dir=\"ltr\">٤٥٦٧</bdi></bdi> الآن",
            Rtl("اتصل على ٠٥٠ ١٢٣ ٤٥٦٧ الآن"));
        Assert.Equal("من الرقم <bdi dir=\"ltr\">&#x2B;<bdi dir=\"ltr\">٤٤</bdi> <bdi dir=\"ltr\">٧٧٠٠</bdi> <bdi dir=\"ltr\">٩٠٠٥١٧</bdi></bdi>.",
            Rtl("من الرقم +٤٤ ٧٧٠٠ ٩٠٠٥١٧."));
        Assert.Equal("From &#x2B;<bdi dir=\"ltr\">٤٤</bdi> <bdi dir=\"ltr\">٧٧٠٠</bdi> <bdi dir=\"ltr\">٩٠٠٥١٧</bdi> today",
            Ltr("From +٤٤ ٧٧٠٠ ٩٠٠٥١٧ today"));
        // One group needs nothing: "٣ رسائل" reads right in either direction.
        Assert.Equal("وصلت ٣ رسائل", Rtl("وصلت ٣ رسائل"));
        Assert.Equal("Code ٣٤٥٦", Ltr("Code ٣٤٥٦"));
    }

    [Fact]
    public void A_sign_written_onto_a_name_is_isolated_with_it()
    {
        // Unisolated, the "+" of "Reserve+" is left to the bidi algorithm and shows as "+Reserve" in Arabic.
        Assert.Equal("دعم <bdi dir=\"ltr\">Reserve&#x2B;</bdi> مزيف", Rtl("دعم Reserve+ مزيف"));
        Assert.Equal("تطبيق «<bdi dir=\"ltr\">Резерв&#x2B;</bdi>»", Rtl("تطبيق «Резерв+»"));
        Assert.Equal("روبوت «<bdi dir=\"ltr\">Reserve&#x2B;</bdi> | الدعم»", Rtl("روبوت «Reserve+ | الدعم»"));
        Assert.Equal("وسم <bdi dir=\"ltr\">#scam</bdi> و<bdi dir=\"ltr\">C#</bdi>.", Rtl("وسم #scam وC#."));
    }

    [Fact]
    public void Plain_numbers_and_times_in_arabic_are_left_to_the_arabic_reading_order()
    {
        Assert.Equal("وصلت 3 رسائل بين 10:30 - 11:00 يوم 2024-03-05", Rtl("وصلت 3 رسائل بين 10:30 - 11:00 يوم 2024-03-05"));
    }

    [Fact]
    public void A_url_with_an_arabic_path_stays_one_left_to_right_run()
    {
        Assert.Equal("زوروا <bdi dir=\"ltr\">example.com/ar/مقال</bdi>، شكراً؟", Rtl("زوروا example.com/ar/مقال، شكراً؟"));
        Assert.Equal("افتح <bdi dir=\"ltr\">https://bank-verify.example/login?id=7</bdi> فوراً", Rtl("افتح https://bank-verify.example/login?id=7 فوراً"));
    }

    [Fact]
    public void Brand_names_handles_and_emails_in_arabic_are_isolated()
    {
        Assert.Equal("<bdi dir=\"ltr\">iPhone 15</bdi> متوفر الآن", Rtl("iPhone 15 متوفر الآن"));
        Assert.Equal("رسالة عبر <bdi dir=\"ltr\">WhatsApp</bdi>، <bdi dir=\"ltr\">Telegram</bdi> و(<bdi dir=\"ltr\">Signal</bdi>)",
            Rtl("رسالة عبر WhatsApp، Telegram و(Signal)"));
        Assert.Equal("راسل <bdi dir=\"ltr\">@Fake_Support_Bot</bdi> أو <bdi dir=\"ltr\">help@bank-verify.example</bdi>.",
            Rtl("راسل @Fake_Support_Bot أو help@bank-verify.example."));
    }

    [Fact]
    public void A_ukrainian_phrase_in_arabic_is_isolated()
    {
        Assert.Equal("كتبوا <bdi dir=\"ltr\">Ваш рахунок заблоковано</bdi> ثم طلبوا الرمز", Rtl("كتبوا Ваш рахунок заблоковано ثم طلبوا الرمز"));
    }

    [Fact]
    public void Arabic_in_english_is_isolated_and_numbers_after_it_stay_english()
    {
        // Unisolated, "Sender اتصل 3 times" shows as "Sender 3 اتصل times".
        Assert.Equal("Sender <bdi dir=\"rtl\">اتصل</bdi> 3 times", Ltr("Sender اتصل 3 times"));
        Assert.Equal("The caller said <bdi dir=\"rtl\">اتصل على <bdi dir=\"ltr\">&#x2B;966 11 234 5678</bdi> الآن</bdi> and hung up.",
            Ltr("The caller said اتصل على +966 11 234 5678 الآن and hung up."));
    }

    [Fact]
    public void Harakat_and_combining_marks_stay_with_their_letters()
    {
        Assert.Equal("Read <bdi dir=\"rtl\">كَتَبَ الطَّالِبُ</bdi>.", Ltr("Read كَتَبَ الطَّالِبُ."));
        Assert.Equal("مقهى <bdi dir=\"ltr\">cafe\u0301</bdi> الجديد", Rtl("مقهى cafe\u0301 الجديد"));
    }

    [Fact]
    public void Markup_in_the_text_is_encoded_inside_isolated_runs_too()
    {
        Assert.Equal("اضغط <bdi dir=\"ltr\">&lt;script&gt;alert(1)&lt;/script&gt;</bdi> هنا", Rtl("اضغط <script>alert(1)</script> هنا"));
    }

    [Fact]
    public void Plain_text_uses_unicode_isolates_where_markup_is_impossible()
    {
        Assert.Equal("اتصل على \u2066+966 11 234 5678\u2069 الآن", Bidi.PlainText("اتصل على +966 11 234 5678 الآن", TextDirection.Rtl));
        Assert.Equal("Warning: \u2067احذر\u2069 scam", Bidi.PlainText("Warning: احذر scam", TextDirection.Ltr));
        Assert.Equal("plain", Bidi.PlainText("plain", TextDirection.Ltr));
        Assert.Equal("", Bidi.PlainText(null, TextDirection.Ltr));
        // A feed title: an Arabic paragraph in a left-to-right feed reader, "Reserve+" whole inside it.
        Assert.Equal("\u2067دعم \u2066Reserve+\u2069 مزيف\u2069", Bidi.PlainParagraph("دعم Reserve+ مزيف", TextDirection.Rtl));
    }

    [Theory]
    [InlineData("iPhone 15 متوفر الآن", TextDirection.Ltr)]
    [InlineData("  +966 اتصل", TextDirection.Rtl)]
    [InlineData("Шахраї", TextDirection.Ltr)]
    [InlineData("123 !?", null)]
    [InlineData("", null)]
    public void First_strong_is_what_dir_auto_would_pick(string text, TextDirection? expected)
    {
        Assert.Equal(expected, Bidi.FirstStrong(text));
    }

    [Theory]
    [InlineData("iPhone 15 متوفر الآن", TextDirection.Rtl)]
    [InlineData("WhatsApp Business يحذر من الرسائل", TextDirection.Rtl)]
    [InlineData("The scammers wrote «مرحبا» and asked for the code", TextDirection.Ltr)]
    [InlineData("زوروا https://example.com/ar/مقال/طويل/جداً اليوم", TextDirection.Rtl)]
    [InlineData("Contact اتصل", null)]
    [InlineData("+966 11 234 5678", null)]
    public void Prevailing_counts_words_and_ignores_urls(string text, TextDirection? expected)
    {
        Assert.Equal(expected, Bidi.Prevailing(text));
    }

    [Theory]
    [InlineData("ar", "«دعم Reserve+»", "دعم Reserve+")]
    [InlineData("ar", "«دعم Reserve+» على Telegram", "“دعم Reserve+” على Telegram")]
    [InlineData("uk", "«Підтримка Резерв+» у Telegram", "„Підтримка Резерв+“ у Telegram")]
    [InlineData("en", "“Reserve+ support” on Telegram", "‘Reserve+ support’ on Telegram")]
    [InlineData("en", "\"Fake\" support", "\"Fake\" support")]
    [InlineData("uk", "Без лапок", "Без лапок")]
    public void A_title_placed_in_quotation_marks_is_quoted_once(string language, string title, string expected)
    {
        // "We have withdrawn «{0}»" around «…» showed «««…»» to readers.
        Assert.Equal(expected, Bidi.ForQuoting(title, SiteLanguage.Find(language)!));
    }
}
