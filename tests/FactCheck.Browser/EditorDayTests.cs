using FactCheck.Tests.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace FactCheck.Browser;

/// <summary>
/// The editor's day in Chromium: a screenshot pasted into the editor and redacted in place (two areas, after an
/// undo) without the page — or the text typed in it — going anywhere; a Ukrainian advisory translated into Arabic
/// with its screenshot reused, not uploaded again; and text typed into a browser that is then killed, recovered
/// when the editor comes back.
/// </summary>
public class EditorDayTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const int Width = 1080, Height = 2400;

    private async Task<IPage> SignedInAsync(string email, string language = "ar", int width = 1280)
    {
        var page = await site.NewBackOfficePageAsync(language, width, width < 600 ? 844 : 900);
        await page.GotoAsync("/admin/sign-in");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", BrowserSite.EditorPassword);
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.TrimEnd('/') == "/admin");
        return page;
    }

    /// <summary>What a screenshot tool or "copy image" puts on the clipboard, pasted into the page.</summary>
    private static Task PasteImageAsync(IPage page, byte[] png) =>
        page.EvaluateAsync(@"base64 => {
            const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
            const data = new DataTransfer();
            data.items.add(new File([bytes], 'screenshot.png', { type: 'image/png' }));
            (document.activeElement || document.body).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        }", Convert.ToBase64String(png));

    /// <summary>Drags on the dialog's image from one image pixel to another.</summary>
    private static async Task DragAsync(IPage page, (int X, int Y) from, (int X, int Y) to)
    {
        var box = (await page.Locator("#shot-dialog-canvas").BoundingBoxAsync())!;
        var scale = box.Width / Width;
        await page.Mouse.MoveAsync(box.X + (float)(from.X * scale), box.Y + (float)(from.Y * scale));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + (float)((from.X + to.X) / 2 * scale), box.Y + (float)((from.Y + to.Y) / 2 * scale), new MouseMoveOptions { Steps = 4 });
        await page.Mouse.MoveAsync(box.X + (float)(to.X * scale), box.Y + (float)(to.Y * scale), new MouseMoveOptions { Steps = 4 });
        await page.Mouse.UpAsync();
    }

    private static async Task<int> NavigationsDuringAsync(IPage page, Func<Task> action)
    {
        var count = 0;
        void OnNavigated(object? sender, IFrame frame) { if (frame == page.MainFrame) count++; }
        page.FrameNavigated += OnNavigated;
        try { await action(); }
        finally { page.FrameNavigated -= OnNavigated; }
        return count;
    }

    private async Task<Advisory> DraftAsync(string language, string title) =>
        await site.AddAdvisoryAsync(a =>
        {
            a.Language = language;
            a.Status = AdvisoryStatus.Draft;
            a.PublishedAt = null;
            a.Version = 1;
            a.Kind = AdvisoryKind.Alert;
            a.Title = title;
            a.Body = language == "uk" ? "Боти просять код." : "تطلب الروبوتات الرمز.";
        });

    [Fact]
    public async Task A_pasted_screenshot_is_redacted_in_two_places_inside_the_editor_and_the_typed_text_stays()
    {
        var advisory = await DraftAsync("ar", "لقطة ملصقة " + Guid.NewGuid().ToString("N")[..6]);
        var email = await site.CreateEditorAsync();
        var page = await SignedInAsync(email);
        await page.GotoAsync($"/admin/advisories/{advisory.Id}");
        const string typed = "\n\nفقرة كتبتها ولم أحفظها بعد.";
        await page.FocusAsync("#f-Body");
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.TypeAsync(typed);

        var first = new Redaction(100, 300, 500, 250, RedactionStyle.BlackBox);
        var second = new Redaction(400, 1500, 550, 300, RedactionStyle.BlackBox);
        var navigations = await NavigationsDuringAsync(page, async () =>
        {
            await PasteImageAsync(page, TestImages.Png(Width, Height, TestImages.Pattern));
            await page.Locator("#shot-dialog[open] #shot-dialog-canvas").WaitForAsync();
            await page.WaitForFunctionAsync("() => document.getElementById('shot-dialog-image').complete");
            await DragAsync(page, (first.X, first.Y), (first.X + first.Width, first.Y + first.Height));
            await DragAsync(page, (second.X, second.Y), (second.X + second.Width, second.Y + second.Height));
            await DragAsync(page, (50, 50), (300, 120)); // a mistake…
            await page.ClickAsync("#shot-undo");          // …undone
            Assert.Contains("2", await page.TextContentAsync("#shot-count"));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSite.ArtifactsPath, "editor-redaction-dialog-ar.png") });
            await page.FillAsync("#shot-dialog-alt", "محادثة يطلب فيها البوت الرمز");
            await page.ClickAsync("#shot-add");
            await page.Locator("#shot-list .shot").WaitForAsync();
        });
        Assert.Equal(0, navigations);
        Assert.False(await page.Locator("#shot-dialog").IsVisibleAsync());
        Assert.EndsWith(typed, await page.InputValueAsync("#f-Body"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSite.ArtifactsPath, "editor-pasted-screenshot-ar.png"), FullPage = true });

        // The stored image has both areas hidden, the rest untouched.
        var src = await page.GetAttributeAsync("#shot-list .shot-thumbnail", "src");
        var response = await page.APIRequest.GetAsync(src!);
        var (pixels, width, _, bands) = TestImages.Decode(await response.BodyAsync());
        var s = (double)width / Width;
        bool Black(int x, int y) { var at = (y * width + x) * bands; return pixels[at] < 40 && pixels[at + 1] < 40 && pixels[at + 2] < 40; }
        foreach (var area in new[] { first, second })
        {
            // The middle of each dragged area (a few pixels of rounding on screen at the edges).
            var (cx, cy) = ((int)((area.X + area.Width / 2) * s), (int)((area.Y + area.Height / 2) * s));
            for (var dy = -5; dy <= 5; dy++)
                for (var dx = -20; dx <= 20; dx++)
                    Assert.True(Black(cx + dx, cy + dy), $"({cx + dx},{cy + dy}) inside a redacted area is not black");
        }
        Assert.False(Black((int)(175 * s), (int)(85 * s)), "the undone area was hidden too");
        Assert.False(Black(width - 5, 5));

        // The form was moved to the version the screenshot made, so saving the text is a plain save, not a conflict.
        await page.ClickAsync(".sticky-actions button[value=save]");
        await page.WaitForURLAsync("**done=saved*");
        await site.WithDatabaseAsync(async db =>
        {
            var stored = await db.Advisories.Include(a => a.Screenshots).SingleAsync(a => a.Id == advisory.Id);
            Assert.EndsWith(typed.Trim(), stored.Body);
            Assert.Equal(2, ScreenshotStaging.FromJson(Assert.Single(stored.Screenshots).Redactions).Count);
        });

        await page.Context.CloseAsync();

        // On a phone the dialog fits the screen: nothing to scroll sideways. Discarded, nothing is added.
        var phone = await SignedInAsync(email, width: 390);
        await phone.GotoAsync($"/admin/advisories/{advisory.Id}");
        await PasteImageAsync(phone, TestImages.Png(Width, Height, TestImages.Pattern));
        await phone.Locator("#shot-dialog[open] #shot-dialog-canvas").WaitForAsync();
        await phone.WaitForFunctionAsync("() => document.getElementById('shot-dialog-image').complete");
        Assert.True(await phone.EvaluateAsync<bool>("() => { const d = document.getElementById('shot-dialog').getBoundingClientRect(); return d.left >= 0 && d.right <= innerWidth; }"));
        Assert.True(await phone.EvaluateAsync<bool>("() => { const d = document.getElementById('shot-dialog'); return d.scrollWidth <= d.clientWidth; }"));
        await phone.ClickAsync("#shot-discard");
        await phone.Locator("#shot-dialog").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden });
        Assert.Equal(1, await phone.Locator("#shot-list .shot").CountAsync());
        await phone.Context.CloseAsync();
    }

    [Fact]
    public async Task An_editor_translates_a_Ukrainian_advisory_into_Arabic_reusing_its_screenshot_without_uploading_it_again()
    {
        var ukrainianTitle = "Фейкові боти «Резерв+» просять код " + Guid.NewGuid().ToString("N")[..6];
        var source = await DraftAsync("uk", ukrainianTitle);
        var page = await SignedInAsync(await site.CreateEditorAsync());
        // admin.js asks before publishing, in a dialog (without script, on a confirmation page).
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync($"/admin/advisories/{source.Id}");
        await page.FillAsync("#f-Summary", "Шахраї видають себе за підтримку застосунку «Резерв+».");
        await page.FillAsync("input[name='Indicators[0].Value']", "@reserve_plus_help_bot");
        await page.SelectOptionAsync("select[name='Indicators[0].Type']", "Handle");
        await page.SelectOptionAsync("#f-Severity", "High");
        await page.ClickAsync(".sticky-actions button[value=save]");
        await page.WaitForURLAsync("**done=saved*");
        await PasteImageAsync(page, TestImages.Png(Width, Height, TestImages.Chat(seed: 5)));
        await page.Locator("#shot-dialog[open] #shot-dialog-canvas").WaitForAsync();
        await DragAsync(page, (20, 0), (700, 90)); // the chat's header: the victim's name
        await page.FillAsync("#shot-dialog-alt", "Листування з фейковим ботом");
        await page.ClickAsync("#shot-add");
        await page.Locator("#shot-list .shot").WaitForAsync();
        await page.ClickAsync("form[action$='/publish'] button");
        await page.WaitForURLAsync("**done=published*");
        var sourceImage = await page.GetAttributeAsync("#shot-list .shot-thumbnail", "src");

        // From here on nothing is uploaded: any request to stage or upload a screenshot is noted.
        var uploads = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && (request.Url.EndsWith("/screenshots", StringComparison.Ordinal) || request.Url.EndsWith("/screenshots/stage", StringComparison.Ordinal)))
                uploads.Add(request.Url);
        };
        await page.ClickAsync("#translations button[value=ar]");
        await page.WaitForURLAsync("**done=translated*");

        // A draft in Arabic with the source's verdict, severity and indicators, and its screenshot (the same stored file).
        Assert.Equal("ar", await page.InputValueAsync("#f-Language"));
        Assert.Equal("High", await page.InputValueAsync("#f-Severity"));
        Assert.Equal("@reserve_plus_help_bot", await page.InputValueAsync("input[name='Indicators[0].Value']"));
        Assert.Equal(sourceImage, await page.GetAttributeAsync("#shot-list .shot-thumbnail", "src"));
        // Each text to translate shows the Ukrainian beside it.
        Assert.Equal(ukrainianTitle, await page.TextContentAsync("#f-Title ~ .source-text .source-value"));
        Assert.Equal("uk", await page.GetAttributeAsync("#f-Body ~ .source-text .source-value", "lang"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSite.ArtifactsPath, "editor-translation-ar.png"), FullPage = true });

        var arabicTitle = "روبوتات «ريزيرف+» المزيفة تطلب الرمز";
        await page.FillAsync("#f-Title", arabicTitle);
        await page.FillAsync("#f-Summary", "محتالون ينتحلون صفة دعم تطبيق «ريزيرف+».");
        await page.FillAsync("#f-Body", "تطلب الروبوتات الرمز. لا تشاركه مع أحد.");
        await page.ClickAsync(".sticky-actions button[value=save]");
        await page.WaitForURLAsync("**done=saved*");

        // The screenshot's alt text, translated in the list, in place.
        var navigations = await NavigationsDuringAsync(page, async () =>
        {
            await page.ClickAsync("#shot-list .shot-edit summary");
            await page.FillAsync("#shot-list .shot-texts-form textarea[name=altText]", "محادثة مع الروبوت المزيف");
            await page.ClickAsync("#shot-list .shot-texts-form button[type=submit]");
            await page.Locator("#shot-list .shot-alt", new() { HasText = "محادثة مع الروبوت المزيف" }).WaitForAsync();
        });
        Assert.Equal(0, navigations);
        await page.ClickAsync("form[action$='/publish'] button");
        await page.WaitForURLAsync("**done=published*");
        Assert.Empty(uploads);

        // Readers: the Arabic page shows the very same image files as the Ukrainian one, with the Arabic alt text.
        var reader = await site.NewPageAsync();
        string ukrainianPath = "", arabicPath = "";
        await site.WithDatabaseAsync(async db =>
        {
            ukrainianPath = (await db.Advisories.SingleAsync(a => a.Id == source.Id)).Path;
            arabicPath = (await db.Advisories.SingleAsync(a => a.TranslatedFromId == source.Id)).Path;
        });
        await reader.GotoAsync(ukrainianPath);
        var ukrainianSrcset = await reader.GetAttributeAsync("figure.screenshot picture img", "srcset");
        await reader.GotoAsync(arabicPath);
        Assert.Equal(arabicTitle, (await reader.TextContentAsync("h1"))!.Trim());
        Assert.Equal(ukrainianSrcset, await reader.GetAttributeAsync("figure.screenshot picture img", "srcset"));
        Assert.Equal("محادثة مع الروبوت المزيف", await reader.GetAttributeAsync("figure.screenshot picture img", "alt"));
        Assert.NotNull(await reader.QuerySelectorAsync($"a[hreflang=uk][href='{ukrainianPath}']"));
        await reader.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Text_typed_into_a_browser_that_is_then_killed_comes_back_and_switching_language_asks_first()
    {
        var advisory = await DraftAsync("ar", "مسودة قبل الانهيار " + Guid.NewGuid().ToString("N")[..6]);
        var email = await site.CreateEditorAsync();
        var first = await SignedInAsync(email);
        await first.GotoAsync($"/admin/advisories/{advisory.Id}");
        const string typed = " ثم أضفت هذه الجملة المهمة";
        await first.FocusAsync("#f-Body");
        await first.Keyboard.PressAsync("Control+End");
        // Typing, and the copy kept on the server a moment after the typing pauses.
        await first.RunAndWaitForResponseAsync(() => first.Keyboard.TypeAsync(typed, new KeyboardTypeOptions { Delay = 30 }),
            response => response.Url.EndsWith("/autosave", StringComparison.Ordinal) && response.Status == 200);
        await first.Keyboard.TypeAsync(" وما بعدها", new KeyboardTypeOptions { Delay = 30 });
        // The browser dies mid-sentence: no Save, no goodbye.
        await first.Context.CloseAsync();

        var second = await SignedInAsync(email);
        await second.GotoAsync($"/admin/advisories/{advisory.Id}");
        Assert.True(await second.Locator("#recovered").IsVisibleAsync());
        Assert.Matches(@"\d", await second.TextContentAsync("#recovered time"));
        Assert.StartsWith(advisory.Body + typed, await second.InputValueAsync("#f-Body"));
        await second.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSite.ArtifactsPath, "editor-recovered-ar.png"), FullPage = true });

        // Switching the interface language with unsaved text asks first; the text comes back in the other language.
        string? asked = null;
        second.Dialog += async (_, dialog) =>
        {
            asked = dialog.Message;
            await dialog.AcceptAsync();
        };
        await second.ClickAsync("form.languages button[value=en]");
        await second.WaitForFunctionAsync("() => document.documentElement.lang === 'en'");
        Assert.Contains("غير محفوظة", asked); // asked in the interface language it was leaving
        Assert.True(await second.Locator("#recovered").IsVisibleAsync());
        Assert.StartsWith(advisory.Body + typed, await second.InputValueAsync("#f-Body"));

        await second.ClickAsync("#recovered-keep");
        Assert.False(await second.Locator("#recovered").IsVisibleAsync());
        await second.ClickAsync(".sticky-actions button[value=save]");
        await second.WaitForURLAsync("**done=saved*");
        await site.WithDatabaseAsync(async db => Assert.StartsWith(advisory.Body + typed, (await db.Advisories.SingleAsync(a => a.Id == advisory.Id)).Body));
        Assert.False(await second.Locator("#recovered").IsVisibleAsync());
        await second.Context.CloseAsync();
    }
}
