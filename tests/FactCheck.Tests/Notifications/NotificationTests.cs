using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FactCheck.Tests.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Notifications;

/// <summary>
/// The desk is told what happens: e-mails through a real SMTP server (aiosmtpd), read back from what it
/// received, and webhook calls to a real HTTP listener whose signatures are checked here independently.
/// Retries run on a fake clock.
/// </summary>
public class NotificationTests(NotifyingSite site) : IClassFixture<NotifyingSite>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static string Title(string what) => what + " " + Guid.NewGuid().ToString("N")[..6];

    private static string Signature(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(new HMACSHA256(Encoding.UTF8.GetBytes(secret)).ComputeHash(body));

    private Task<List<Delivery>> DeliveriesAsync(Guid advisoryId) =>
        site.WithServiceAsync(services => services.GetRequiredService<AppDbContext>().Deliveries.AsNoTracking()
            .Where(d => d.AdvisoryId == advisoryId).OrderBy(d => d.Id).ToListAsync());

    [Fact]
    public async Task Submitting_mails_the_editors_who_want_it_and_posts_a_signed_webhook()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var secret = await site.AddWebhookAsync(receiver.Url);
        var (_, editor) = await site.SignedInAsync(EditorRoles.Editor);
        var (quiet, quietEditor) = await site.SignedInAsync(EditorRoles.Editor);
        var (contributor, writer) = await site.SignedInAsync(EditorRoles.Contributor);

        // One editor turns "submitted for review" off on their settings page.
        var settings = await Form.LoadAsync(quiet, "/admin/account/notifications");
        settings.Fields.RemoveAll(f => f.Key == "wanted" && f.Value == nameof(NotificationEvent.Submitted));
        Assert.Equal(HttpStatusCode.Redirect, (await settings.SubmitAsync(quiet)).StatusCode);

        var title = Title("بوت «دعم ريزيرف+» المزيف");
        var id = await EditorSteps.CreateDraftAsync(contributor, f => f.Set("Title", title));
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSteps.PressAsync(contributor, id, "submit")).StatusCode);
        await site.DeliverAsync();

        var mail = Assert.Single(site.Smtp.To(editor.Email!), m => (m.Subject ?? "").Contains(title));
        Assert.Equal("desk@factcheck.test", mail.From.Mailboxes.Single().Address);
        Assert.Contains(title, mail.Subject);
        Assert.StartsWith("بانتظار المراجعة", mail.Subject); // the default e-mail language is Arabic
        Assert.Contains($"https://localhost/admin/advisories/{id}", mail.TextBody);
        Assert.Contains(writer.DisplayName, mail.TextBody);
        Assert.Empty(site.Smtp.To(quietEditor.Email!)); // turned off
        Assert.Empty(site.Smtp.To(writer.Email!)); // nobody is told what they did themselves

        var call = receiver.Drain().Single(c => c.Text.Contains(id.ToString()));
        Assert.Equal(Signature(secret, call.Body), call.Header(WebhookPoster.SignatureHeader));
        Assert.Equal("advisory.submitted", call.Header(WebhookPoster.EventHeader));
        Assert.StartsWith("application/json", call.Header("Content-Type"));
        using var json = JsonDocument.Parse(call.Body);
        Assert.Equal("advisory.submitted", json.RootElement.GetProperty("event").GetString());
        Assert.Equal(id, json.RootElement.GetProperty("advisory").GetProperty("id").GetGuid());
        Assert.Equal(title, json.RootElement.GetProperty("advisory").GetProperty("title").GetString());
        Assert.Equal("InReview", json.RootElement.GetProperty("advisory").GetProperty("status").GetString());
        Assert.Equal(writer.DisplayName, json.RootElement.GetProperty("actor").GetString());

        // The delivery log shows both as delivered.
        Assert.All(await DeliveriesAsync(id), d => Assert.NotNull(d.DeliveredAt));
        var (admin, _) = await site.SignedInAsync(EditorRoles.Admin);
        var log = await Html.ReadAsync(await admin.GetAsync("/admin/webhooks"));
        var rows = log.QuerySelectorAll("#log tbody tr").Where(r => r.InnerHtml.Contains(id.ToString())).ToList();
        Assert.Contains(rows, r => r.TextContent.Contains(editor.Email!) && r.QuerySelector(".status-published") is not null);
        Assert.Contains(rows, r => r.TextContent.Contains(receiver.Url) && r.QuerySelector(".status-published") is not null);
    }

    [Fact]
    public async Task A_failing_webhook_is_retried_after_one_then_five_minutes_with_the_same_signed_body()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var secret = await site.AddWebhookAsync(receiver.Url);
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var (_, colleague) = await site.SignedInAsync(EditorRoles.Contributor);
        var id = await EditorSteps.CreateDraftAsync(editor);
        receiver.AnswerNext(500, 503);

        var assign = await Form.LoadAsync(editor, $"/admin/advisories/{id}", $"form[action='/admin/advisories/{id}/assignee']");
        Assert.Equal(HttpStatusCode.Redirect, (await assign.Set("assignee", colleague.Id).SubmitAsync(editor)).StatusCode);
        var start = site.FakeClock.GetUtcNow().UtcDateTime;

        async Task<List<ReceivedCall>> DeliverAfterAsync(TimeSpan wait)
        {
            site.FakeClock.Advance(wait);
            await site.DeliverAsync();
            return receiver.Drain().Where(c => c.Text.Contains(id.ToString())).ToList();
        }
        Delivery Hook(List<Delivery> deliveries) => deliveries.Single(d => d.Channel == DeliveryChannel.Webhook && d.Recipient == receiver.Url);

        var first = Assert.Single(await DeliverAfterAsync(TimeSpan.Zero));
        var afterFirst = Hook(await DeliveriesAsync(id));
        Assert.Equal((1, 500, start.AddMinutes(1)), (afterFirst.Attempts, afterFirst.LastStatus, afterFirst.NextAttemptAt));
        Assert.Empty(await DeliverAfterAsync(TimeSpan.FromSeconds(59)));
        var second = Assert.Single(await DeliverAfterAsync(TimeSpan.FromSeconds(1)));
        Assert.Equal(2, Hook(await DeliveriesAsync(id)).Attempts);
        Assert.Empty(await DeliverAfterAsync(TimeSpan.FromMinutes(4)));
        var third = Assert.Single(await DeliverAfterAsync(TimeSpan.FromMinutes(1)));

        var delivered = Hook(await DeliveriesAsync(id));
        Assert.Equal((3, 200), (delivered.Attempts, delivered.LastStatus));
        Assert.NotNull(delivered.DeliveredAt);
        Assert.Null(delivered.NextAttemptAt);
        // Each retry is the same delivery: same number, same body, a valid signature.
        Assert.Single(new[] { first, second, third }.Select(c => (c.Header(WebhookPoster.DeliveryHeader), c.Text)).Distinct());
        Assert.All(new[] { first, second, third }, c => Assert.Equal(Signature(secret, c.Body), c.Header(WebhookPoster.SignatureHeader)));
        Assert.Empty(await DeliverAfterAsync(TimeSpan.FromHours(24)));
    }

    [Fact]
    public async Task A_webhook_that_keeps_failing_is_given_up_after_six_attempts_and_can_be_sent_again_from_the_log()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await site.AddWebhookAsync(receiver.Url);
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var id = await EditorSteps.CreateDraftAsync(editor);
        receiver.AnswerNext(500, 500, 500, 500, 500, 500);
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSteps.PressAsync(editor, id, "submit")).StatusCode);

        var attempts = 0;
        foreach (var wait in new[] { TimeSpan.Zero }.Concat(NotificationOutbox.RetryDelays))
        {
            site.FakeClock.Advance(wait);
            await site.DeliverAsync();
            attempts += receiver.Drain().Count(c => c.Text.Contains(id.ToString()));
        }
        Assert.Equal(6, attempts);
        var hook = (await DeliveriesAsync(id)).Single(d => d.Recipient == receiver.Url);
        Assert.NotNull(hook.GaveUpAt);
        Assert.Null(hook.NextAttemptAt);
        Assert.Equal("HTTP 500 Internal Server Error", hook.LastError);

        // The log says so; "Send again" (the receiver is fixed now) delivers it.
        var (admin, _) = await site.SignedInAsync(EditorRoles.Admin); // signed in now: the fake clock moved 15 hours
        var retry = await Form.LoadAsync(admin, "/admin/webhooks", $"form[action='/admin/webhooks/deliveries/{hook.Id}/retry']");
        Assert.Equal(HttpStatusCode.Redirect, (await retry.SubmitAsync(admin)).StatusCode);
        await site.DeliverAsync();
        Assert.Single(receiver.Drain(), c => c.Text.Contains(id.ToString()));
        Assert.NotNull((await DeliveriesAsync(id)).Single(d => d.Recipient == receiver.Url).DeliveredAt);
    }

    [Fact]
    public async Task The_writer_hears_about_sending_back_publishing_and_corrections_in_their_language_and_the_assignee_about_the_assignment()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var (contributor, writer) = await site.SignedInAsync(EditorRoles.Contributor);
        var (_, assignee) = await site.SignedInAsync(EditorRoles.Contributor);
        var settings = await Form.LoadAsync(contributor, "/admin/account/notifications");
        Assert.Equal(HttpStatusCode.Redirect, (await settings.Set("language", "uk").SubmitAsync(contributor)).StatusCode);

        var title = Title("Фейковий бот «Резерв+»");
        var id = await EditorSteps.CreateDraftAsync(contributor, f => f.Set("Title", title).Set("Language", "uk"), lang: "uk");
        await EditorSteps.PressAsync(contributor, id, "submit");

        // Sending back needs a note: without one nothing changes and nobody is told.
        var refused = await EditorSteps.PressAsync(editor, id, "return-to-draft", ("note", "   "));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("اذكر سبب إعادته إلى المسودة", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await site.DeliverAsync();
        Assert.Empty(site.Smtp.To(writer.Email!));

        const string why = "Потрібне друге джерело: додайте посилання на попередження Міноборони.";
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSteps.PressAsync(editor, id, "return-to-draft", ("note", why))).StatusCode);
        await site.DeliverAsync();
        var sentBack = Assert.Single(site.Smtp.To(writer.Email!));
        Assert.StartsWith("Повернуто в чернетку", sentBack.Subject);
        Assert.Contains(why, sentBack.TextBody);
        // The note is in the desk's thread, marked as the reason it was sent back.
        var page = await Html.ReadAsync(await contributor.GetAsync($"/admin/advisories/{id}"));
        var note = page.QuerySelector("#desk .note-sentback")!;
        Assert.Contains(why, note.TextContent);

        await EditorSteps.PressAsync(contributor, id, "submit");
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSteps.PressAsync(editor, id, "publish")).StatusCode);
        var correct = await Form.LoadAsync(editor, $"/admin/advisories/{id}", "#editor");
        correct.Set("Summary", "Виправлений опис").Set("ChangeKind", "correction").Set("CorrectionNote", "Виправили назву бота");
        Assert.Equal(HttpStatusCode.Redirect, (await correct.SubmitAsync(editor, ("command", "save"))).StatusCode);
        var assign = await Form.LoadAsync(editor, $"/admin/advisories/{id}", $"form[action='/admin/advisories/{id}/assignee']");
        Assert.Equal(HttpStatusCode.Redirect, (await assign.Set("assignee", assignee.Id).SubmitAsync(editor)).StatusCode);
        await site.DeliverAsync();

        var subjects = site.Smtp.To(writer.Email!).Select(m => m.Subject).ToList();
        Assert.Equal(3, subjects.Count);
        Assert.Contains(subjects, s => (s ?? "").StartsWith("Опубліковано", StringComparison.Ordinal));
        var corrected = site.Smtp.To(writer.Email!).Single(m => (m.Subject ?? "").StartsWith("Виправлено", StringComparison.Ordinal));
        Assert.Contains("Виправили назву бота", corrected.TextBody);
        var assigned = Assert.Single(site.Smtp.To(assignee.Email!));
        Assert.StartsWith("أُسند إليك", assigned.Subject);
        // The title keeps its direction inside the Arabic subject: it is isolated.
        Assert.Contains("\u2068" + title + "\u2069", assigned.Subject);
    }

    [Fact]
    public async Task A_scheduled_advisory_that_cannot_be_published_tells_the_desk_once_and_notes_why()
    {
        var (editor, me) = await site.SignedInAsync(EditorRoles.Editor);
        var title = Title("تنبيه مجدول");
        var id = await EditorSteps.CreateDraftAsync(editor, f => f.Set("Title", title));
        var at = site.FakeClock.GetUtcNow().UtcDateTime.AddHours(1).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSteps.PressAsync(editor, id, "schedule", ("at", at), ("timeZone", "UTC"))).StatusCode);
        // Then someone empties the text (the editor allows it; publishing does not).
        var form = await Form.LoadAsync(editor, $"/admin/advisories/{id}", "#editor");
        Assert.Equal(HttpStatusCode.Redirect, (await form.Set("Body", "").SubmitAsync(editor, ("command", "save"))).StatusCode);

        site.FakeClock.Advance(TimeSpan.FromHours(2));
        async Task PublishDueAsync() => await site.WithServiceAsync(services => services.GetRequiredService<AdvisoryWorkflow>().PublishDueAsync());
        await PublishDueAsync();
        await PublishDueAsync(); // the next round: still failing, but the desk was told already
        await site.DeliverAsync();

        var mail = Assert.Single(site.Smtp.To(me.Email!), m => (m.Subject ?? "").Contains(title));
        Assert.StartsWith("لم يُنشر في موعده المجدول", mail.Subject);
        Assert.Contains("يحتاج التحذير إلى عنوان وملخص ونص", mail.TextBody); // the reason, in the recipient's language
        var page = await Html.ReadAsync(await editor.GetAsync($"/admin/advisories/{id}"));
        Assert.Single(page.QuerySelectorAll("#desk .note-publishfailed"));
        Assert.Equal("scheduler", page.QuerySelector("#desk .note-publishfailed bdi")!.TextContent);
        await site.WithDatabaseAsync(async db =>
            Assert.Equal(AdvisoryStatus.Scheduled, (await db.Advisories.SingleAsync(a => a.Id == id)).Status));
    }
}
