using System.Net;
using System.Net.Http.Headers;
using FactCheck.Tests.Admin;
using MetadataExtractor;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Registry;

/// <summary>The tip line end to end: the public form, private storage, the triage queue, a draft advisory.</summary>
public class TipLineTests(TipLineTests.Site site) : IClassFixture<TipLineTests.Site>
{
    /// <summary>A site whose tip limit is low enough to reach in a test, with a real SMTP server for replies.</summary>
    public sealed class Site : BackOfficeSite
    {
        public SmtpTestServer Smtp { get; } = new();

        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            base.Settings
                .Append(new("Tips:TipsPerClientPerHour", "8"))
                .Append(new("Mail:Host", "127.0.0.1"))
                .Append(new("Mail:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Append(new("Mail:Security", "None"))
                .Append(new("Mail:From", "FactCheck desk <desk@factcheck.example>"))
                .Append(new("Mail:IntervalSeconds", "1"))
                .Append(new("Site:PublicUrl", "https://factcheck.example"));

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing) Smtp.Dispose();
        }
    }

    private static readonly SemaphoreSlim serial = new(1, 1);

    /// <summary>Posts the public form as a browser without JavaScript does (multipart, every field it has).</summary>
    private static async Task<HttpResponseMessage> SendTipAsync(HttpClient client, string language, string text, byte[]? screenshot = null,
        string? contact = null, bool consent = true, string? honeypot = null, bool wantsReply = false)
    {
        var form = await Form.LoadAsync(client, $"/{language}/report", "form.report-form");
        form.Set("Text", text).Set("Contact", contact ?? "").Set("Website", honeypot ?? "");
        if (consent) form.Set("Consent", "true"); else form.Remove("Consent");
        if (wantsReply) form.Set("WantsReply", "true");
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in form.Fields) content.Add(new StringContent(value), name);
        if (screenshot is not null)
        {
            var file = new ByteArrayContent(screenshot);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            content.Add(file, "screenshot", "IMG_2041.png");
        }
        return await client.PostAsync(form.Action, content);
    }

    /// <summary>The "make a draft" form of the queue's cluster that holds <paramref name="tipId"/>.</summary>
    private static async Task<Form> DraftFormAsync(HttpClient editor, Guid tipId)
    {
        var html = await (await editor.GetAsync("/admin/tips")).Content.ReadAsStringAsync();
        var clusters = Html.Parse(html).QuerySelectorAll(".tip-cluster").ToList();
        var index = clusters.FindIndex(c => c.QuerySelector($"a[href='/admin/tips/{tipId}']") is not null);
        Assert.True(index >= 0, "the tip is not in the queue");
        return Form.Parse(html, $".tip-cluster:nth-of-type({index + 1}) form");
    }

    private async Task<List<Tip>> TipsAsync(Func<Tip, bool> which)
    {
        List<Tip> tips = [];
        await site.WithDatabaseAsync(async db => tips = (await db.Tips.Include(t => t.Indicators).ToListAsync()).Where(which).ToList());
        return tips;
    }

    [Fact]
    public async Task The_form_works_without_javascript_in_each_language_and_says_how_long_we_keep_tips()
    {
        foreach (var language in SiteLanguage.All)
        {
            var response = await site.Client().GetAsync($"/{language.Code}/report");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await Html.ReadAsync(response);
            Assert.Equal(language.Dir, page.DocumentElement.GetAttribute("dir"));
            var form = page.QuerySelector("form.report-form")!;
            Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));
            Assert.Empty(page.QuerySelectorAll("script:not([src]):not([type='application/ld+json'])"));
            Assert.Contains("90", page.QuerySelector(".consent-text")!.TextContent);
            Assert.False(response.Headers.Contains("Set-Cookie"));
        }
    }

    [Fact]
    public async Task Two_tips_sharing_a_number_cluster_and_become_a_draft_with_the_redacted_screenshot()
    {
        await serial.WaitAsync();
        try
        {
            var png = TestScreenshots.Chat(720,
                "<span font='Noto Sans 28'>Ваш рахунок заблоковано.</span>",
                "<span font='Noto Sans 28'>Дзвоніть: +380 93 000 07 71</span>");
            var first = await SendTipAsync(site.Client(), "uk", "Прийшло в Viber від «банку»", TestScreenshots.WithMetadata(png), contact: "olena@example.org");
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
            Assert.Equal("/uk/report/thanks", first.Headers.Location!.OriginalString);
            Assert.Equal(HttpStatusCode.Redirect, (await SendTipAsync(site.Client(), "uk", "Мені теж дзвонили з 093 000 0771, казали що з банку")).StatusCode);

            var tips = await TipsAsync(t => t.Indicators.Any(i => i.Value.EndsWith("930000771", StringComparison.Ordinal)));
            Assert.Equal(2, tips.Count);
            var withShot = tips.Single(t => t.ScreenshotFile is not null);
            // Stored privately, metadata-free: not in the public media folder, no GPS, camera or comment.
            var stored = await File.ReadAllBytesAsync(Path.Combine(site.DataPath, "tips", withShot.ScreenshotFile!));
            var directories = ImageMetadataReader.ReadMetadata(new MemoryStream(stored));
            Assert.DoesNotContain(directories, d => d.Name.Contains("GPS", StringComparison.Ordinal) || d.Name.Contains("Exif", StringComparison.Ordinal));
            Assert.DoesNotContain("reader-secret-comment", System.Text.Encoding.Latin1.GetString(stored));
            Assert.DoesNotContain("TestPhone", System.Text.Encoding.Latin1.GetString(stored));
            Assert.False(File.Exists(Path.Combine(site.DataPath, "media", withShot.ScreenshotFile!)));

            var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
            var queue = await Html.ReadAsync(await editor.GetAsync("/admin/tips"));
            var cluster = queue.QuerySelectorAll(".tip-cluster").Single(c => c.QuerySelectorAll(".tips > li").Length == 2 && c.TextContent.Contains("Viber"));
            Assert.Contains("olena@example.org", cluster.TextContent);
            var (contributor, _) = await site.SignedInAsync(EditorRoles.Contributor);
            Assert.DoesNotContain("olena@example.org", await (await contributor.GetAsync("/admin/tips")).Content.ReadAsStringAsync());
            Assert.DoesNotContain("olena@example.org", await (await contributor.GetAsync($"/admin/tips/{withShot.Id}")).Content.ReadAsStringAsync());
            Assert.Contains("olena@example.org", await (await editor.GetAsync($"/admin/tips/{withShot.Id}")).Content.ReadAsStringAsync());

            // The editor blacks out the top of the screenshot (where a reader's own name would be), then drafts.
            var redact = await Form.LoadAsync(editor, $"/admin/tips/{withShot.Id}", "#tip-redact");
            redact.Set("X", "0").Set("Y", "0").Set("Width", "720").Set("Height", "60");
            Assert.Equal(HttpStatusCode.Redirect, (await redact.SubmitAsync(editor)).StatusCode);

            var draftForm = await DraftFormAsync(editor, withShot.Id);
            var drafted = await draftForm.SubmitAsync(editor);
            Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);
            var advisoryId = Guid.Parse(drafted.Headers.Location!.OriginalString.Split('/')[3].Split('?')[0]);

            await site.WithDatabaseAsync(async db =>
            {
                var advisory = await db.Advisories.Include(a => a.Indicators).Include(a => a.Screenshots).ThenInclude(s => s.Files).SingleAsync(a => a.Id == advisoryId);
                Assert.Equal(AdvisoryStatus.Draft, advisory.Status);
                Assert.Equal("uk", advisory.Language);
                Assert.Contains(advisory.Indicators, i => i.Type == IndicatorType.Phone && i.Normalized == "+380930000771");
                var shot = Assert.Single(advisory.Screenshots);
                Assert.NotEmpty(shot.Files);
                Assert.Contains("\"Height\":60", shot.Redactions);
                Assert.True(await db.AdvisoryRevisions.AnyAsync(r => r.AdvisoryId == advisoryId));
                var states = await db.Tips.Where(t => t.AdvisoryId == advisoryId).Select(t => t.State).ToListAsync();
                Assert.Equal([TipState.Drafted, TipState.Drafted], states);
            });
            // The published rendition is black where the editor hid the reader's details.
            byte[] rendition = [];
            await site.WithDatabaseAsync(async db => rendition = await File.ReadAllBytesAsync(Path.Combine(site.DataPath, "media",
                (await db.Screenshots.Include(s => s.Files).SingleAsync(s => s.AdvisoryId == advisoryId)).Files.First(f => f.ContentType == "image/png" || f.ContentType == "image/jpeg").FileName)));
            var (pixels, width, _, bands) = FactCheck.Tests.Media.TestImages.Decode(rendition);
            Assert.True(pixels[(10 * width + 10) * bands] < 20, "the redacted corner is black");
            // The cluster left the queue.
            Assert.DoesNotContain(withShot.Id.ToString(), await (await editor.GetAsync("/admin/tips")).Content.ReadAsStringAsync());
        }
        finally
        {
            serial.Release();
        }
    }

    [Fact]
    public async Task A_reader_who_asked_gets_one_email_when_the_advisory_from_their_tip_is_published()
    {
        await serial.WaitAsync();
        try
        {
            Assert.Equal(HttpStatusCode.Redirect, (await SendTipAsync(site.Client(), "en", "Fake courier texts from +44 7700 900461 asking for a fee",
                contact: "reader.reply@example.org", wantsReply: true)).StatusCode);
            var tip = (await TipsAsync(t => t.Contact == "reader.reply@example.org")).Single();
            Assert.True(tip.WantsReply);
            var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
            var draftForm = await DraftFormAsync(editor, tip.Id);
            var drafted = await draftForm.SubmitAsync(editor);
            var advisoryId = Guid.Parse(drafted.Headers.Location!.OriginalString.Split('/')[3].Split('?')[0]);
            Assert.Empty(site.Smtp.To("reader.reply@example.org"));
            Assert.Equal(HttpStatusCode.Redirect, (await EditorSteps.PressAsync(editor, advisoryId, "publish")).StatusCode);

            var mail = await site.Smtp.WaitForAsync("reader.reply@example.org", TimeSpan.FromSeconds(30));
            Assert.Contains("We published a warning about what you sent us", mail.Subject);
            Assert.Contains("https://factcheck.example/en/advisories/", mail.TextBody);
            // Once the reply is recorded as sent, another round of the sender finds nothing due: one e-mail, never two.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while ((await TipsAsync(t => t.Id == tip.Id)).Single().ReplySentAt is null && DateTime.UtcNow < deadline) await Task.Delay(50);
            using (var scope = site.Services.CreateScope())
                Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<TipReplies>().SendDueAsync());
            Assert.Single(site.Smtp.To("reader.reply@example.org"));
        }
        finally
        {
            serial.Release();
        }
    }

    [Fact]
    public async Task The_honeypot_thanks_the_bot_and_stores_nothing()
    {
        var response = await SendTipAsync(site.Client(), "en", "BUY CHEAP https://spam.example", honeypot: "https://spam.example");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(await TipsAsync(t => t.Text.Contains("spam.example", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Without_consent_the_form_comes_back_with_the_text_and_nothing_is_stored()
    {
        var response = await SendTipAsync(site.Client(), "ar", "رسالة من رقم غريب ‎+966 11 000 0199", consent: false);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Contains("+966 11 000 0199", page.QuerySelector("#report-text")!.TextContent);
        Assert.NotNull(page.QuerySelector(".form-problems"));
        Assert.Empty(await TipsAsync(t => t.Text.Contains("0199", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Tips_past_the_retention_setting_are_deleted_with_their_files()
    {
        await serial.WaitAsync();
        try
        {
            var (admin, _) = await site.SignedInAsync(EditorRoles.Admin);
            var settings = await Form.LoadAsync(admin, "/admin/settings/tips");
            settings.Set("retentionDays", "٣٠"); // Arabic-Indic digits count
            Assert.Equal(HttpStatusCode.Redirect, (await settings.SubmitAsync(admin)).StatusCode);
            Assert.Contains("30", (await Html.ReadAsync(await site.Client().GetAsync("/en/report"))).QuerySelector(".consent-text")!.TextContent);

            var png = TestScreenshots.Chat(400, "<span font='Noto Sans 20'>old tip 555 0100</span>");
            Assert.Equal(HttpStatusCode.Redirect, (await SendTipAsync(site.Client(), "en", "an old tip about +1 202 555 0100", png)).StatusCode);
            var old = (await TipsAsync(t => t.Text == "an old tip about +1 202 555 0100")).Single();
            await site.WithDatabaseAsync(db => db.Tips.Where(t => t.Id == old.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.ReceivedAt, DateTime.UtcNow.AddDays(-31))));
            Assert.True(File.Exists(Path.Combine(site.DataPath, "tips", old.ScreenshotFile!)));

            var deleted = await site.WithServiceAsync(services => services.GetRequiredService<TipCleanup>().DeleteExpiredAsync());
            Assert.True(deleted >= 1);
            Assert.Empty(await TipsAsync(t => t.Id == old.Id));
            Assert.False(File.Exists(Path.Combine(site.DataPath, "tips", old.ScreenshotFile!)));
            Assert.NotEmpty(await TipsAsync(t => t.ReceivedAt > DateTime.UtcNow.AddDays(-1)));
        }
        finally
        {
            serial.Release();
        }
    }
}

/// <summary>The per-client limit, on a site of its own (the limit is per process).</summary>
public class TipRateLimitTests(TipRateLimitTests.Site site) : IClassFixture<TipRateLimitTests.Site>
{
    public sealed class Site : SiteFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            base.Settings.Append(new("Tips:TipsPerClientPerHour", "2")).Append(new("Site:ImportContentOnStart", "false"));
    }

    [Fact]
    public async Task The_third_tip_within_an_hour_from_one_client_gets_429_in_the_readers_language()
    {
        Task<HttpResponseMessage> SendAsync(string text) => site.Client().PostAsync("/uk/report",
            new FormUrlEncodedContent([new("Text", text), new("Consent", "true")]));
        Assert.Equal(HttpStatusCode.Redirect, (await SendAsync("перше")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SendAsync("друге")).StatusCode);
        var third = await SendAsync("третє");
        Assert.Equal((HttpStatusCode)429, third.StatusCode);
        Assert.Contains("Зачекайте годину", await third.Content.ReadAsStringAsync());
        var count = 0;
        await site.WithDatabaseAsync(async db => count = await db.Tips.CountAsync());
        Assert.Equal(2, count);
    }
}
