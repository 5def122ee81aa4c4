using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>
/// The notification outbox. <see cref="QueueAsync"/> adds an e-mail for each person who should hear about an
/// event (and wants to) and a call for each webhook that receives it — staged on the caller's DbContext, so the
/// deliveries commit or roll back with the change. <see cref="DeliverDueAsync"/> sends what is due and
/// schedules retries with backoff (<see cref="RetryDelays"/>); <see cref="NotificationSender"/> calls it.
/// </summary>
public sealed class NotificationOutbox(
    AppDbContext db, IOptions<MailOptions> mail, IOptions<SiteOptions> site, IStringLocalizer<SharedResource> text,
    IHttpContextAccessor http, EmailSender email, WebhookPoster webhooks, TimeProvider clock, ILogger<NotificationOutbox> logger)
{
    /// <summary>How long to wait after the 1st, 2nd… failed attempt; after the last one it gives up (six attempts over about 15 hours).</summary>
    public static readonly IReadOnlyList<TimeSpan> RetryDelays =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(12)];

    /// <summary>An attempt in progress holds its row this long, so another instance does not send it twice meanwhile.</summary>
    private static readonly TimeSpan ClaimTime = TimeSpan.FromMinutes(5);

    private static readonly JsonSerializerOptions json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All), // Arabic and Cyrillic stay readable in the delivery log
    };

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The name receivers see in X-FactCheck-Event and in the payload's "event".</summary>
    public static string EventName(NotificationEvent notification) => notification switch
    {
        NotificationEvent.Submitted => "advisory.submitted",
        NotificationEvent.Assigned => "advisory.assigned",
        NotificationEvent.SentBack => "advisory.sent-back",
        NotificationEvent.Published => "advisory.published",
        NotificationEvent.Corrected => "advisory.corrected",
        _ => "advisory.publish-failed",
    };

    public async Task QueueAsync(DeskEvent happened, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var baseUrl = BaseUrl();
        var advisory = happened.Advisory;
        var adminUrl = $"{baseUrl}{BackOfficeSetup.PathBase}/advisories/{advisory.Id}";

        if (mail.Value.Enabled)
            foreach (var (address, language) in await RecipientsAsync(happened, cancellationToken))
            {
                var (subject, body) = Email(happened, language, adminUrl, $"{baseUrl}{BackOfficeSetup.PathBase}/account/notifications");
                db.Deliveries.Add(new Delivery
                {
                    Channel = DeliveryChannel.Email, Event = happened.Event, AdvisoryId = advisory.Id, Recipient = address,
                    Subject = subject, Body = body, CreatedAt = now, NextAttemptAt = now,
                });
            }

        var hooks = (await db.Webhooks.Where(w => w.IsActive).ToListAsync(cancellationToken)).Where(w => w.Receives(happened.Event)).ToList();
        if (hooks.Count == 0) return;
        var payload = await PayloadAsync(happened, now, baseUrl, adminUrl, cancellationToken);
        foreach (var hook in hooks)
            db.Deliveries.Add(new Delivery
            {
                Channel = DeliveryChannel.Webhook, Event = happened.Event, AdvisoryId = advisory.Id, WebhookId = hook.Id, Recipient = hook.Url,
                Body = payload, CreatedAt = now, NextAttemptAt = now,
            });
    }

    /// <summary>
    /// Sends every delivery that is due, each claimed first with a conditional update (several instances may
    /// run this at once), and records the outcome: delivered, a retry after the next <see cref="RetryDelays"/>,
    /// or given up. Returns how many were delivered.
    /// </summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        var now = Now;
        var due = await db.Deliveries.Where(d => d.NextAttemptAt != null && d.NextAttemptAt <= now)
            .OrderBy(d => d.NextAttemptAt).Take(100).Select(d => new { d.Id, d.Attempts }).ToListAsync(cancellationToken);
        var delivered = 0;
        foreach (var item in due)
        {
            var claimed = await db.Deliveries
                .Where(d => d.Id == item.Id && d.Attempts == item.Attempts && d.NextAttemptAt != null && d.NextAttemptAt <= now)
                .ExecuteUpdateAsync(set => set.SetProperty(d => d.NextAttemptAt, now + ClaimTime), cancellationToken);
            if (claimed == 0) continue; // another instance has it

            var delivery = await db.Deliveries.SingleAsync(d => d.Id == item.Id, cancellationToken);
            var result = await SendAsync(delivery, cancellationToken);
            var at = Now;
            delivery.Attempts++;
            delivery.LastStatus = result.Status;
            delivery.LastError = result.Error is { Length: > 1000 } error ? error[..1000] : result.Error;
            if (result.Delivered)
            {
                delivery.DeliveredAt = at;
                delivery.NextAttemptAt = null;
                delivered++;
            }
            else if (delivery.Attempts > RetryDelays.Count)
            {
                delivery.GaveUpAt = at;
                delivery.NextAttemptAt = null;
                logger.LogWarning("Gave up delivering {Channel} {Id} to {Recipient}: {Error}", delivery.Channel, delivery.Id, delivery.Recipient, result.Error);
            }
            else delivery.NextAttemptAt = at + RetryDelays[delivery.Attempts - 1];
            await db.SaveChangesAsync(cancellationToken);
        }
        return delivered;
    }

    private async Task<DeliveryResult> SendAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        if (delivery.Channel == DeliveryChannel.Email)
            return mail.Value.Enabled ? await email.SendAsync(delivery, cancellationToken) : new DeliveryResult(false, Error: "no SMTP server is configured");
        var hook = await db.Webhooks.AsNoTracking().FirstOrDefaultAsync(w => w.Id == delivery.WebhookId, cancellationToken);
        if (hook is not { IsActive: true }) return new DeliveryResult(false, Error: "the webhook is turned off");
        delivery.Recipient = hook.Url; // a corrected address is used for the retries
        return await webhooks.PostAsync(hook, delivery, cancellationToken);
    }

    /// <summary>Who gets an e-mail: the people the event concerns, minus whoever caused it, those who turned it off and disabled accounts.</summary>
    private async Task<List<(string Address, SiteLanguage Language)>> RecipientsAsync(DeskEvent happened, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>();
        var advisoryId = happened.Advisory.Id;
        if (happened.Event is NotificationEvent.Submitted or NotificationEvent.PublishFailed)
        {
            // Those who can publish are the review desk.
            var reviewerRoles = await db.Roles.Where(r => r.Name == EditorRoles.Editor || r.Name == EditorRoles.Admin).Select(r => r.Id).ToListAsync(cancellationToken);
            ids.UnionWith(await db.UserRoles.Where(ur => reviewerRoles.Contains(ur.RoleId)).Select(ur => ur.UserId).ToListAsync(cancellationToken));
        }
        if (happened.Event is not (NotificationEvent.Submitted or NotificationEvent.Assigned) &&
            await Desk.CreatorOf(db, advisoryId).FirstOrDefaultAsync(cancellationToken) is { } creator)
            ids.Add(creator);
        if (await db.Assignments.Where(a => a.AdvisoryId == advisoryId).Select(a => a.UserId).FirstOrDefaultAsync(cancellationToken) is { } assignee)
            ids.Add(assignee);
        if (happened.Actor.Id is { } actor) ids.Remove(actor);
        if (ids.Count == 0) return [];

        var people = await db.Users.Where(u => ids.Contains(u.Id) && !u.IsDisabled && u.Email != null && db.UserRoles.Any(ur => ur.UserId == u.Id))
            .Select(u => new { u.Id, u.Email }).ToListAsync(cancellationToken);
        var settings = await db.NotificationSettings.Where(s => ids.Contains(s.UserId)).ToDictionaryAsync(s => s.UserId, cancellationToken);
        return people
            .Where(p => settings.GetValueOrDefault(p.Id)?.Wants(happened.Event) ?? true)
            .Select(p => (p.Email!, SiteLanguage.Find(settings.GetValueOrDefault(p.Id)?.Language) ?? SiteLanguage.Default))
            .OrderBy(p => p.Item1, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The e-mail in the recipient's language. Titles are isolated (U+2068…U+2069) so a title of the other direction reads in order.</summary>
    private (string Subject, string Body) Email(DeskEvent happened, SiteLanguage language, string adminUrl, string settingsUrl)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = language.Culture;
        try
        {
            var title = Isolated(string.IsNullOrWhiteSpace(happened.Advisory.Title) ? text["Admin.Untitled"] : happened.Advisory.Title);
            var subject = string.Format(language.Culture, text[$"Notify.Subject.{happened.Event}"], title);
            var lines = new List<string> { string.Format(language.Culture, text[$"Notify.Text.{happened.Event}"], title, Isolated(happened.Actor.Name)) };
            if (happened.Problem is not null) lines.Add(text[happened.Problem]);
            if (happened.Note is not null) lines.AddRange(["", text["Notify.Note"], happened.Note]);
            lines.AddRange(["", text["Notify.Open"], adminUrl, "", "-- ", text["Notify.Why"], settingsUrl]);
            return (subject, string.Join('\n', lines) + "\n");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private async Task<string> PayloadAsync(DeskEvent happened, DateTime now, string baseUrl, string adminUrl, CancellationToken cancellationToken)
    {
        var advisory = happened.Advisory;
        var assignee = await db.Assignments.Where(a => a.AdvisoryId == advisory.Id).Select(a => a.User!.DisplayName).FirstOrDefaultAsync(cancellationToken);
        string? problem = null;
        if (happened.Problem is not null)
        {
            // Machines get the reason in English, whatever language the back-office speaks.
            var previous = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = SiteLanguage.Find("en")!.Culture;
            try { problem = text[happened.Problem]; } finally { CultureInfo.CurrentUICulture = previous; }
        }
        return JsonSerializer.Serialize(new
        {
            @event = EventName(happened.Event),
            occurredAt = now.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            actor = happened.Actor.Name,
            advisory = new
            {
                id = advisory.Id,
                title = advisory.Title,
                language = advisory.Language,
                kind = advisory.Kind.ToString(),
                status = advisory.Status.ToString(),
                adminUrl,
                publicUrl = advisory.Status == AdvisoryStatus.Published ? baseUrl + advisory.Path : null,
            },
            assignee,
            note = happened.Note,
            problem,
        }, json);
    }

    /// <summary>Links in notifications: the address the change came in on (or Site:PublicUrl); the scheduler has only Site:PublicUrl.</summary>
    private string BaseUrl() =>
        http.HttpContext?.Request is { } request ? AbsoluteUrls.BaseUrl(request, site.Value) : site.Value.PublicUrl?.Trim().TrimEnd('/') ?? "";

    private static string Isolated(string value) => "\u2068" + value + "\u2069";
}
