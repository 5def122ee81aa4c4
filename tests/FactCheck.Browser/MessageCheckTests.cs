using Microsoft.Playwright;

namespace FactCheck.Browser;

/// <summary>
/// A reader on a phone, in Arabic, with JavaScript off: pastes a whole forwarded message into the check page,
/// reads the answer for each indicator, and sends it on as a tip from the same page.
/// </summary>
public class MessageCheckTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task A_pasted_message_is_answered_indicator_by_indicator_and_can_be_sent_as_a_tip_without_javascript()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseUrl, JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/ar/check");
        // The sample Reserve+ alert lists this bot; the number is new to us.
        await page.Locator("#check-message").FillAsync("مرحبا، فريق الدعم هنا: t.me/reserve_plus_help_bot\nأو اتصل على ‎+٤٤ ٧٧٠٠ ٩٠٠٦٦٦");
        await page.Locator("form.check-message button[type=submit]").ClickAsync();

        Assert.Equal("rtl", await page.EvaluateAsync<string>("document.documentElement.dir"));
        var answers = page.Locator(".channel-answer");
        Assert.True(await answers.CountAsync() >= 2);
        var bot = answers.Filter(new LocatorFilterOptions { HasText = "@reserve_plus_help_bot" });
        Assert.Contains("يُستخدم للاحتيال", await bot.Locator(".channel-status").InnerTextAsync());
        Assert.True(await answers.Filter(new LocatorFilterOptions { HasText = "+447700900666" }).CountAsync() == 1);
        // Nothing wider than the phone: long links and numbers wrap or stay inside their box.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSite.ArtifactsPath, "message-check-ar-390.png"), FullPage = true });

        // The tip form below already holds the message; the reader agrees and sends it.
        Assert.Contains("t.me/reserve_plus_help_bot", await page.Locator("#report-text").InputValueAsync());
        await page.Locator("#report-consent input").CheckAsync();
        await page.Locator("form.report-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/ar/report/thanks");
        Assert.True(await page.Locator("h1").IsVisibleAsync());
        await context.CloseAsync();
    }
}
