using MailKit.Security;

namespace FactCheck;

/// <summary>The "Notifications" configuration section (docs/back-office.md, "Notifications").</summary>
public class NotificationOptions
{
    /// <summary>The SMTP server e-mails go through; without a host the desk gets no e-mail (webhooks still work).</summary>
    public SmtpOptions Smtp { get; set; } = new();
    /// <summary>
    /// How often each instance looks for e-mails and webhook calls that are due (retries, and what another
    /// instance queued). What this instance queues is sent at once.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>A webhook that has not answered within this is counted as failed and retried.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(15);

    public bool EmailEnabled => !string.IsNullOrWhiteSpace(Smtp.Host);
}

public class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    /// <summary>Auto: STARTTLS when the server offers it (SslOnConnect on port 465); None, StartTls or SslOnConnect to insist.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "FactCheck <factcheck@localhost>";
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
