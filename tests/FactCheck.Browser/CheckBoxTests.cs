using Microsoft.Playwright;

namespace FactCheck.Browser;

/// <summary>The reader's check box on the Arabic home page, as a reader on a phone uses it.</summary>
public class CheckBoxTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_number_typed_another_way_finds_the_Arabic_advisory_that_lists_it(bool javaScript)
    {
        // The sample content records it in Arabic-Indic digits: "+٤٤ ٧٧٠٠ ٩٠٠٥١٧".
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseUrl, JavaScriptEnabled = javaScript, ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/ar/");

        var box = page.Locator("#check-q");
        Assert.True(await box.IsVisibleAsync());
        await box.FillAsync("00 44 (7700) 900-517");
        await box.PressAsync("Enter");
        await page.WaitForURLAsync("**/ar/check?q=*");

        Assert.Equal("rtl", await page.EvaluateAsync<string>("document.documentElement.dir"));
        Assert.True(await page.Locator(".check-found").IsVisibleAsync());
        var first = page.Locator(".check-matches .card h3 a").First;
        Assert.StartsWith("/ar/advisories/", await first.GetAttributeAsync("href"), StringComparison.Ordinal);
        await context.CloseAsync();
    }

    [Fact]
    public async Task An_unknown_number_gets_the_careful_answer()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/ar/");
        await page.Locator("#check-q").FillAsync("+44 7700 900999");
        await page.Locator(".check-box button[type=submit]").ClickAsync();

        Assert.True(await page.Locator(".check-unknown").IsVisibleAsync());
        Assert.Equal(0, await page.Locator(".check-matches").CountAsync());
    }
}
