using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using FactCheck.Tests.Media;

namespace FactCheck.Browser;

/// <summary>
/// The back-office on a phone: every back-office page (the list comes from the app's own routes, so a new page
/// cannot be forgotten), in Arabic, Ukrainian and English, 390 px wide, filled with long unbroken values —
/// and nothing may scroll sideways: not the page, not a table inside it.
/// </summary>
public class PhoneLayoutTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const int PhoneWidth = 390;
    private const string LongToken = "ReservePlus_Support_Official_Verification_Bot_2025_Kyiv_Region";
    private const string LongUrl = "https://reserve-plus-support-verification.example.com/ua/army/registration/confirm-your-account-now?session=8f3a9c2d7e6b5a4f";

    /// <summary>
    /// Finds, on the current page, what makes it wider than the screen: the page itself, a scroll container that
    /// scrolls sideways, or a visible element reaching past either edge. Visually hidden elements (1 px, and what is inside them) are skipped.
    /// </summary>
    private const string FindOverflow = """
        () => {
          const width = document.documentElement.clientWidth;
          const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
          const problems = [];
          if (document.documentElement.scrollWidth > width) problems.push('the page is ' + document.documentElement.scrollWidth + ' px wide');
          for (const el of document.body.querySelectorAll('*')) {
            const style = getComputedStyle(el);
            if (style.display === 'none' || style.visibility === 'hidden') continue;
            const box = el.getBoundingClientRect();
            let hidden = false;
            for (let e = el; e && !hidden; e = e.parentElement) { const b = e.getBoundingClientRect(); hidden = b.width <= 1 || b.height <= 1; }
            if (hidden) continue;
            // An indicator is never broken across lines: a long one scrolls inside its own keyboard-reachable box (.ioc).
            if ((style.overflowX === 'auto' || style.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1 && !el.classList.contains('ioc'))
              problems.push(name(el) + ' scrolls sideways (' + el.scrollWidth + ' px in ' + el.clientWidth + ')');
            else if (box.right > width + 1 || box.left < -1)
              problems.push(name(el) + ' reaches ' + Math.round(box.left) + '..' + Math.round(box.right));
          }
          return problems.slice(0, 8);
        }
        """;

    [Fact]
    public async Task No_back_office_page_scrolls_sideways_on_a_390px_phone_in_Arabic_Ukrainian_or_English()
    {
        var pages = await PagesAsync();
        var failures = new List<string>();
        foreach (var language in new[] { "ar", "uk", "en" })
        {
            var anonymous = await site.NewBackOfficePageAsync(language, PhoneWidth, 844);
            var signedIn = await site.SignedInPageAsync(EditorRoles.Admin, language, PhoneWidth, 844);
            foreach (var (route, url, asAnonymous) in pages)
            {
                var page = asAnonymous ? anonymous : signedIn;
                var response = await page.GotoAsync(url);
                Assert.True(response is not null && response.Status < 500, $"{language} {url} answered {response?.Status}");
                var problems = await page.EvaluateAsync<string[]>(FindOverflow);
                if (problems.Length == 0) continue;
                failures.Add($"{language} {url} ({route}): {string.Join("; ", problems)}");
                await page.ScreenshotAsync(new PageScreenshotOptions
                {
                    Path = Path.Combine(BrowserSite.ArtifactsPath, $"phone-overflow-{language}-{failures.Count}.png"), FullPage = true,
                });
            }
            if (language == "ar")
            {
                // What a person sees: the editor with its long values, and the list, in Arabic on a phone.
                await signedIn.GotoAsync(pages.Single(p => p.Route == "admin/advisories/{id:guid}").Url);
                await signedIn.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSite.ArtifactsPath, "phone-editor-ar.png"), FullPage = true });
                await signedIn.GotoAsync("/admin/advisories");
                await signedIn.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSite.ArtifactsPath, "phone-list-ar.png"), FullPage = true });
            }
            await anonymous.Context.CloseAsync();
            await signedIn.Context.CloseAsync();
        }
        Assert.True(failures.Count == 0, "wider than a phone:\n" + string.Join("\n", failures));
    }

    /// <summary>
    /// A concrete address for every GET back-office route, with data that exercises it (long values included).
    /// A route missing here fails the test: add it when adding a page.
    /// </summary>
    private async Task<List<(string Route, string Url, bool Anonymous)>> PagesAsync()
    {
        using var scope = site.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var adminEmail = await site.CreateEditorAsync(EditorRoles.Admin, "مدير " + LongToken);
        var admin = await db.Users.SingleAsync(u => u.Email == adminEmail);
        var actor = new Actor(admin.Id, admin.DisplayName);

        // A draft full of long values, saved twice (two revisions), with notes.
        var workflow = services.GetRequiredService<AdvisoryWorkflow>();
        var form = new AdvisoryForm
        {
            Kind = nameof(AdvisoryKind.FactCheck), Language = "ar",
            Title = "بوت @" + LongToken + " ينتحل صفة دعم «ريزيرف+» " + Guid.NewGuid().ToString("N")[..4],
            Summary = "يطلب البوت رمز التحقق عبر الرابط " + LongUrl,
            Body = "## ما الذي يحدث\n\nيصل رابط " + LongUrl + " ويطلب رمزًا.",
            ClaimText = "هذا هو الدعم الرسمي " + LongToken, ClaimAppearances = LongUrl,
            Tags = "وسم-" + LongToken, Authors = "سلمى " + LongToken,
            Indicators = [new() { Type = "Url", Value = LongUrl }, new() { Type = "Handle", Value = "@" + LongToken }],
            Sources = [new() { Title = "مصدر " + LongToken, Url = LongUrl, Publisher = LongToken }],
        };
        var draft = (await workflow.CreateAsync(form, actor)).Advisory!;
        db.ChangeTracker.Clear();
        form.Version = draft.Version;
        form.Body += "\n\n- لا تشارك الرمز";
        Assert.Equal(Outcome.Done, (await workflow.SaveAsync(draft.Id, form, actor, canPublish: true)).Outcome);
        var desk = services.GetRequiredService<Desk>();
        await desk.AddNoteAsync(draft.Id, "ملاحظة فيها رابط طويل " + LongUrl, actor);
        await desk.AssignAsync(draft.Id, admin.Id, actor);

        // A published advisory with a screenshot (from the sample content) and a webhook with a failed delivery.
        var published = await db.Advisories.Where(a => a.Status == AdvisoryStatus.Published && a.Screenshots.Any()).OrderBy(a => a.Slug).FirstAsync();
        var shot = await db.Screenshots.Where(s => s.AdvisoryId == published.Id).OrderBy(s => s.Position).FirstAsync();
        var hook = new Webhook { Url = LongUrl, Secret = WebhookPoster.NewSecret(), Events = string.Join(',', Enum.GetNames<NotificationEvent>()), CreatedAt = DateTime.UtcNow, CreatedByName = "test" };
        db.Webhooks.Add(hook);
        await db.SaveChangesAsync();
        db.Deliveries.Add(new Delivery
        {
            Channel = DeliveryChannel.Webhook, Event = NotificationEvent.Submitted, AdvisoryId = draft.Id, WebhookId = hook.Id, Recipient = LongUrl,
            Body = "{}", CreatedAt = DateTime.UtcNow, Attempts = 6, GaveUpAt = DateTime.UtcNow, LastStatus = 502, LastError = "HTTP 502 Bad Gateway " + LongToken + LongToken,
        });
        await db.SaveChangesAsync();

        // A staged upload, made through the upload page (the editor's own form stages in place with script).
        var uploader = await site.SignedInPageAsync(EditorRoles.Editor, "en");
        await uploader.GotoAsync($"/admin/advisories/{draft.Id}/screenshots/new");
        await uploader.SetInputFilesAsync("form.screenshot-upload input[type=file]", new FilePayload { Name = "chat.png", MimeType = "image/png", Buffer = TestImages.Png(600, 1200, TestImages.Pattern) });
        await uploader.FillAsync("form.screenshot-upload [name=altText]", "محادثة " + LongToken);
        await uploader.ClickAsync("form.screenshot-upload button[type=submit]");
        await uploader.WaitForURLAsync("**/screenshots/staged/*");
        var staged = new Uri(uploader.Url).AbsolutePath;
        await uploader.Context.CloseAsync();

        // The registry (fed by the published sample content), an organisation and a reader's tip, with long values.
        var organisation = new Organisation { Key = "org-" + Guid.NewGuid().ToString("N")[..6], Name = "وزارة " + LongToken, Website = LongUrl };
        var tip = new Tip { ReceivedAt = DateTime.UtcNow, Language = "ar", Text = "وصلتني رسالة فيها الرابط " + LongUrl + " والحساب @" + LongToken, Contact = LongToken + "@example.org" };
        db.Organisations.Add(organisation);
        db.Tips.Add(tip);
        await db.SaveChangesAsync();
        var registryEntry = await db.RegistryEntries.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        var registryRevision = await db.RegistryRevisions.Where(r => r.EntryId == registryEntry).OrderBy(r => r.Number).Select(r => (int?)r.Number).FirstOrDefaultAsync() ?? 1;

        var ratingId = await db.Ratings.OrderBy(r => r.Position).Select(r => r.Id).FirstAsync();
        var platformId = await db.Platforms.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var tagId = await db.Tags.Where(t => t.Name.StartsWith("وسم-")).Select(t => t.Id).FirstAsync();
        var d = $"/admin/advisories/{draft.Id}";
        var urls = new Dictionary<string, (string? Url, bool Anonymous)>
        {
            ["admin"] = ("/admin", false),
            ["admin/advisories"] = ("/admin/advisories?q=" + Uri.EscapeDataString(LongToken), false),
            ["admin/review"] = ("/admin/review", false),
            ["admin/advisories/new"] = ("/admin/advisories/new", false),
            ["admin/advisories/{id:guid}"] = (d, false),
            ["admin/advisories/{id:guid}/preview"] = (d + "/preview", false),
            ["admin/advisories/{id:guid}/publish"] = (d + "/publish", false),
            ["admin/advisories/{id:guid}/withdraw"] = ($"/admin/advisories/{published.Id}/withdraw?reason=" + Uri.EscapeDataString(LongUrl), false),
            ["admin/advisories/{id:guid}/delete"] = (d + "/delete", false),
            ["admin/advisories/{id:guid}/revisions"] = (d + "/revisions", false),
            ["admin/advisories/{id:guid}/revisions/{number:int}"] = (d + "/revisions/1", false),
            ["admin/advisories/{id:guid}/revisions/compare"] = (d + "/revisions/compare?from=1&to=2", false),
            ["admin/advisories/{id:guid}/screenshots/new"] = (d + "/screenshots/new", false),
            ["admin/advisories/{id:guid}/screenshots/staged/{token}"] = (staged, false),
            ["admin/advisories/{id:guid}/screenshots/staged/{token}/image"] = (null, false), // an image
            ["admin/advisories/{id:guid}/screenshots/{shotId:int}"] = ($"/admin/advisories/{published.Id}/screenshots/{shot.Id}", false),
            ["admin/account"] = ("/admin/account", false),
            ["admin/account/two-factor"] = ("/admin/account/two-factor", false),
            ["admin/account/two-factor/qr.png"] = (null, false), // an image
            ["admin/account/notifications"] = ("/admin/account/notifications", false),
            ["admin/users"] = ("/admin/users", false),
            ["admin/users/new"] = ("/admin/users/new", false),
            ["admin/users/{userId}"] = ("/admin/users/" + admin.Id, false),
            ["admin/settings"] = ("/admin/settings", false),
            ["admin/audit"] = ("/admin/audit", false),
            ["admin/ratings"] = ("/admin/ratings", false),
            ["admin/ratings/new"] = ("/admin/ratings/new", false),
            ["admin/ratings/{id:int}"] = ("/admin/ratings/" + ratingId.ToString(CultureInfo.InvariantCulture), false),
            ["admin/platforms"] = ("/admin/platforms", false),
            ["admin/platforms/{id:int}"] = ("/admin/platforms/" + platformId.ToString(CultureInfo.InvariantCulture), false),
            ["admin/tags"] = ("/admin/tags", false),
            ["admin/tags/{id:int}"] = ("/admin/tags/" + tagId.ToString(CultureInfo.InvariantCulture), false),
            ["admin/webhooks"] = ("/admin/webhooks", false),
            ["admin/registry"] = ("/admin/registry", false),
            ["admin/registry/new"] = ("/admin/registry/new", false),
            ["admin/registry/{id:int}"] = ("/admin/registry/" + registryEntry.ToString(CultureInfo.InvariantCulture), false),
            ["admin/registry/{id:int}/revisions"] = ($"/admin/registry/{registryEntry}/revisions", false),
            ["admin/registry/{id:int}/revisions/{number:int}"] = ($"/admin/registry/{registryEntry}/revisions/{registryRevision}", false),
            ["admin/organisations"] = ("/admin/organisations", false),
            ["admin/organisations/new"] = ("/admin/organisations/new", false),
            ["admin/organisations/{id:int}"] = ("/admin/organisations/" + organisation.Id.ToString(CultureInfo.InvariantCulture), false),
            ["admin/settings/tips"] = ("/admin/settings/tips", false),
            ["admin/tips"] = ("/admin/tips", false),
            ["admin/tips/{id:guid}"] = ($"/admin/tips/{tip.Id}", false),
            ["admin/tips/{id:guid}/image"] = (null, false), // an image
            ["admin/media/{name}"] = (null, false), // a screenshot's file, for staff
            ["admin/sign-in"] = ("/admin/sign-in", true),
            ["admin/sign-in/two-factor"] = ("/admin/sign-in/two-factor", true),
            ["admin/sign-in/recovery"] = ("/admin/sign-in/recovery", true),
            ["admin/setup/{token}"] = ("/admin/setup/" + new string('x', 43), true),
            ["admin/denied"] = ("/admin/denied", false),
            ["admin/advisories/translation-choices"] = (null, false), // JSON for the editor's search-as-you-type
            ["admin/pages"] = ("/admin/pages", false),
            ["admin/pages/{key}/{lang}"] = ("/admin/pages/corrections-policy/ar", false),
        };

        var routes = site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText ?? "").TrimStart('/').Split('/')[0] == "admin")
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") ?? true)
            .Select(e => e.RoutePattern.RawText!.TrimStart('/')).Distinct().ToList();
        var unknown = routes.Where(r => !urls.ContainsKey(r)).ToList();
        Assert.True(unknown.Count == 0, "back-office pages this test does not visit yet: " + string.Join(", ", unknown));
        return routes.Order(StringComparer.Ordinal).Where(r => urls[r].Url is not null).Select(r => (r, urls[r].Url!, urls[r].Anonymous)).ToList();
    }
}
