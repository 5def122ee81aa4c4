using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace FactCheck.Browser;

/// <summary>What readers actually see: layout direction and the visual order of mixed-direction text.</summary>
public class RightToLeftTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const string Phone = "+44 7700 900123";

    private async Task<Advisory> AddAsync(string language, string title, string summary)
    {
        int ratingId = 0;
        await site.WithDatabaseAsync(async db => ratingId = (await db.Ratings.SingleAsync(r => r.Key == "scam")).Id);
        return await site.AddAdvisoryAsync(a =>
        {
            a.Language = language;
            a.Title = title;
            a.Summary = summary;
            a.RatingId = ratingId;
            a.ClaimText = language == "ar" ? "فريق الدعم يحتاج رمزك" : "Служба підтримки просить код";
            a.Body = language == "ar"
                ? $"## ماذا حدث\n\nاتصل المحتال من الرقم {Phone} وطلب الرمز.\n\n- لا تشارك الرمز\n- أبلغ عن الرقم"
                : $"## Що сталося\n\nШахрай телефонував з номера {Phone} і просив код.";
        });
    }

    [Fact]
    public async Task Arabic_page_is_right_to_left_with_the_verdict_at_the_inline_start()
    {
        var advisory = await AddAsync("ar", "دعم فني مزيف يطلب رمز التحقق", "رسائل تطلب الرمز المكون من 6 أرقام.");
        var page = await site.NewPageAsync();
        await page.GotoAsync(advisory.Path);

        Assert.Equal("rtl", await page.EvaluateAsync<string>("getComputedStyle(document.documentElement).direction"));
        var badge = (await page.Locator(".advisory-header .verdict").BoundingBoxAsync())!;
        var heading = (await page.Locator(".advisory-header h1").BoundingBoxAsync())!;
        // Inline start is the right edge in Arabic: the badge hugs the heading's right edge, not its left.
        Assert.InRange(heading.X + heading.Width - (badge.X + badge.Width), -1, 1);
        Assert.True(badge.X > heading.X + 1, "the badge should not stretch to the left edge");

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSite.ArtifactsPath, "advisory-ar.png"), FullPage = true });
    }

    [Fact]
    public async Task A_phone_number_inside_Arabic_text_keeps_its_left_to_right_order()
    {
        var advisory = await AddAsync("ar", "رقم احتيالي", $"اتصل المحتال من الرقم {Phone} وطلب الرمز.");
        var page = await site.NewPageAsync();
        await page.GotoAsync(advisory.Path);

        // Unisolated, the bidi algorithm lays "+44 7700 900123" out as "900123 7700 +44" in a right-to-left line.
        var summary = await TextLayout.CharacterPositionsAsync(page, ".advisory-header .summary", Phone);
        Assert.True(summary[0] < summary[1], $"'+' is drawn at {summary[0]}, the last digit at {summary[1]}");
        var body = await TextLayout.CharacterPositionsAsync(page, ".advisory-body", Phone);
        Assert.True(body[0] < body[1], $"in the body '+' is drawn at {body[0]}, the last digit at {body[1]}");
    }

    [Fact]
    public async Task Ukrainian_page_is_left_to_right_with_the_verdict_at_the_left()
    {
        var advisory = await AddAsync("uk", "Фейкові боти підтримки «Резерв+»", $"Шахраї пишуть з номера {Phone}.");
        var page = await site.NewPageAsync();
        await page.GotoAsync(advisory.Path);

        Assert.Equal("ltr", await page.EvaluateAsync<string>("getComputedStyle(document.documentElement).direction"));
        Assert.Equal("uk", await page.EvaluateAsync<string>("document.documentElement.lang"));
        var badge = (await page.Locator(".advisory-header .verdict").BoundingBoxAsync())!;
        var heading = (await page.Locator(".advisory-header h1").BoundingBoxAsync())!;
        Assert.InRange(badge.X - heading.X, -1, 1);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSite.ArtifactsPath, "advisory-uk.png"), FullPage = true });
    }

    [Fact]
    public async Task Pages_read_without_javascript()
    {
        var advisory = await AddAsync("ar", "صفحة بلا جافاسكربت", "ملخص");
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseUrl, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(advisory.Path);

        Assert.Equal("صفحة بلا جافاسكربت", (await page.Locator("h1").TextContentAsync())!.Trim());
        Assert.True(await page.Locator(".advisory-body").IsVisibleAsync());
        await context.CloseAsync();
    }
}
