using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Admin;

public class WorkflowTests(BackOfficeSite site) : IClassFixture<BackOfficeSite>
{
    [Fact]
    public async Task Draft_goes_to_review_then_an_editor_publishes_it_and_readers_see_it()
    {
        var (contributor, _) = await site.SignedInAsync(EditorRoles.Contributor);
        var title = EditorSteps.ArabicTitle + " " + Guid.NewGuid().ToString("N")[..6];
        var id = await EditorSteps.CreateDraftAsync(contributor, f => f.Set("Title", title));
        var path = "/ar/advisories/" + Uri.EscapeDataString(SlugRules.FromTitle(title));

        Assert.Equal(HttpStatusCode.Redirect, (await EditorSteps.PressAsync(contributor, id, "submit")).StatusCode);
        Assert.Equal(AdvisoryStatus.InReview, await StatusAsync(id));
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client().GetAsync(path)).StatusCode);

        // The contributor's page offers no publish button, and posting to it anyway is refused.
        var page = await Html.ReadAsync(await contributor.GetAsync($"/admin/advisories/{id}"));
        Assert.Null(page.QuerySelector($"form[action='/admin/advisories/{id}/publish']"));
        var token = Form.Parse(page.DocumentElement.OuterHtml, $"form[action='/admin/advisories/{id}/submit'], #editor").Get("__RequestVerificationToken")!;
        var forged = await contributor.PostAsync($"/admin/advisories/{id}/publish", new FormUrlEncodedContent(
            [new("version", "2"), new("__RequestVerificationToken", token)]));
        Assert.Equal("/admin/denied", forged.Headers.Location!.AbsolutePath);
        Assert.Equal(AdvisoryStatus.InReview, await StatusAsync(id));

        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var published = await EditorSteps.PressAsync(editor, id, "publish");
        Assert.Equal($"/admin/advisories/{id}?done=published", published.Headers.Location!.OriginalString);

        var reader = site.Client();
        var article = await reader.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, article.StatusCode);
        Assert.Contains(title, (await Html.ReadAsync(article)).QuerySelector("h1")!.TextContent);
        Assert.Contains(title, (await Html.ReadAsync(await reader.GetAsync("/ar/"))).Body!.TextContent);

        await site.WithDatabaseAsync(async db =>
        {
            var advisory = await db.Advisories.SingleAsync(a => a.Id == id);
            Assert.NotNull(advisory.PublishedAt);
            Assert.Equal(
                [RevisionReason.Create, RevisionReason.Submit, RevisionReason.Publish],
                await db.AdvisoryRevisions.Where(r => r.AdvisoryId == id).OrderBy(r => r.Number).Select(r => r.Reason).ToListAsync());
            Assert.Equal(
                [AuditAction.Create, AuditAction.Submit, AuditAction.Publish],
                await db.AuditLog.Where(e => e.Target!.Contains(id.ToString())).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        });

        // Pressing Publish again (a stale second tab) changes nothing.
        var again = await editor.PostAsync($"/admin/advisories/{id}/publish", new FormUrlEncodedContent(
            [new("version", "3"), new("__RequestVerificationToken", Form.Parse(await (await editor.GetAsync($"/admin/advisories/{id}")).Content.ReadAsStringAsync(), "#editor").Get("__RequestVerificationToken")!)]));
        Assert.NotEqual(HttpStatusCode.InternalServerError, again.StatusCode);
        Assert.Equal(3, await RevisionCountAsync(id));
    }

    [Fact]
    public async Task Withdrawing_takes_an_advisory_off_the_lists_and_its_page_says_why_with_410()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var marker = "w" + Guid.NewGuid().ToString("N")[..6];
        var title = "سيُسحب " + marker;
        var id = await EditorSteps.CreateDraftAsync(editor, f => f.Set("Title", title));
        await EditorSteps.PressAsync(editor, id, "publish");
        var path = "/ar/advisories/" + Uri.EscapeDataString(SlugRules.FromTitle(title));
        Assert.Equal(HttpStatusCode.OK, (await site.Client().GetAsync(path)).StatusCode);
        // The search page repeats the query, so look for the advisory's address there rather than its title.
        async Task<bool> ListedAsync(string url) =>
            (await site.Client().GetStringAsync(url)).Contains(url.Contains("search", StringComparison.Ordinal) ? path : marker, StringComparison.Ordinal);
        string[] listings = ["/ar/", "/ar/feed.rss", "/ar/feed.atom", "/ar/feed.json", "/ar/search?q=" + marker, "/sitemap.xml"];
        foreach (var listing in listings) Assert.True(await ListedAsync(listing), $"{listing} should list the published advisory");

        // A reason is required.
        var refused = await EditorSteps.PressAsync(editor, id, "withdraw", ("reason", "  "));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(AdvisoryStatus.Published, await StatusAsync(id));

        var withdrawn = await EditorSteps.PressAsync(editor, id, "withdraw", ("reason", "تبيّن أن الرسالة من الدعم الحقيقي"));
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);

        var gone = await site.Client().GetAsync(path);
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Contains("تبيّن أن الرسالة من الدعم الحقيقي", (await Html.ReadAsync(gone)).Body!.TextContent);
        foreach (var listing in listings) Assert.False(await ListedAsync(listing), $"{listing} still lists the withdrawn advisory");
        await site.WithDatabaseAsync(async db =>
        {
            var entry = await db.AuditLog.SingleAsync(e => e.Action == AuditAction.Withdraw && e.Target!.Contains(id.ToString()));
            Assert.Equal("تبيّن أن الرسالة من الدعم الحقيقي", entry.Detail);
        });
    }

    [Fact]
    public async Task Contributors_cannot_publish_schedule_withdraw_or_edit_what_readers_see()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var id = await EditorSteps.CreateDraftAsync(editor);
        await EditorSteps.PressAsync(editor, id, "publish");

        var (contributor, _) = await site.SignedInAsync(EditorRoles.Contributor);
        var page = await Html.ReadAsync(await contributor.GetAsync($"/admin/advisories/{id}"));
        Assert.Null(page.QuerySelector($"form[action='/admin/advisories/{id}/withdraw']"));
        Assert.NotNull(page.QuerySelector("#editor fieldset[disabled]"));

        // Saving the editor form anyway is refused, and nothing changes.
        var form = Form.Parse(page.DocumentElement.OuterHtml, "#editor").Set("Title", "تعديل غير مسموح").Set("ChangeKind", "minor");
        var response = await form.SubmitAsync(contributor, ("command", "save"));
        Assert.Equal("/admin/denied", response.Headers.Location!.AbsolutePath);
        await site.WithDatabaseAsync(async db => Assert.NotEqual("تعديل غير مسموح", (await db.Advisories.SingleAsync(a => a.Id == id)).Title));
    }

    [Fact]
    public async Task An_incomplete_draft_cannot_be_published()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var id = await EditorSteps.CreateDraftAsync(editor, f => f.Set("Body", ""));
        var response = await EditorSteps.PressAsync(editor, id, "publish");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await Html.ReadAsync(response)).QuerySelector("[role=alert]"));
        Assert.Equal(AdvisoryStatus.Draft, await StatusAsync(id));
    }

    [Fact]
    public async Task Scheduled_advisories_are_published_when_due_and_publishing_twice_is_harmless()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var title = "مجدول " + Guid.NewGuid().ToString("N")[..6];
        var id = await EditorSteps.CreateDraftAsync(editor, f => f.Set("Title", title));

        var past = await EditorSteps.PressAsync(editor, id, "schedule", ("at", "2020-01-01T10:00"), ("timeZone", "UTC"));
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);

        // 10:00 in Kyiv is 07:00 or 08:00 UTC depending on the season: the editor's time zone counts.
        var when = DateTime.SpecifyKind(DateTime.UtcNow.AddDays(3).Date.AddHours(10), DateTimeKind.Unspecified);
        var scheduled = await EditorSteps.PressAsync(editor, id, "schedule", ("at", when.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture)), ("timeZone", "Europe/Kyiv"));
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        await site.WithDatabaseAsync(async db =>
        {
            var advisory = await db.Advisories.SingleAsync(a => a.Id == id);
            Assert.Equal(AdvisoryStatus.Scheduled, advisory.Status);
            Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(when, TimeZoneInfo.FindSystemTimeZoneById("Europe/Kyiv")), advisory.ScheduledFor);
        });
        var path = "/ar/advisories/" + Uri.EscapeDataString(SlugRules.FromTitle(title));
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client().GetAsync(path)).StatusCode);

        // Not due yet: nothing happens.
        Assert.Equal(0, await PublishDueAsync());
        Assert.Equal(AdvisoryStatus.Scheduled, await StatusAsync(id));

        // Time passes (the schedule is moved into the past), and the scheduler publishes it once.
        await site.WithDatabaseAsync(async db =>
        {
            var advisory = await db.Advisories.SingleAsync(a => a.Id == id);
            advisory.ScheduledFor = DateTime.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        });
        var revisions = await RevisionCountAsync(id);
        Assert.Equal(1, await PublishDueAsync());
        Assert.Equal(0, await PublishDueAsync());
        Assert.Equal(revisions + 1, await RevisionCountAsync(id));
        Assert.Equal(HttpStatusCode.OK, (await site.Client().GetAsync(path)).StatusCode);
        await site.WithDatabaseAsync(async db =>
            Assert.True(await db.AuditLog.AnyAsync(e => e.Action == AuditAction.Publish && e.UserName == "scheduler" && e.Target!.Contains(id.ToString()))));
    }

    [Fact]
    public async Task Drafts_are_visible_only_through_an_unguessable_revocable_preview_link()
    {
        // Editors share previews (Contributors may not: Hostile/AccessTests.cs).
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var title = "معاينة " + Guid.NewGuid().ToString("N")[..6];
        var id = await EditorSteps.CreateDraftAsync(editor, f => f.Set("Title", title));

        var create = await Form.LoadAsync(editor, $"/admin/advisories/{id}", $"form[action='/admin/advisories/{id}/preview-links']");
        Assert.Equal(HttpStatusCode.Redirect, (await create.SubmitAsync(editor)).StatusCode);
        var editorPage = await Html.ReadAsync(await editor.GetAsync($"/admin/advisories/{id}"));
        var link = new Uri(editorPage.QuerySelector("#preview-links input[readonly]")!.GetAttribute("value")!);
        Assert.Matches("^/preview/[A-Za-z0-9_-]{43}$", link.AbsolutePath);

        var reader = site.Client();
        var preview = await reader.GetAsync(link.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains(title, (await Html.ReadAsync(preview)).QuerySelector("h1")!.TextContent);
        Assert.False(preview.Headers.Contains("Set-Cookie"));
        Assert.Equal("no-store", preview.Headers.CacheControl!.ToString());
        Assert.Contains("noindex", string.Join(",", preview.Headers.GetValues("X-Robots-Tag")));

        // Not by slug, not by a guessed token.
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/ar/advisories/" + Uri.EscapeDataString(SlugRules.FromTitle(title)))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/preview/" + new string('A', 43))).StatusCode);

        var revoke = Form.Parse(editorPage.DocumentElement.OuterHtml, "#preview-links form.preview-link");
        Assert.Equal(HttpStatusCode.Redirect, (await revoke.SubmitAsync(editor)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(link.AbsolutePath)).StatusCode);
    }

    [Fact]
    public async Task Only_never_published_drafts_can_be_deleted()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var draft = await EditorSteps.CreateDraftAsync(editor);
        var deleted = await EditorSteps.PressAsync(editor, draft, "delete");
        Assert.Equal("/admin/advisories?done=deleted", deleted.Headers.Location!.OriginalString);
        await site.WithDatabaseAsync(async db =>
        {
            Assert.False(await db.Advisories.AnyAsync(a => a.Id == draft));
            Assert.True(await db.AuditLog.AnyAsync(e => e.Action == AuditAction.Delete && e.Target!.Contains(draft.ToString())));
        });

        var published = await EditorSteps.CreateDraftAsync(editor);
        await EditorSteps.PressAsync(editor, published, "publish");
        var page = await Html.ReadAsync(await editor.GetAsync($"/admin/advisories/{published}"));
        Assert.Null(page.QuerySelector($"form[action='/admin/advisories/{published}/delete']"));
    }

    private async Task<AdvisoryStatus> StatusAsync(Guid id)
    {
        var status = AdvisoryStatus.Draft;
        await site.WithDatabaseAsync(async db => status = await db.Advisories.Where(a => a.Id == id).Select(a => a.Status).SingleAsync());
        return status;
    }

    private async Task<int> RevisionCountAsync(Guid id)
    {
        var count = 0;
        await site.WithDatabaseAsync(async db => count = await db.AdvisoryRevisions.CountAsync(r => r.AdvisoryId == id));
        return count;
    }

    private Task<int> PublishDueAsync() =>
        site.WithServiceAsync(services => services.GetRequiredService<AdvisoryWorkflow>().PublishDueAsync());
}

/// <summary>The scheduler checking every minute of a clock the test moves.</summary>
public class ScheduledSite : ClockedBackOfficeSite
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        base.Settings.Append(new("BackOffice:SchedulerInterval", "00:01:00"));

    public ScheduledPublisher Scheduler => Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<ScheduledPublisher>().Single();
}

public class SchedulerTests(ScheduledSite site) : IClassFixture<ScheduledSite>
{
    [Fact]
    public async Task The_background_scheduler_publishes_on_time_without_anyone_pressing_a_button()
    {
        var advisory = await site.AddAdvisoryAsync(a =>
        {
            a.Status = AdvisoryStatus.Scheduled;
            a.Kind = AdvisoryKind.Alert; // an alert needs no verdict to be published
            a.PublishedAt = null;
            a.ScheduledFor = site.Clock.GetUtcNow().UtcDateTime.AddMinutes(3).AddSeconds(30);
        });
        var path = "/ar/advisories/" + advisory.Slug;
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client().GetAsync(path)).StatusCode);

        // Three rounds later it is still before its time…
        for (var i = 0; i < 3; i++) await ClockedBackOfficeSite.AdvanceOneRoundAsync(site.FakeClock, ScheduledSite.Interval, [site.Scheduler]);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client().GetAsync(path)).StatusCode);

        // …the first round after it publishes it.
        await ClockedBackOfficeSite.RunSchedulersUntilAsync(site.FakeClock, ScheduledSite.Interval, [site.Scheduler],
            async () => (await site.Client().GetAsync(path)).StatusCode == HttpStatusCode.OK, rounds: 2);
        await site.WithDatabaseAsync(async db => Assert.True(
            await db.Advisories.AnyAsync(a => a.Id == advisory.Id && a.PublishedAt >= advisory.ScheduledFor && a.Status == AdvisoryStatus.Published)));
    }
}
