using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using FactCheck.Tests.Admin;

namespace FactCheck.Tests.Notifications;

/// <summary>
/// The back-office site sending its e-mail to a real SMTP server (<see cref="SmtpTestServer"/>), on a
/// <see cref="FakeTimeProvider"/> clock. The background sender and scheduler are left out: a test sends
/// the outbox (<see cref="DeliverAsync"/>) and publishes what is due itself, after moving the clock, so
/// retry and backoff are tested without waiting.
/// </summary>
public sealed class NotifyingSite : BackOfficeSite
{
    public NotifyingSite() => Clock = FakeClock;

    public SmtpTestServer Smtp { get; } = new();
    /// <summary>Starts at a whole second: PostgreSQL keeps microseconds, so times read back compare equal.</summary>
    public FakeTimeProvider FakeClock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        base.Settings
            .Append(new("Mail:Host", "127.0.0.1"))
            .Append(new("Mail:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(new("Mail:Security", "None"))
            .Append(new("Mail:From", "FactCheck desk <desk@factcheck.test>"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            foreach (var background in services.Where(d => d.ImplementationType == typeof(NotificationSender) || d.ImplementationType == typeof(ScheduledPublisher)).ToList())
                services.Remove(background);
        });
    }

    /// <summary>Sends every delivery that is due now (by <see cref="FakeClock"/>); returns how many were delivered.</summary>
    public Task<int> DeliverAsync() => WithServiceAsync(services => services.GetRequiredService<NotificationOutbox>().DeliverDueAsync());

    /// <summary>A webhook receiving every event, as an Admin would add it; returns its secret.</summary>
    public Task<string> AddWebhookAsync(string url) => WithServiceAsync(async services =>
    {
        var db = services.GetRequiredService<AppDbContext>();
        var hook = new Webhook
        {
            Url = url, Secret = WebhookPoster.NewSecret(), Events = string.Join(',', Enum.GetNames<NotificationEvent>()),
            CreatedAt = DateTime.UtcNow, CreatedByName = "test",
        };
        db.Webhooks.Add(hook);
        await db.SaveChangesAsync();
        return hook.Secret;
    });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Smtp.Dispose();
    }
}
