using FactCheck.Tests.Media;
using Microsoft.Playwright;

namespace FactCheck.Browser;

/// <summary>
/// An editor's whole screenshot flow in Chromium: upload a phone screenshot, draw a rectangle over the
/// victim's details with the mouse on its redaction page, black it out, apply it, publish — and the public page serves a
/// responsive image whose pixels are black there and untouched elsewhere.
/// </summary>
public class ScreenshotRedactionTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const int Width = 1080, Height = 2400;

    [Fact]
    public async Task An_editor_uploads_redacts_with_the_mouse_and_publishes()
    {
        var page = await site.SignedInPageAsync(EditorRoles.Editor);

        await page.GotoAsync("/admin/advisories/new?lang=ar");
        await page.FillAsync("#f-Title", "رسائل «دعم تيليغرام» تطلب الرمز " + Guid.NewGuid().ToString("N")[..6]);
        await page.FillAsync("#f-Summary", "محتالون ينتحلون صفة دعم تيليغرام.");
        await page.FillAsync("#f-Body", "لا تشارك رمز التحقق مع أحد.");
        await page.SelectOptionAsync("#f-Kind", "Alert"); // an alert needs no verdict to be published
        await page.ClickAsync(".sticky-actions button[value=save]");
        await page.WaitForURLAsync("**/admin/advisories/*?done=created");

        await page.SetInputFilesAsync("#shot-file", new FilePayload { Name = "chat.png", MimeType = "image/png", Buffer = TestImages.Png(Width, Height, TestImages.Pattern) });
        await page.FillAsync("#shot-alt", "محادثة يطلب فيها «الدعم» رمز التحقق");
        await page.ClickAsync("#screenshot-upload button[type=submit]");
        // In the editor the upload opens the redaction dialog (EditorDayTests draws there); added as it is, the
        // screenshot is then redacted on its own page, the one that also works without script ("Redact again").
        await page.ClickAsync("#shot-dialog[open] #shot-add");
        await page.Locator("#shot-list .shot").WaitForAsync();
        await page.ClickAsync("#shot-list form[action$='/redact'] button");
        await page.WaitForURLAsync("**/screenshots/staged/*");

        // Drag from image pixel (300, 500) to (800, 900) on the displayed (scaled-down) image.
        var canvas = page.Locator("#redact-canvas");
        await canvas.WaitForAsync();
        var box = (await canvas.BoundingBoxAsync())!;
        var scale = box.Width / Width;
        await page.Mouse.MoveAsync(box.X + (float)(300 * scale), box.Y + (float)(500 * scale));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + (float)(550 * scale), box.Y + (float)(700 * scale), new MouseMoveOptions { Steps = 5 });
        await page.Mouse.MoveAsync(box.X + (float)(800 * scale), box.Y + (float)(900 * scale), new MouseMoveOptions { Steps = 5 });
        await page.Mouse.UpAsync();

        var drawn = new Redaction(await Field(page, "x"), await Field(page, "y"), await Field(page, "width"), await Field(page, "height"), RedactionStyle.BlackBox);
        // What the tool filled in is the dragged rectangle, in image pixels (a pixel or two of rounding on screen).
        Assert.InRange(drawn.X, 296, 304);
        Assert.InRange(drawn.Y, 496, 504);
        Assert.InRange(drawn.Width, 494, 506);
        Assert.InRange(drawn.Height, 394, 406);

        await page.CheckAsync("input[name=Style][value=BlackBox]");
        await page.ClickAsync("button[value=redact]");
        // The page comes back with the rectangle burnt into the private copy.
        await page.Locator("#redaction-count").WaitForAsync();
        await page.ClickAsync("button[value=publish]");
        await page.WaitForURLAsync("**done=screenshot-redacted*");

        // admin.js asks in a dialog instead of the confirmation page.
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.ClickAsync("form[action$='/publish'] button");
        await page.WaitForURLAsync("**done=published*");
        var publicPath = await page.Locator(".editor-side a[href^='/ar/advisories/']").GetAttributeAsync("href");

        var reader = await site.NewPageAsync();
        await reader.GotoAsync(publicPath!);
        var img = reader.Locator("figure.screenshot picture img").First;
        Assert.Equal(($"{Width}", $"{Height}"), (await img.GetAttributeAsync("width"), await img.GetAttributeAsync("height")));
        Assert.Matches(@"^/media/\S+ 480w, /media/\S+ 960w, /media/\S+ 1080w$", await img.GetAttributeAsync("srcset"));
        Assert.Matches(@"^/media/\S+\.webp 480w", await reader.Locator("figure.screenshot picture source[type='image/webp']").GetAttributeAsync("srcset"));
        await img.ScrollIntoViewIfNeededAsync();
        await reader.WaitForFunctionAsync("() => document.querySelector('figure.screenshot img').complete && document.querySelector('figure.screenshot img').naturalWidth > 0");

        // The rendition the browser actually chose, fetched and decoded with libvips.
        var chosen = await reader.EvaluateAsync<string>("() => document.querySelector('figure.screenshot img').currentSrc");
        var response = await reader.APIRequest.GetAsync(chosen);
        Assert.True(response.Ok);
        var (pixels, width, height, bands) = TestImages.Decode(await response.BodyAsync());
        var s = (double)width / Width;
        Assert.Equal((int)Math.Round(Height * s), height);
        const int margin = 4;
        for (var y = (int)Math.Ceiling(drawn.Y * s) + margin; y < (int)((drawn.Y + drawn.Height) * s) - margin; y++)
            for (var x = (int)Math.Ceiling(drawn.X * s) + margin; x < (int)((drawn.X + drawn.Width) * s) - margin; x++)
            {
                var at = (y * width + x) * bands;
                Assert.True(pixels[at] < 40 && pixels[at + 1] < 40 && pixels[at + 2] < 40, $"{chosen}: ({x},{y}) in the redacted region is not black");
            }
        // Outside: the pattern is intact (it has no dark pixels at all).
        for (var y = 0; y < height; y += 3)
            for (var x = 0; x < width; x += 3)
            {
                if (x > drawn.X * s - margin && x < (drawn.X + drawn.Width) * s + margin && y > drawn.Y * s - margin && y < (drawn.Y + drawn.Height) * s + margin) continue;
                var at = (y * width + x) * bands;
                Assert.True(pixels[at] > 90 && pixels[at + 1] > 90 && pixels[at + 2] > 90, $"{chosen}: ({x},{y}) outside the redacted region changed");
            }
        await page.Context.CloseAsync();
        await reader.Context.CloseAsync();
    }

    private static async Task<int> Field(IPage page, string name) =>
        int.Parse(await page.InputValueAsync("#redact-" + name), System.Globalization.CultureInfo.InvariantCulture);
}
