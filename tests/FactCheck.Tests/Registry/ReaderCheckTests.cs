using System.Net;
using System.Net.Http.Headers;
using FactCheck.Tests.Admin;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Tests.Registry;

/// <summary>The check box for whole messages and screenshots: every indicator answered, nothing stored.</summary>
public class ReaderCheckTests(BackOfficeSite site) : IClassFixture<BackOfficeSite>
{
    /// <summary>A forwarded Arabic message: the number in Arabic-Indic digits, the link defanged as people share it.</summary>
    private const string ArabicMessage =
        "عزيزي العميل، تم إيقاف بطاقتك مؤقتًا.\nلإعادة التفعيل اتصل فورًا على ٠٥٠١٢٣٤٥٦٧\nأو ادخل إلى hxxps://bank-verify[.]example/ar/login خلال ٢٤ ساعة.";

    private static async Task<HttpResponseMessage> PostMessageAsync(HttpClient client, string language, string message) =>
        await client.PostAsync($"/{language}/check/message", new FormUrlEncodedContent([new("message", message)]));

    private async Task<(int Tips, int Entries)> StoredAsync()
    {
        var counts = (0, 0);
        await site.WithDatabaseAsync(async db => counts = (await db.Tips.CountAsync(), await db.RegistryEntries.CountAsync()));
        return counts;
    }

    [Fact]
    public void A_pasted_arabic_message_yields_the_number_and_the_defanged_link()
    {
        var candidates = IndicatorNormalizer.MessageCandidates(ArabicMessage);
        Assert.Contains((IndicatorType.Phone, "0501234567"), candidates);
        Assert.Contains((IndicatorType.Url, "https://bank-verify.example/ar/login"), candidates);
        Assert.Contains((IndicatorType.Domain, "bank-verify.example"), candidates);
        // "24 hours" is not a phone number.
        Assert.DoesNotContain(candidates, c => c.Type == IndicatorType.Phone && c.Value.Contains("24", StringComparison.Ordinal) && c.Value.Length < 7);
    }

    [Fact]
    public async Task The_message_page_answers_each_indicator_and_stores_nothing()
    {
        var before = await StoredAsync();
        var response = await PostMessageAsync(site.Client(), "ar", ArabicMessage);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        var shown = page.QuerySelectorAll(".channel-answer h3 code").Select(c => c.TextContent).ToList();
        Assert.Contains("0501234567", shown);
        Assert.Contains("hxxps://bank-verify[.]example/ar/login", shown);
        Assert.Contains("bank-verify[.]example", shown);
        // The message comes back in the box to edit, and nowhere else: not in a link, not in the cache headers.
        Assert.Equal(ArabicMessage, page.QuerySelector("textarea[name=message]")!.TextContent.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.DoesNotContain(page.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.Contains("bank-verify", StringComparison.Ordinal));
        Assert.DoesNotContain("public", response.Headers.CacheControl?.ToString() ?? "");
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task An_empty_or_oversized_message_gets_a_clear_400()
    {
        var empty = await PostMessageAsync(site.Client(), "en", "   ");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Paste the message you received", await empty.Content.ReadAsStringAsync());
        var huge = await PostMessageAsync(site.Client(), "uk", new string('x', IndicatorNormalizer.MaxMessageLength + 1));
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Contains("щонайбільше 10000 символів", await huge.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_screenshot_with_ukrainian_and_arabic_text_is_read_by_ocr_and_its_handle_and_number_checked()
    {
        var png = TestScreenshots.Chat(1080,
            "<span font='Noto Sans 30'>Служба підтримки Резерв+</span>",
            "<span font='Noto Sans 30'>Пишіть нам: @reserveplus_help_desk</span>",
            "<span font='Noto Sans 30'>Тел. +380 67 000 01 52</span>",
            "<span font='Noto Naskh Arabic 30'>أرسل رمز التحقق إلى الدعم الآن</span>");
        var before = await StoredAsync();
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(TestScreenshots.WithMetadata(png));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        content.Add(file, "file", "screenshot.png");
        var response = await site.Client().PostAsync("/uk/check/screenshot", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ReadAsync(response);
        var read = page.QuerySelector(".screenshot-text pre")!.TextContent;
        Assert.Contains("Резерв", read);
        Assert.Contains("الدعم", read);
        var shown = page.QuerySelectorAll(".channel-answer h3 code").Select(c => c.TextContent).ToList();
        Assert.Contains("@reserveplus_help_desk", shown);
        Assert.Contains("+380670000152", shown);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_in_the_readers_language()
    {
        using var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent("<svg xmlns='http://www.w3.org/2000/svg'/>"u8.ToArray()), "file", "x.svg");
        var response = await site.Client().PostAsync("/ar/check/screenshot", content);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Equal("ar", page.DocumentElement.GetAttribute("lang"));
    }
}
