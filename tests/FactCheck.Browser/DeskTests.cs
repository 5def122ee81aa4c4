using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FactCheck.Tests;
using FactCheck.Tests.Notifications;
using Microsoft.Playwright;

namespace FactCheck.Browser;

/// <summary>The browser site sending its e-mail to a real SMTP server (aiosmtpd) on a free loopback port.</summary>
public sealed class NotifyingBrowserSite : BrowserSite
{
    public SmtpTestServer Smtp { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        base.Settings
            .Append(new("Mail:Host", "127.0.0.1"))
            .Append(new("Mail:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(new("Mail:Security", "None"))
            .Append(new("Mail:From", "FactCheck desk <desk@factcheck.test>"));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Smtp.Dispose();
    }
}

/// <summary>
/// The desk in a real browser: a Contributor submits and the editor is told by e-mail (read from the SMTP
/// server) and the desk's webhook (its signature checked here); the back-office search finds a draft by a
/// bot handle typed another way.
/// </summary>
public class DeskTests(NotifyingBrowserSite site) : IClassFixture<NotifyingBrowserSite>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static async Task WriteDraftAsync(IPage page, string title, string handle)
    {
        await page.GotoAsync("/admin/advisories/new?lang=uk");
        await page.FillAsync("#f-Title", title);
        await page.FillAsync("#f-Summary", "Шахраї створюють ботів, що видають себе за підтримку «Резерв+», і просять код із СМС.");
        await page.FillAsync("#f-Body", "Бот просить надіслати код підтвердження. Не робіть цього.");
        await page.SelectOptionAsync("select[name='Indicators[0].Type']", "Handle");
        await page.FillAsync("input[name='Indicators[0].Value']", handle);
        await page.ClickAsync(".sticky-actions button[value=save]");
        await page.WaitForURLAsync("**/admin/advisories/*?done=created");
    }

    [Fact]
    public async Task Submitting_a_draft_mails_the_editor_and_calls_the_signed_webhook()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        // An Admin adds the desk's webhook and copies its secret from the page.
        var admin = await site.SignedInPageAsync(EditorRoles.Admin, "en");
        await admin.GotoAsync("/admin/webhooks");
        await admin.FillAsync("#webhook-url", receiver.Url);
        await admin.ClickAsync("form[action='/admin/webhooks'] button[type=submit]");
        await admin.WaitForURLAsync("**done=webhook-saved");
        var secret = await admin.Locator(".webhook input.secret").Last.InputValueAsync();

        var editorEmail = await site.CreateEditorAsync(EditorRoles.Editor, "Олена, редакторка");
        var contributor = await site.SignedInPageAsync(EditorRoles.Contributor, "uk");
        var title = "Фейковий бот «Резерв+» просить код " + Guid.NewGuid().ToString("N")[..4];
        await WriteDraftAsync(contributor, title, "@ReservePlus_Help_Bot");
        await contributor.ClickAsync("form[action$='/submit'] button");
        await contributor.WaitForURLAsync("**done=submitted");

        // The e-mail, as the SMTP server received it.
        var mail = await site.Smtp.WaitForAsync(editorEmail, Patience);
        Assert.Contains(title, mail.Subject);
        var link = (mail.TextBody ?? "").Split('\n').Single(line => line.Contains("/admin/advisories/", StringComparison.Ordinal)).Trim();

        // The webhook, its signature checked with the secret the page showed.
        var call = await receiver.NextAsync(Patience);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), call.Body));
        Assert.Equal(expected, call.Header("X-FactCheck-Signature"));
        using var json = JsonDocument.Parse(call.Body);
        Assert.Equal("advisory.submitted", json.RootElement.GetProperty("event").GetString());
        Assert.Equal(title, json.RootElement.GetProperty("advisory").GetProperty("title").GetString());
        Assert.Equal(link, json.RootElement.GetProperty("advisory").GetProperty("adminUrl").GetString());

        // The editor follows the e-mail's link to the advisory waiting for review.
        var editor = await site.SignInAsync(editorEmail, "ar");
        await editor.GotoAsync(link);
        Assert.Equal(title, await editor.Locator("h1 bdi").TextContentAsync());
        Assert.Equal("uk", await editor.Locator("h1 bdi").GetAttributeAsync("lang"));
        Assert.Equal("قيد المراجعة", (await editor.Locator(".editor-side .status").First.TextContentAsync())!.Trim());
        await editor.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSite.ArtifactsPath, "from-email-ar.png") });
        foreach (var page in new[] { admin, contributor, editor }) await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_back_office_search_finds_a_draft_by_its_bot_handle_typed_differently()
    {
        var contributor = await site.SignedInPageAsync(EditorRoles.Contributor, "uk", width: 390, height: 844);
        var suffix = Guid.NewGuid().ToString("N")[..5];
        var title = "Бот, що видає себе за підтримку " + suffix;
        await WriteDraftAsync(contributor, title, "@Reserve_Plus_Support_" + suffix + "_bot");

        await contributor.GotoAsync("/admin/advisories");
        await contributor.FillAsync("#q", "HTTPS://T.ME/reserve_plus_support_" + suffix + "_BOT?start=1");
        await contributor.ClickAsync(".filters button[type=submit]");
        await contributor.WaitForURLAsync("**/admin/advisories?q=*");
        var rows = contributor.Locator("tbody tr");
        Assert.Equal(1, await rows.CountAsync());
        Assert.Equal(title, (await rows.Locator("a").First.TextContentAsync())!.Trim());
        await contributor.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSite.ArtifactsPath, "search-by-handle-uk.png"), FullPage = true });
        await contributor.Context.CloseAsync();
    }
}
