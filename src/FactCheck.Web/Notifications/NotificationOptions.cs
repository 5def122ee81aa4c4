namespace FactCheck;

/// <summary>
/// The "Notifications" configuration section (docs/back-office.md, "Notifications"). E-mail goes through the
/// site's one SMTP server, the "Mail" section (<see cref="MailOptions"/>), which replies to tips use too.
/// </summary>
public class NotificationOptions
{
    /// <summary>
    /// How often each instance looks for e-mails and webhook calls that are due (retries, and what another
    /// instance queued). What this instance queues is sent at once.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>A webhook that has not answered within this is counted as failed and retried.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
