using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace FactCheck.Browser;

/// <summary>
/// An editor's whole job in a real browser: sign in through the form, write an Arabic fact-check,
/// preview it, publish it and read it as the public sees it; and two editors saving the same advisory.
/// </summary>
public class BackOfficeTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const string Phone = "+966 11 234 5678";

    private static async Task SignInAsync(IPage page, string email, string path)
    {
        await page.GotoAsync(path);
        Assert.EndsWith("/admin/sign-in", new Uri(page.Url).AbsolutePath); // not signed in yet: the sign-in form
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", BrowserSite.EditorPassword);
        await PressAsync(page, "main form button[type=submit]");
        Assert.Equal(path, new Uri(page.Url).AbsolutePath); // back where the editor was going
    }

    /// <summary>
    /// Presses a button that posts a form; returns the response of the page it lands on (after a redirect,
    /// the page redirected to) once that page has loaded. Form posts often return to the same URL, so
    /// waiting for a URL would not do.
    /// </summary>
    private static async Task<IResponse> PressAsync(IPage page, string selector)
    {
        var loaded = new TaskCompletionSource();
        void OnLoad(object? sender, IPage loadedPage) => loaded.TrySetResult();
        page.Load += OnLoad;
        try
        {
            var landed = await page.RunAndWaitForResponseAsync(() => page.ClickAsync(selector),
                r => r.Request.IsNavigationRequest && r.Frame == page.MainFrame && r.Status is < 300 or >= 400);
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
            return landed;
        }
        finally
        {
            page.Load -= OnLoad;
        }
    }

    private static Task<string> HtmlAttributeAsync(IPage page, string name) =>
        page.EvaluateAsync<string>("name => document.documentElement.getAttribute(name)", name);

    /// <summary>A phone number inside Arabic text reads "+966 …" from the left, not "… 966+".</summary>
    private static async Task AssertDrawnLeftToRightAsync(IPage page, string selector, string text)
    {
        var edges = await TextLayout.CharacterPositionsAsync(page, selector, text);
        Assert.True(edges[0] < edges[1], $"in {selector} the first character of '{text}' is drawn at {edges[0]}, the last at {edges[1]}");
    }

    [Fact]
    public async Task The_back_office_on_the_plain_HTTP_address_moves_to_the_HTTPS_one()
    {
        var page = await site.NewBackOfficePageAsync("ar");
        var response = await page.GotoAsync(site.BaseUrl.TrimEnd('/') + "/admin/sign-in?returnUrl=%2Fadmin");
        Assert.Equal(200, response!.Status);
        Assert.Equal(new Uri(site.SecureBaseUrl).GetLeftPart(UriPartial.Authority) + "/admin/sign-in?returnUrl=%2Fadmin", page.Url);
        Assert.True(await page.Locator("#email").IsVisibleAsync()); // the sign-in form, with its antiforgery token
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_editor_writes_an_Arabic_fact_check_previews_it_publishes_it_and_readers_see_it_right_to_left()
    {
        var email = await site.CreateEditorAsync(displayName: "سلمى المحررة");
        var page = await site.NewBackOfficePageAsync("ar");
        await SignInAsync(page, email, "/admin/advisories/new");

        // The back-office speaks Arabic, right to left, for a browser set to Arabic.
        Assert.Equal("ar", await HtmlAttributeAsync(page, "lang"));
        Assert.Equal("rtl", await HtmlAttributeAsync(page, "dir"));
        Assert.Equal("rtl", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('#editor')).direction"));

        var title = "رسائل «دعم واتساب» تطلب رمز التحقق " + Guid.NewGuid().ToString("N")[..4];
        await page.SelectOptionAsync("#f-Kind", "FactCheck");
        await page.SelectOptionAsync("#f-Language", "ar");
        await page.FillAsync("#f-Title", title);
        await page.FillAsync("#f-Summary", "يتصل محتالون من رقم سعودي مدّعين أنهم دعم واتساب ويطلبون الرمز المكوّن من ستة أرقام.");
        await page.FillAsync("#f-Body", $"## ما الذي يحدث\n\nتصل رسالة من الرقم {Phone} تطلب **رمز التحقق**.\n\n- لا تشارك الرمز مع أحد\n- أبلغ عن الرقم");
        await page.FillAsync("#f-ClaimText", "هذا فريق دعم واتساب الرسمي ويحتاج رمزك لتأمين حسابك");
        await page.FillAsync("#f-Claimant", "«دعم واتساب»");
        await page.FillAsync("#f-ClaimFirstSeen", "2026-10-30");
        await page.SelectOptionAsync("#f-Rating", "scam");
        await page.CheckAsync("input[name=Platforms][value=whatsapp]");
        await page.SelectOptionAsync("select[name='Indicators[0].Type']", "Phone");
        await page.FillAsync("input[name='Indicators[0].Value']", Phone);
        await page.FillAsync("input[name='Indicators[0].Country']", "SA");
        await page.FillAsync("input[name='Sources[0].Title']", "تحذير واتساب من سرقة الحسابات");
        await page.FillAsync("input[name='Sources[0].Url']", "https://faq.whatsapp.com/");
        await page.FillAsync("input[name='Sources[0].Publisher']", "WhatsApp");
        await page.FillAsync("#f-Steps", "لا تشارك رمز التحقق\nفعّل التحقق بخطوتين");

        // The Preview button renders the body on the server through the public pipeline, keeping every field.
        var preview = await PressAsync(page, ".sticky-actions button[value=preview]");
        Assert.Equal(200, preview.Status);
        Assert.Equal("ما الذي يحدث", (await page.Locator("#preview-body h2").TextContentAsync())!.Trim());
        Assert.Equal("رمز التحقق", await page.Locator("#preview-body strong").TextContentAsync());
        Assert.Equal(2, await page.Locator("#preview-body li").CountAsync());
        await AssertDrawnLeftToRightAsync(page, "#preview-body", Phone); // isolated in the preview as on the public page
        Assert.Equal(title, await page.InputValueAsync("#f-Title"));
        Assert.Equal(Phone, await page.InputValueAsync("input[name='Indicators[0].Value']"));
        Assert.Equal("https://faq.whatsapp.com/", await page.InputValueAsync("input[name='Sources[0].Url']"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSite.ArtifactsPath, "editor-ar.png"), FullPage = true });

        var saved = await PressAsync(page, ".sticky-actions button[value=save]");
        Assert.Equal(200, saved.Status);
        Assert.Matches("^/admin/advisories/[0-9a-f-]{36}$", new Uri(page.Url).AbsolutePath);

        // Publishing asks first: with JavaScript in a dialog (without, on a confirmation page; see DeskTests).
        string? asked = null;
        page.Dialog += async (_, dialog) =>
        {
            asked = dialog.Message;
            await dialog.AcceptAsync();
        };
        await PressAsync(page, "form[action$='/publish'] button");
        Assert.EndsWith("done=published", page.Url);
        Assert.Equal("نشر هذا التحذير الآن؟ سيراه القراء فورًا.", asked);
        var publicPath = await page.Locator(".editor-side a[href^='/ar/advisories/']").GetAttributeAsync("href");
        Assert.NotNull(publicPath);

        // What readers see: an anonymous browser on the public site.
        var reader = await site.NewPageAsync();
        var response = await reader.GotoAsync(publicPath!);
        Assert.Equal(200, response!.Status);
        Assert.Equal("ar", await HtmlAttributeAsync(reader, "lang"));
        Assert.Equal("rtl", await HtmlAttributeAsync(reader, "dir"));
        Assert.Equal(title, (await reader.Locator("h1").TextContentAsync())!.Trim());
        Assert.Equal("ما الذي يحدث", (await reader.Locator(".advisory-body h2").First.TextContentAsync())!.Trim());
        Assert.Contains("تحذير واتساب من سرقة الحسابات", await reader.Locator(".sources").TextContentAsync());

        // The phone number is isolated left to right: "+" is drawn to the left of its last digit.
        var indicator = reader.Locator(".indicators code.ioc").First;
        Assert.Equal("ltr", await indicator.GetAttributeAsync("dir"));
        Assert.Equal(Phone, (await indicator.TextContentAsync())!.Trim());
        await AssertDrawnLeftToRightAsync(reader, ".indicators code.ioc", Phone);
        await AssertDrawnLeftToRightAsync(reader, ".advisory-body", Phone);
        await reader.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSite.ArtifactsPath, "published-from-editor-ar.png"), FullPage = true });
        await reader.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Two_editors_save_the_same_advisory_and_the_second_gets_a_conflict_page_with_their_text_kept()
    {
        var advisory = await site.AddAdvisoryAsync(a =>
        {
            a.Status = AdvisoryStatus.Draft;
            a.PublishedAt = null;
            a.Version = 1;
            a.Title = "مسودة يحررها اثنان";
            a.Body = "النص الأصلي";
        });
        var path = $"/admin/advisories/{advisory.Id}";
        var first = await site.NewBackOfficePageAsync("ar");
        var second = await site.NewBackOfficePageAsync("ar");
        await SignInAsync(first, await site.CreateEditorAsync(displayName: "هدى"), path);
        await SignInAsync(second, await site.CreateEditorAsync(displayName: "كريم"), path);

        // Both have the same version open and both type.
        const string firstBody = "نص هدى: الرسائل تصل من أرقام دولية";
        const string secondBody = "نص كريم الذي يجب ألا يضيع: أبلغوا عن الحساب فورًا";
        const string secondTitle = "عنوان كريم الجديد";
        await first.FillAsync("#f-Body", firstBody);
        await second.FillAsync("#f-Body", secondBody);
        await second.FillAsync("#f-Title", secondTitle);

        Assert.Equal(200, (await PressAsync(first, ".sticky-actions button[value=save]")).Status);
        Assert.EndsWith("done=saved", first.Url);

        var conflict = await PressAsync(second, ".sticky-actions button[value=save]");
        Assert.Equal(409, conflict.Status);
        // The second editor's own text is still in the form…
        Assert.Equal(secondBody, await second.InputValueAsync("#f-Body"));
        Assert.Equal(secondTitle, await second.InputValueAsync("#f-Title"));
        // …and the first editor's change is shown beside it, named.
        var panel = second.Locator("section.conflict");
        Assert.True(await panel.IsVisibleAsync());
        var panelText = await panel.TextContentAsync();
        Assert.Contains(firstBody, panelText);
        Assert.Contains(secondBody, panelText);
        Assert.Contains("هدى", panelText);
        await second.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSite.ArtifactsPath, "conflict-ar.png"), FullPage = true });

        // Nothing lost: the first save is stored, the second editor's text is kept in the history.
        await site.WithDatabaseAsync(async db =>
        {
            Assert.Equal(firstBody, (await db.Advisories.SingleAsync(a => a.Id == advisory.Id)).Body);
            var kept = await db.AdvisoryRevisions.SingleAsync(r => r.AdvisoryId == advisory.Id && r.Reason == RevisionReason.Conflict);
            Assert.Equal(secondBody, AdvisoryContent.FromJson(kept.Snapshot).Body);
        });

        // Saving again from the conflict page applies the second editor's text on top of the first.
        Assert.Equal(200, (await PressAsync(second, ".sticky-actions button[value=save]")).Status);
        Assert.EndsWith("done=saved", second.Url);
        await site.WithDatabaseAsync(async db =>
        {
            var stored = await db.Advisories.SingleAsync(a => a.Id == advisory.Id);
            Assert.Equal((secondTitle, secondBody), (stored.Title, stored.Body));
            var bodies = (await db.AdvisoryRevisions.Where(r => r.AdvisoryId == advisory.Id).ToListAsync())
                .Select(r => AdvisoryContent.FromJson(r.Snapshot).Body).ToList();
            Assert.Contains(firstBody, bodies);
        });
        await first.Context.CloseAsync();
        await second.Context.CloseAsync();
    }
}
