namespace FactCheck.Tests.Search;

public class IndicatorNormalizerTests
{
    // Invisible characters, written as escapes so the test data shows them.
    const string Lrm = "\u200E", Rlm = "\u200F", Alm = "\u061C", Lri = "\u2066", Rli = "\u2067", Pdi = "\u2069";
    const string Rle = "\u202B", Pdf = "\u202C", Rlo = "\u202E", Zwsp = "\u200B", Nbsp = "\u00A0", Bom = "\uFEFF";

    // --- phones ---------------------------------------------------------------------------------

    public static TheoryData<string, string?, string> Phones => new()
    {
        // International, however it is spaced and punctuated
        { "+44 7700 900123", null, "+447700900123" },
        { "+447700900123", null, "+447700900123" },
        { "+44 (0) 7700 900123", null, "+447700900123" },
        { "+44 (0)7700-900-123", null, "+447700900123" },
        { "0044 7700 900123", null, "+447700900123" },
        { "00447700900123", null, "+447700900123" },
        { "+44.7700.900.123", null, "+447700900123" },
        { "+44\u20137700\u2013900123", null, "+447700900123" },
        { "+44" + Nbsp + "7700" + Nbsp + "900123", null, "+447700900123" },
        { "  +44 7700 900123  ", null, "+447700900123" },
        { "+966 11 234 5678", null, "+966112345678" },
        { "+966-50-123-4567", null, "+966501234567" },
        { "+971 50 123 4567", null, "+971501234567" },
        { "+20 10 1234 5678", null, "+201012345678" },
        { "+962 7 9123 4567", null, "+962791234567" },
        { "+964 770 123 4567", null, "+9647701234567" },
        { "+963 944 123 456", null, "+963944123456" },
        { "+212 6 12 34 56 78", null, "+212612345678" },
        { "+380 97 123 4567", null, "+380971234567" },
        { "+38 (097) 123-45-67", null, "+380971234567" },
        { "+7 912 345.67.89", null, "+79123456789" },
        { "+1 (202) 555-0143", null, "+12025550143" },
        { "+1.202.555.0143", null, "+12025550143" },
        { "+39 06 1234 5678", null, "+390612345678" },
        { "+49 (0)30 123456", null, "+4930123456" },
        // A country does not override a written calling code
        { "+44 7700 900123", "SA", "+447700900123" },
        // National forms with a country
        { "07700 900123", "GB", "+447700900123" },
        { "07700900123", "gb", "+447700900123" },
        { "(07700) 900 123", "GB", "+447700900123" },
        { "07700 900123", " uk ", "+447700900123" },
        { "050 123 4567", "SA", "+966501234567" },
        { "011 234 5678", "SA", "+966112345678" },
        { "097 123 45 67", "UA", "+380971234567" },
        { "8 (912) 345-67-89", "RU", "+79123456789" },
        { "(202) 555-0143", "US", "+12025550143" },
        { "1-202-555-0143", "US", "+12025550143" },
        { "011 44 7700 900123", "US", "+447700900123" },
        { "010 1234 5678", "EG", "+201012345678" },
        { "0612345678", "MA", "+212612345678" },
        { "06 1234 5678", "IT", "+390612345678" },
        // Arabic-Indic, Persian and full-width digits
        { "٠٥٠١٢٣٤٥٦٧", "SA", "+966501234567" },
        { "+٩٦٦ ٥٠ ١٢٣ ٤٥٦٧", null, "+966501234567" },
        { "٠٠٩٦٦٥٠١٢٣٤٥٦٧", null, "+966501234567" },
        { "۰۹۱۲ ۳۴۵ ۶۷۸۹", "IR", "+989123456789" },
        { "+۹۸ ۹۱۲ ۳۴۵ ۶۷۸۹", null, "+989123456789" },
        { "+٩٦٦ 50 123 ٤٥٦٧", null, "+966501234567" },
        { "\uFF0B\uFF14\uFF14 \uFF17\uFF17\uFF10\uFF10 \uFF19\uFF10\uFF10\uFF11\uFF12\uFF13", null, "+447700900123" },
        // Bidi marks and isolates that Arabic text puts around numbers
        { Lrm + "+966 11 234 5678" + Rlm, null, "+966112345678" },
        { Lri + "+966 11 234 5678" + Pdi, null, "+966112345678" },
        { Rle + "+966 50 123 4567" + Pdf, null, "+966501234567" },
        { Alm + "٠٥٠" + Lrm + "١٢٣" + Lrm + "٤٥٦٧", "SA", "+966501234567" },
        { "+966" + Zwsp + "501234567" + Bom, null, "+966501234567" },
        // Inside the text of an Arabic or Ukrainian message
        { "اتصل على +966 11 234 5678 الآن", null, "+966112345678" },
        { "اتصل على ٠٥٠١٢٣٤٥٦٧ الآن", "SA", "+966501234567" },
        { "واتساب: " + Rlm + "+٩٧١ ٥٠ ١٢٣ ٤٥٦٧", null, "+971501234567" },
        { "Дзвонили з номера +380 97 123 4567", null, "+380971234567" },
        { "WhatsApp: +44 7700 900123", null, "+447700900123" },
        // Links that carry a number
        { "tel:+447700900123", null, "+447700900123" },
        { "https://wa.me/447700900123", null, "+447700900123" },
        { "wa.me/+966501234567", null, "+966501234567" },
        { "https://api.whatsapp.com/send?phone=966501234567&text=hi", null, "+966501234567" },
    };

    [Theory, MemberData(nameof(Phones))]
    public void Phone_numbers_become_E164(string raw, string? country, string expected)
    {
        var result = IndicatorNormalizer.Normalize(IndicatorType.Phone, raw, country);
        Assert.Null(result.Error);
        Assert.True(result.IsValid);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("07700 900123", null, "national number needs a country")]
    [InlineData("٠٥٠١٢٣٤٥٦٧", null, "national number needs a country")]
    [InlineData("07700 900123", "XX", "unknown country")]
    [InlineData("07700 900123", "GBR", "unknown country")]
    [InlineData("+999 1234 5678", null, "unknown calling code")]
    [InlineData("+44 77", null, "too short")]
    [InlineData("+1234567890123456789", null, "too long")]
    [InlineData("+44 7700 900123 or +44 7700 900124", null, "not a phone number")]
    [InlineData("+44 7700 900123, +44 7700 900124", null, "not a phone number")]
    [InlineData("+44 7700 900123 ext. 5", null, "not a phone number")]
    [InlineData("+44 77OO 900123", null, "not a phone number")]
    [InlineData("call me", null, "not a phone number")]
    [InlineData("اتصل بنا", null, "not a phone number")]
    [InlineData("(-)", null, "not a phone number")]
    public void Impossible_phone_numbers_are_refused_with_a_reason(string raw, string? country, string error)
    {
        var result = IndicatorNormalizer.Normalize(IndicatorType.Phone, raw, country);
        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.Equal(error, result.Error);
    }

    // --- URLs -----------------------------------------------------------------------------------

    public static TheoryData<string, string> Urls => new()
    {
        { "https://evil.example/login", "https://evil.example/login" },
        { "HTTPS://EVIL.Example/Login", "https://evil.example/Login" },
        { "https://bit.ly/3AbCdE", "https://bit.ly/3AbCdE" },
        // Defanged
        { "hxxps://evil[.]example/login", "https://evil.example/login" },
        { "hxxp://evil[.]example", "http://evil.example" },
        { "hXXps[:]//evil[.]example/login/", "https://evil.example/login" },
        { "hxxps[://]evil[.]example", "https://evil.example" },
        { "evil[.]example/login", "https://evil.example/login" },
        { "evil(.)example", "https://evil.example" },
        { "evil{.}example", "https://evil.example" },
        { "evil[dot]example/a", "https://evil.example/a" },
        { "evil(DOT)example/a", "https://evil.example/a" },
        { "evil\\.example", "https://evil.example" },
        { "https://evil [.] example/x", "https://evil.example/x" },
        { "login[.]evil[.]example/verify?id=7", "https://login.evil.example/verify?id=7" },
        // Scheme, www, slash, port, fragment
        { "evil.example", "https://evil.example" },
        { "//evil.example/x", "https://evil.example/x" },
        { "www.evil.example", "https://www.evil.example" },
        { "https://www.evil.example/", "https://www.evil.example" },
        { "http://evil.example/a/b/", "http://evil.example/a/b" },
        { "https://evil.example:443/a", "https://evil.example/a" },
        { "http://evil.example:80/a", "http://evil.example/a" },
        { "https://evil.example:8443/a", "https://evil.example:8443/a" },
        { "https://evil.example/a#top", "https://evil.example/a" },
        { "https://evil.example/#/login", "https://evil.example" },
        { "https://evil.example./x", "https://evil.example/x" },
        { "https://evil.example/a/b/../c", "https://evil.example/a/c" },
        // Query kept, tracking dropped
        { "https://evil.example/a?b=1&c=2", "https://evil.example/a?b=1&c=2" },
        { "https://evil.example/a?utm_source=whatsapp&utm_medium=msg&id=7", "https://evil.example/a?id=7" },
        { "https://evil.example/?fbclid=IwAR0abc", "https://evil.example" },
        { "https://evil.example/login?gclid=abc&ref=sms", "https://evil.example/login?ref=sms" },
        { "https://evil.example/login?ref=sms&UTM_Campaign=x#frag", "https://evil.example/login?ref=sms" },
        // International names and paths
        { "https://сбу.укр", "https://xn--90a5ah.xn--j1amh" },
        { "https://СБУ.УКР/", "https://xn--90a5ah.xn--j1amh" },
        { "дія.укр/перевірка", "https://xn--d1a8cua.xn--j1amh/%D0%BF%D0%B5%D1%80%D0%B5%D0%B2%D1%96%D1%80%D0%BA%D0%B0" },
        { "https://example.com/ar/مقال", "https://example.com/ar/%D9%85%D9%82%D8%A7%D9%84" },
        { "https://example.com/ar/%d9%85%d9%82%d8%a7%d9%84", "https://example.com/ar/%D9%85%D9%82%D8%A7%D9%84" },
        { "https://مثال.السعودية/تحقق", "https://xn--mgbh0fb.xn--mgberp4a5d4ar/%D8%AA%D8%AD%D9%82%D9%82" },
        // Full-width, bidi marks
        { "https://\uFF45\uFF56\uFF49\uFF4C\uFF0E\uFF45\uFF58\uFF41\uFF4D\uFF50\uFF4C\uFF45/login", "https://evil.example/login" },
        { Rli + "https://evil.example/login" + Pdi, "https://evil.example/login" },
        { Rlm + "evil[.]example" + Lrm, "https://evil.example" },
        // The user-info trick keeps pointing at the real host
        { "https://paypal.com@evil.example/login", "https://paypal.com@evil.example/login" },
        { "http://192.168.1.10/login.php", "http://192.168.1.10/login.php" },
        { "t.me/reserve_plus_bot", "https://t.me/reserve_plus_bot" },
    };

    [Theory, MemberData(nameof(Urls))]
    public void Urls_are_refanged_and_canonical(string raw, string expected)
    {
        var result = IndicatorNormalizer.Normalize(IndicatorType.Url, raw);
        Assert.Null(result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("ftp://evil.example/file")]
    [InlineData("https://evil")]
    [InlineData("https://evil example.com")]
    [InlineData("not a url at all")]
    [InlineData("https://")]
    [InlineData("https://evil..example/")]
    [InlineData("https://-.-/")]
    public void Unusable_urls_are_refused(string raw)
    {
        var result = IndicatorNormalizer.Normalize(IndicatorType.Url, raw);
        Assert.False(result.IsValid);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public void Urls_longer_than_the_column_are_refused()
    {
        var raw = "https://evil.example/" + new string('a', IndicatorNormalizer.MaxNormalizedLength);
        Assert.Equal("too long", IndicatorNormalizer.Normalize(IndicatorType.Url, raw).Error);
        var fits = "https://evil.example/" + new string('a', IndicatorNormalizer.MaxNormalizedLength - 30);
        Assert.True(IndicatorNormalizer.Normalize(IndicatorType.Url, fits).IsValid);
    }

    // --- domains --------------------------------------------------------------------------------

    public static TheoryData<string, string> Domains => new()
    {
        { "evil.example", "evil.example" },
        { "EVIL.Example", "evil.example" },
        { "www.evil.example", "evil.example" },
        { "WWW.Evil.Example.", "evil.example" },
        { "evil.example.", "evil.example" },
        { "login.evil.example", "login.evil.example" },
        { "www.login.evil.example", "login.evil.example" },
        { "secure_login.evil.example", "secure_login.evil.example" },
        { "https://www.evil.example/login?x=1", "evil.example" },
        { "http://evil.example:8080/a", "evil.example" },
        { "evil.example:8080", "evil.example" },
        { "https://paypal.com@evil.example/login", "evil.example" },
        { "evil[.]example", "evil.example" },
        { "hxxps://evil[.]example/path", "evil.example" },
        { "evil(.)example", "evil.example" },
        { "evil[dot]example", "evil.example" },
        { "evil [.] example", "evil.example" },
        { "сбу.укр", "xn--90a5ah.xn--j1amh" },
        { "СБУ.УКР", "xn--90a5ah.xn--j1amh" },
        { "www.сбу.укр", "xn--90a5ah.xn--j1amh" },
        { "https://дія.укр/перевірка", "xn--d1a8cua.xn--j1amh" },
        { "мвс[.]укр", "xn--b1atq.xn--j1amh" },
        { "xn--90a5ah.xn--j1amh", "xn--90a5ah.xn--j1amh" },
        { "пример.рф", "xn--e1afmkfd.xn--p1ai" },
        { "مثال.السعودية", "xn--mgbh0fb.xn--mgberp4a5d4ar" },
        { "münchen.de", "xn--mnchen-3ya.de" },
        { "\uFF45\uFF56\uFF49\uFF4C\uFF0E\uFF45\uFF58\uFF41\uFF4D\uFF50\uFF4C\uFF45", "evil.example" },
        { Rlm + "evil.example" + Lrm, "evil.example" },
        { Lri + "сбу.укр" + Pdi, "xn--90a5ah.xn--j1amh" },
        { "coinbase-security.example", "coinbase-security.example" },
        { "192.168.1.10", "192.168.1.10" },
        { "www.com", "www.com" },
    };

    [Theory, MemberData(nameof(Domains))]
    public void Domains_are_lowercase_punycode_without_www(string raw, string expected)
    {
        var result = IndicatorNormalizer.Normalize(IndicatorType.Domain, raw);
        Assert.Null(result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("evil")]
    [InlineData("evil..example")]
    [InlineData("evil example.com")]
    [InlineData("-")]
    [InlineData("192.168.1.300")]
    [InlineData("evil.123")]
    [InlineData("[::1]")]
    [InlineData("evil!.example")]
    public void Unusable_domains_are_refused(string raw)
    {
        var result = IndicatorNormalizer.Normalize(IndicatorType.Domain, raw);
        Assert.False(result.IsValid);
        Assert.NotNull(result.Error);
    }

    // --- e-mail addresses -----------------------------------------------------------------------

    public static TheoryData<string, string> Emails => new()
    {
        { "support@evil.example", "support@evil.example" },
        { "Support@Evil.Example", "support@evil.example" },
        { "  support@evil.example ", "support@evil.example" },
        { "support[at]evil[.]example", "support@evil.example" },
        { "support(at)evil(.)example", "support@evil.example" },
        { "support[@]evil[dot]example", "support@evil.example" },
        { "support [at] evil [dot] example", "support@evil.example" },
        { "support{at}evil{.}example", "support@evil.example" },
        { "mailto:support@evil.example", "support@evil.example" },
        { "MAILTO:Support@Evil.Example?subject=Verify", "support@evil.example" },
        { "Coinbase Support <support@evil.example>", "support@evil.example" },
        { "\"Служба підтримки\" <Support@Evil.Example>", "support@evil.example" },
        { "first.last+tag@mail.evil.example", "first.last+tag@mail.evil.example" },
        { "security@сбу.укр", "security@xn--90a5ah.xn--j1amh" },
        { "info@مثال.السعودية", "info@xn--mgbh0fb.xn--mgberp4a5d4ar" },
        { Lrm + "support@evil.example" + Rlm, "support@evil.example" },
        { Rli + "support@evil.example" + Pdi, "support@evil.example" },
        { "\uFF53\uFF55\uFF50\uFF50\uFF4F\uFF52\uFF54\uFF20evil.example", "support@evil.example" },
        { "a@b.c", "a@b.c" },
    };

    [Theory, MemberData(nameof(Emails))]
    public void Emails_are_lowercase_and_refanged(string raw, string expected)
    {
        var result = IndicatorNormalizer.Normalize(IndicatorType.Email, raw);
        Assert.Null(result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("support")]
    [InlineData("@evil.example")]
    [InlineData("support@")]
    [InlineData("support@evil")]
    [InlineData("sup port@evil.example")]
    [InlineData("support@@evil.example")]
    [InlineData("support@evil..example")]
    [InlineData("evil.example")]
    public void Unusable_emails_are_refused(string raw)
    {
        var result = IndicatorNormalizer.Normalize(IndicatorType.Email, raw);
        Assert.False(result.IsValid);
        Assert.NotNull(result.Error);
    }

    // --- handles --------------------------------------------------------------------------------

    public static TheoryData<string, string> Handles => new()
    {
        { "@reserve_plus_bot", "@reserve_plus_bot" },
        { "@Reserve_Plus_Bot", "@reserve_plus_bot" },
        { "Reserve_plus_bot", "@reserve_plus_bot" },
        { "  @telegram_support  ", "@telegram_support" },
        { "t.me/reserve_plus_bot", "@reserve_plus_bot" },
        { "https://t.me/reserve_plus_bot", "@reserve_plus_bot" },
        { "http://t.me/reserve_plus_bot", "@reserve_plus_bot" },
        { "HTTPS://T.ME/Reserve_Plus_Bot", "@reserve_plus_bot" },
        { "https://t.me/reserve_plus_bot/", "@reserve_plus_bot" },
        { "https://t.me/Reserve_Plus_Bot?start=abc123", "@reserve_plus_bot" },
        { "telegram.me/reserve_plus_bot", "@reserve_plus_bot" },
        { "https://telegram.me/reserve_plus_bot", "@reserve_plus_bot" },
        { "https://telegram.dog/reserve_plus_bot", "@reserve_plus_bot" },
        { "https://www.t.me/reserve_plus_bot", "@reserve_plus_bot" },
        { "t[.]me/reserve_plus_bot", "@reserve_plus_bot" },
        { "hxxps://t[.]me/reserve_plus_bot", "@reserve_plus_bot" },
        { "https://t.me/s/fake_support_channel", "@fake_support_channel" },
        { "https://t.me/fake_support_channel/123", "@fake_support_channel" },
        { "tg://resolve?domain=reserve_plus_bot", "@reserve_plus_bot" },
        { "tg://resolve?domain=Reserve_Plus_Bot&start=x", "@reserve_plus_bot" },
        { Lri + "@reserve_plus_bot" + Pdi, "@reserve_plus_bot" },
        { Rlm + "@reserve_plus_bot" + Lrm, "@reserve_plus_bot" },
        { "\uFF20reserve_plus_bot", "@reserve_plus_bot" },
        { "@coinbase.support.desk", "@coinbase.support.desk" },
        { "@wallet_verify_2024", "@wallet_verify_2024" },
    };

    [Theory, MemberData(nameof(Handles))]
    public void Handles_are_lowercase_with_at(string raw, string expected)
    {
        var result = IndicatorNormalizer.Normalize(IndicatorType.Handle, raw);
        Assert.Null(result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("@")]
    [InlineData("@@reserve")]
    [InlineData("@reserve plus")]
    [InlineData("@резерв_бот")]
    [InlineData("https://t.me/+AbCdEf123456")]
    [InlineData("https://t.me/joinchat/AbCdEf123456")]
    [InlineData("https://evil.example/reserve_plus_bot")]
    [InlineData("https://t.me/")]
    [InlineData("@.bot")]
    public void Unusable_handles_are_refused(string raw)
    {
        var result = IndicatorNormalizer.Normalize(IndicatorType.Handle, raw);
        Assert.False(result.IsValid);
        Assert.NotNull(result.Error);
    }

    // --- wallets --------------------------------------------------------------------------------

    public static TheoryData<string, string> Wallets => new()
    {
        { "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh", "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh" },
        { "1BoatSLRHtKNngkdXEeobR76b53LETtpyT", "1BoatSLRHtKNngkdXEeobR76b53LETtpyT" },
        { "0x52908400098527886E0F7030069857D2E4169EE7", "0x52908400098527886E0F7030069857D2E4169EE7" },
        { "  TJRabPrwbZy45sbavfcjinPJC18kjpRTv8 \n", "TJRabPrwbZy45sbavfcjinPJC18kjpRTv8" },
        { Lrm + "0x52908400098527886E0F7030069857D2E4169EE7" + Rlm, "0x52908400098527886E0F7030069857D2E4169EE7" },
        { "bitcoin:bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh?amount=0.1", "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh" },
        { "ethereum:0x52908400098527886E0F7030069857D2E4169EE7@1", "0x52908400098527886E0F7030069857D2E4169EE7" },
    };

    [Theory, MemberData(nameof(Wallets))]
    public void Wallets_are_trimmed_with_case_preserved(string raw, string expected)
    {
        var result = IndicatorNormalizer.Normalize(IndicatorType.Wallet, raw);
        Assert.Null(result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("not a wallet")]
    [InlineData("0x1234")]
    [InlineData("bc1qxy2kgdygjrsqtzq2n0 yrf2493p83kkfjhx0wlh")]
    [InlineData("0x52908400098527886E0F7030069857D2E4169EE7!")]
    public void Unusable_wallets_are_refused(string raw)
    {
        Assert.False(IndicatorNormalizer.Normalize(IndicatorType.Wallet, raw).IsValid);
    }

    // --- junk of every type -----------------------------------------------------------------------

    public static TheoryData<IndicatorType, string> Junk()
    {
        string[] inputs =
        [
            "", "   ", "\t\n", "!!!", "...", "—", "()[]{}", "@@@", "[.]", Lrm + Rlm + Lri + Pdi,
            new string('7', 2000), new string('a', 2000), "https://evil.example/" + new string('x', 1979),
            "+44 7700\u0000900123", "evil\u0007.example", "\u001B[31msupport@evil.example", "@bot\u0085name",
            "0x52908400098527886E0F7030069857D2E4169EE7\u007F", "\uD800evil.example",
        ];
        var data = new TheoryData<IndicatorType, string>();
        foreach (var type in Enum.GetValues<IndicatorType>())
        {
            foreach (var input in inputs) data.Add(type, input);
        }
        return data;
    }

    [Theory, MemberData(nameof(Junk))]
    public void Junk_gives_an_error_not_an_exception(IndicatorType type, string raw)
    {
        var result = IndicatorNormalizer.Normalize(type, raw, "GB");
        Assert.False(result.IsValid);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
    }

    [Fact]
    public void Mangled_input_never_throws_and_valid_values_are_stable()
    {
        // Real indicators from the tests above, mangled with fragments that break parsers: marks,
        // controls, half surrogates, stray punctuation, other scripts.
        string[] pieces =
        [
            "0", "5", "٠", "٥", "۹", "\uFF17", "+", "00", "-", ".", " ", "(", ")", "[", "]", "@", ":", "/", "//",
            "?", "#", "&", "=", "%", "%4", "%2F", "_", "a", "Z", "ج", "ї", "Ж", "hxxps://", "[.]", "(at)", "t.me/", "www.",
            ".укр", "xn--", "?utm_source=x", Lrm, Rlm, Lri, Pdi, Rlo, Zwsp, Nbsp, "\u0000", "\u001B", "\n",
            "\uD83D", "\uDE00", "\uD83D\uDE00", "\uFF0E", "\uFF20", "\\", "\"", "<", ">", "..", "@@",
        ];
        var seeds = new IEnumerable<object?[]>[] { Phones, Urls, Domains, Emails, Handles, Wallets }
            .SelectMany(data => data.Select(row => (string)row[0]!))
            .ToArray();
        var random = new Random(20250314);
        var valid = new Dictionary<IndicatorType, int>();
        for (var i = 0; i < 4000; i++)
        {
            var input = seeds[random.Next(seeds.Length)];
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(input.Length + 1);
                input = random.Next(3) == 0 && at < input.Length
                    ? input.Remove(at, 1)
                    : input.Insert(at, pieces[random.Next(pieces.Length)]);
            }
            foreach (var type in Enum.GetValues<IndicatorType>())
            {
                var result = IndicatorNormalizer.Normalize(type, input, "GB");
                if (result.IsValid)
                {
                    valid[type] = valid.GetValueOrDefault(type) + 1;
                    Assert.Null(result.Error);
                    Assert.InRange(result.Value!.Length, 1, IndicatorNormalizer.MaxNormalizedLength);
                    Assert.Equal(result.Value, IndicatorNormalizer.Normalize(type, result.Value, "GB").Value);
                }
                else Assert.False(string.IsNullOrWhiteSpace(result.Error));
                var shown = IndicatorNormalizer.Display(type, input);
                Assert.DoesNotContain(Rlo, shown, StringComparison.Ordinal);
            }
            foreach (var (_, value) in IndicatorNormalizer.Candidates(input))
                Assert.InRange(value.Length, 1, IndicatorNormalizer.MaxNormalizedLength);
        }
        // The mangling must leave enough valid input of every type for the stability check to mean something.
        Assert.All(Enum.GetValues<IndicatorType>(), type => Assert.True(valid.GetValueOrDefault(type) > 25, $"{type}: {valid.GetValueOrDefault(type)}"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_input_says_empty(string raw) =>
        Assert.Equal("empty", IndicatorNormalizer.Normalize(IndicatorType.Url, raw).Error);

    [Fact]
    public void Control_characters_are_named_as_the_problem() =>
        Assert.Equal("control characters", IndicatorNormalizer.Normalize(IndicatorType.Domain, "evil\u0007.example").Error);

    [Fact]
    public void Normalizing_a_normalized_value_changes_nothing()
    {
        var samples = new (IndicatorType Type, string Raw)[]
        {
            (IndicatorType.Phone, "٠٥٠١٢٣٤٥٦٧"), (IndicatorType.Url, "hxxps://www[.]Evil[.]example/a/?utm_source=x&id=1#f"),
            (IndicatorType.Url, "дія.укр/перевірка"), (IndicatorType.Domain, "www.СБУ.укр."),
            (IndicatorType.Email, "Support[at]Evil[.]example"), (IndicatorType.Handle, "https://t.me/Reserve_Plus_Bot"),
            (IndicatorType.Wallet, " bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh "),
        };
        foreach (var (type, raw) in samples)
        {
            var once = IndicatorNormalizer.Normalize(type, raw, "SA").Value!;
            Assert.Equal(once, IndicatorNormalizer.Normalize(type, once, "SA").Value);
        }
    }

    // --- display --------------------------------------------------------------------------------

    [Theory]
    [InlineData(IndicatorType.Url, "https://evil.example/login", "hxxps://evil[.]example/login")]
    [InlineData(IndicatorType.Url, "http://evil.example/login.php", "hxxp://evil[.]example/login.php")]
    [InlineData(IndicatorType.Url, "hxxps://evil[.]example/login", "hxxps://evil[.]example/login")]
    [InlineData(IndicatorType.Url, "evil(.)example/login", "evil[.]example/login")]
    [InlineData(IndicatorType.Url, "HTTPS://Login.Evil.Example/Verify", "hxxps://Login[.]Evil[.]Example/Verify")]
    [InlineData(IndicatorType.Url, "https://paypal.com@evil.example/", "hxxps://paypal[.]com@evil[.]example/")]
    [InlineData(IndicatorType.Url, "https://go.example/r?to=https://evil.example", "hxxps://go[.]example/r?to=hxxps://evil.example")]
    [InlineData(IndicatorType.Url, "https://дія.укр/перевірка", "hxxps://дія[.]укр/перевірка")]
    [InlineData(IndicatorType.Url, "https://evil.example/\u202Egpj.exe", "hxxps://evil[.]example/gpj.exe")]
    [InlineData(IndicatorType.Domain, "evil.example", "evil[.]example")]
    [InlineData(IndicatorType.Domain, "evil[.]example", "evil[.]example")]
    [InlineData(IndicatorType.Domain, "сбу.укр", "сбу[.]укр")]
    [InlineData(IndicatorType.Domain, "\u202Eelpmaxe.live", "elpmaxe[.]live")]
    [InlineData(IndicatorType.Email, "support@evil.example", "support@evil[.]example")]
    [InlineData(IndicatorType.Email, "first.last@evil.example", "first.last@evil[.]example")]
    [InlineData(IndicatorType.Email, "support[at]evil[.]example", "support@evil[.]example")]
    [InlineData(IndicatorType.Handle, "@reserve_plus_bot", "@reserve_plus_bot")]
    [InlineData(IndicatorType.Handle, "https://t.me/reserve_plus_bot", "hxxps://t[.]me/reserve_plus_bot")]
    [InlineData(IndicatorType.Handle, "t.me/reserve_plus_bot", "t[.]me/reserve_plus_bot")]
    [InlineData(IndicatorType.Phone, "+٩٦٦ ٥٠ ١٢٣ ٤٥٦٧", "+966 50 123 4567")]
    [InlineData(IndicatorType.Phone, "۰۹۱۲ ۳۴۵ ۶۷۸۹", "0912 345 6789")]
    [InlineData(IndicatorType.Phone, "\u200F+44 (0) 7700-900123\u200E", "+44 (0) 7700-900123")]
    [InlineData(IndicatorType.Phone, "\u2066+966 11 234 5678\u2069", "+966 11 234 5678")]
    [InlineData(IndicatorType.Wallet, " 0x52908400098527886E0F7030069857D2E4169EE7 ", "0x52908400098527886E0F7030069857D2E4169EE7")]
    [InlineData(IndicatorType.Url, "", "")]
    public void Readers_see_links_defanged_and_digits_in_ascii(IndicatorType type, string raw, string expected) =>
        Assert.Equal(expected, IndicatorNormalizer.Display(type, raw));

    [Theory, MemberData(nameof(Urls))]
    public void No_displayed_url_is_a_link(string raw, string normalized)
    {
        foreach (var shown in new[] { IndicatorNormalizer.Display(IndicatorType.Url, raw), IndicatorNormalizer.Display(IndicatorType.Url, normalized) })
        {
            Assert.DoesNotContain("http://", shown, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("https://", shown, StringComparison.OrdinalIgnoreCase);
            var host = IndicatorNormalizer.Normalize(IndicatorType.Domain, raw).Value;
            if (host is not null && !host.StartsWith("192.", StringComparison.Ordinal))
                Assert.DoesNotContain(host, shown, StringComparison.OrdinalIgnoreCase);
        }
    }

    // --- candidates for the "check this" box ---------------------------------------------------------

    public static TheoryData<string, IndicatorType, string> Expected => new()
    {
        // Phones
        { "0501234567", IndicatorType.Phone, "0501234567" },
        { "050 123 4567", IndicatorType.Phone, "0501234567" },
        { "٠٥٠١٢٣٤٥٦٧", IndicatorType.Phone, "0501234567" },
        { "۰۹۱۲ ۳۴۵ ۶۷۸۹", IndicatorType.Phone, "09123456789" },
        { "اتصل على ٠٥٠١٢٣٤٥٦٧ الآن", IndicatorType.Phone, "0501234567" },
        { "اتصل على +966 11 234 5678 الآن", IndicatorType.Phone, "+966112345678" },
        { "+966 50 123 4567", IndicatorType.Phone, "+966501234567" },
        { "+٩٦٦ ٥٠ ١٢٣ ٤٥٦٧", IndicatorType.Phone, "+966501234567" },
        { "00966501234567", IndicatorType.Phone, "+966501234567" },
        { "966501234567", IndicatorType.Phone, "966501234567" },
        { Rlm + "+44 (0) 7700 900123" + Lrm, IndicatorType.Phone, "+447700900123" },
        { "(202) 555-0143", IndicatorType.Phone, "2025550143" },
        { "Дзвонили з 097 123 45 67, будьте обережні", IndicatorType.Phone, "0971234567" },
        { "https://wa.me/966501234567", IndicatorType.Phone, "+966501234567" },
        // Links and domains
        { "evil.example", IndicatorType.Domain, "evil.example" },
        { "evil.example", IndicatorType.Url, "https://evil.example" },
        { "evil.example", IndicatorType.Url, "http://evil.example" },
        { "https://www.evil.example/login?utm_source=x", IndicatorType.Url, "https://www.evil.example/login" },
        { "https://www.evil.example/login?utm_source=x", IndicatorType.Domain, "evil.example" },
        { "hxxps://evil[.]example/login", IndicatorType.Url, "https://evil.example/login" },
        { "hxxps://evil[.]example/login", IndicatorType.Domain, "evil.example" },
        { "www.evil.example/verify", IndicatorType.Url, "https://www.evil.example/verify" },
        { "сбу.укр", IndicatorType.Domain, "xn--90a5ah.xn--j1amh" },
        { "https://дія.укр/перевірка", IndicatorType.Domain, "xn--d1a8cua.xn--j1amh" },
        { "زوروا evil.example/ar/مقال، شكراً؟", IndicatorType.Url, "https://evil.example/ar/%D9%85%D9%82%D8%A7%D9%84" },
        { "(evil.example)", IndicatorType.Domain, "evil.example" },
        { "\uFF45\uFF56\uFF49\uFF4C\uFF0E\uFF45\uFF58\uFF41\uFF4D\uFF50\uFF4C\uFF45", IndicatorType.Domain, "evil.example" },
        // Handles
        { "@reserve_plus_bot", IndicatorType.Handle, "@reserve_plus_bot" },
        { "@Reserve_Plus_Bot", IndicatorType.Handle, "@reserve_plus_bot" },
        { "Reserve_plus_bot", IndicatorType.Handle, "@reserve_plus_bot" },
        { "t.me/reserve_plus_bot", IndicatorType.Handle, "@reserve_plus_bot" },
        { "https://t.me/reserve_plus_bot?start=1", IndicatorType.Handle, "@reserve_plus_bot" },
        { "https://t.me/reserve_plus_bot", IndicatorType.Url, "https://t.me/reserve_plus_bot" },
        { "telegram.me/reserve_plus_bot", IndicatorType.Handle, "@reserve_plus_bot" },
        { Lri + "@reserve_plus_bot" + Pdi, IndicatorType.Handle, "@reserve_plus_bot" },
        // E-mails
        { "support@evil.example", IndicatorType.Email, "support@evil.example" },
        { "support@evil.example", IndicatorType.Domain, "evil.example" },
        { "Support[at]Evil[.]example", IndicatorType.Email, "support@evil.example" },
        { "a@b.c", IndicatorType.Email, "a@b.c" },
        { "a@b.c", IndicatorType.Domain, "b.c" },
        // Wallets
        { "0x52908400098527886E0F7030069857D2E4169EE7", IndicatorType.Wallet, "0x52908400098527886E0F7030069857D2E4169EE7" },
        { "أرسل إلى bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh فوراً", IndicatorType.Wallet, "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh" },
    };

    [Theory, MemberData(nameof(Expected))]
    public void Pasted_input_yields_the_lookup_values(string input, IndicatorType type, string value) =>
        Assert.Contains((type, value), IndicatorNormalizer.Candidates(input));

    [Fact]
    public void A_whole_forwarded_message_yields_each_of_its_indicators()
    {
        var message = "تنبيه: رسالة من \"دعم تيليجرام\" تطلب الرمز المكوّن من ٦ أرقام.\n"
            + "الرابط: hxxps://telegram-support[.]example/verify\n"
            + "رقم الواتساب " + Rlm + "٠٥٠١٢٣٤٥٦٧ والبوت @tg_verify_bot";
        var candidates = IndicatorNormalizer.Candidates(message);
        Assert.Contains((IndicatorType.Url, "https://telegram-support.example/verify"), candidates);
        Assert.Contains((IndicatorType.Domain, "telegram-support.example"), candidates);
        Assert.Contains((IndicatorType.Phone, "0501234567"), candidates);
        Assert.Contains((IndicatorType.Handle, "@tg_verify_bot"), candidates);
        Assert.DoesNotContain(candidates, c => c.Type == IndicatorType.Phone && c.Value != "0501234567");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("2024")]
    [InlineData("٢٠٢٤")]
    [InlineData("3.14")]
    [InlineData("v2.0")]
    [InlineData("e.g.")]
    [InlineData("!!!")]
    [InlineData("هل هذا احتيال؟")]
    [InlineData("\u0000\u0001")]
    public void Input_with_nothing_to_look_up_yields_nothing(string input) =>
        Assert.Empty(IndicatorNormalizer.Candidates(input));

    [Fact]
    public void Input_longer_than_the_limit_yields_nothing() =>
        Assert.Empty(IndicatorNormalizer.Candidates("evil.example " + new string('x', IndicatorNormalizer.MaxCheckInputLength)));

    [Fact]
    public void Digits_inside_links_are_not_phone_numbers()
    {
        var candidates = IndicatorNormalizer.Candidates("https://evil.example/verify/50123456789 support123456789@evil.example");
        Assert.DoesNotContain(candidates, c => c.Type == IndicatorType.Phone);
    }

    [Fact]
    public void The_telegram_domain_itself_is_not_a_candidate() =>
        Assert.DoesNotContain((IndicatorType.Domain, "t.me"), IndicatorNormalizer.Candidates("https://t.me/reserve_plus_bot"));

    [Fact]
    public void Every_candidate_is_already_in_normalized_form()
    {
        foreach (var row in Expected)
        {
            foreach (var (type, value) in IndicatorNormalizer.Candidates((string)row[0]))
            {
                if (type == IndicatorType.Phone && !value.StartsWith('+')) Assert.Matches("^[0-9]+$", value);
                else Assert.Equal(value, IndicatorNormalizer.Normalize(type, value).Value);
            }
        }
    }

    // --- phone lookup ---------------------------------------------------------------------------

    [Theory]
    [InlineData("+966501234567", "1234567")]
    [InlineData("0501234567", "1234567")]
    [InlineData("٠٥٠١٢٣٤٥٦٧", "1234567")]
    [InlineData("+1 (202) 555-0143", "5550143")]
    [InlineData("12345", "12345")]
    [InlineData("", "")]
    public void The_lookup_key_is_the_last_seven_digits(string input, string key) =>
        Assert.Equal(key, IndicatorNormalizer.PhoneLookupKey(input));

    [Theory]
    [InlineData("+966501234567", "+966501234567")]
    [InlineData("+966501234567", "0501234567")]
    [InlineData("+966501234567", "501234567")]
    [InlineData("+966501234567", "966501234567")]
    [InlineData("+966501234567", "00966501234567")]
    [InlineData("+966501234567", "٠٥٠١٢٣٤٥٦٧")]
    [InlineData("+966501234567", "+٩٦٦ ٥٠ ١٢٣ ٤٥٦٧")]
    [InlineData("+971501234567", "0501234567")]
    [InlineData("+447700900123", "07700900123")]
    [InlineData("+447700900123", "+44 (0) 7700 900123")]
    [InlineData("+79123456789", "89123456789")]
    [InlineData("+380971234567", "0971234567")]
    [InlineData("+380971234567", "380971234567")]
    [InlineData("+12025550143", "2025550143")]
    [InlineData("+12025550143", "12025550143")]
    [InlineData("+390612345678", "0612345678")]
    [InlineData("+989123456789", "09123456789")]
    public void A_national_or_international_form_matches_the_stored_number(string stored, string candidate)
    {
        Assert.True(IndicatorNormalizer.PhoneMatches(stored, candidate));
        Assert.EndsWith(IndicatorNormalizer.PhoneLookupKey(candidate), stored, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+966501234567", "+971501234567")]
    [InlineData("+966501234567", "0501234568")]
    [InlineData("+966501234567", "1234567")]
    [InlineData("+966501234567", "4567")]
    [InlineData("+447700900123", "+447700900124")]
    [InlineData("+447700900123", "447700900124")]
    [InlineData("+966501234567", "")]
    [InlineData("+966501234567", "abc")]
    [InlineData("", "0501234567")]
    public void Another_number_does_not_match(string stored, string candidate) =>
        Assert.False(IndicatorNormalizer.PhoneMatches(stored, candidate));

    [Theory]
    [InlineData("اتصل على ٠٥٠١٢٣٤٥٦٧", new[] { "+966501234567", "+971501234567" })]
    [InlineData("+966 50 123 4567", new[] { "+966501234567" })]
    [InlineData("wa.me/447700900123", new[] { "+447700900123" })]
    [InlineData("07700 900123", new[] { "+447700900123" })]
    [InlineData("0501234568", new string[0])]
    public void The_check_lookup_finds_stored_numbers_by_key_then_match(string input, string[] expected)
    {
        // The lookup the check page performs: suffix prefilter on the stored column, then PhoneMatches.
        string[] stored = ["+966501234567", "+971501234567", "+447700900123", "+12025550143", "+380971234567"];
        var found = IndicatorNormalizer.Candidates(input)
            .Where(c => c.Type == IndicatorType.Phone)
            .SelectMany(c => stored
                .Where(s => s.EndsWith(IndicatorNormalizer.PhoneLookupKey(c.Value), StringComparison.Ordinal))
                .Where(s => IndicatorNormalizer.PhoneMatches(s, c.Value)))
            .Distinct()
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected.Order(StringComparer.Ordinal), found);
    }
}
