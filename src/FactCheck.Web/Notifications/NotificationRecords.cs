namespace FactCheck;

/// <summary>What the desk can be told about (docs/back-office.md, "Notifications").</summary>
public enum NotificationEvent { Submitted, Assigned, SentBack, Published, Corrected, PublishFailed }

public enum DeliveryChannel { Email, Webhook }

/// <summary>One person's choices: the e-mails they do not want, and the language they want them in.</summary>
public class NotificationSetting
{
    public string UserId { get; set; } = "";
    public string Language { get; set; } = SiteLanguage.Default.Code;
    /// <summary>Comma-separated <see cref="NotificationEvent"/> names the person turned off.</summary>
    public string Muted { get; set; } = "";

    public bool Wants(NotificationEvent notification) => !Muted.Split(',').Contains(notification.ToString());
}

/// <summary>An address the desk's events are posted to as signed JSON (docs/back-office.md, "Webhooks").</summary>
public class Webhook
{
    public int Id { get; set; }
    public string Url { get; set; } = "";
    /// <summary>The HMAC-SHA256 key of the X-FactCheck-Signature header; the receiver holds it too.</summary>
    public string Secret { get; set; } = "";
    /// <summary>Comma-separated <see cref="NotificationEvent"/> names it receives.</summary>
    public string Events { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public string CreatedByName { get; set; } = "";

    public bool Receives(NotificationEvent notification) => IsActive && Events.Split(',').Contains(notification.ToString());
}

/// <summary>
/// One e-mail or webhook call, written in the same transaction as the change it tells about (an outbox),
/// then sent by <see cref="NotificationSender"/> and retried with backoff. The rows are the delivery log.
/// </summary>
public class Delivery
{
    public long Id { get; set; }
    public DeliveryChannel Channel { get; set; }
    public NotificationEvent Event { get; set; }
    /// <summary>No foreign key: the log outlives a deleted draft.</summary>
    public Guid? AdvisoryId { get; set; }
    public int? WebhookId { get; set; }
    /// <summary>The e-mail address, or the webhook's URL when the event happened.</summary>
    public string Recipient { get; set; } = "";
    public string? Subject { get; set; }
    /// <summary>The e-mail's text, or the webhook's JSON exactly as signed and sent.</summary>
    public string Body { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public int Attempts { get; set; }
    /// <summary>When the next attempt is due; null once delivered or given up.</summary>
    public DateTime? NextAttemptAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public DateTime? GaveUpAt { get; set; }
    /// <summary>The webhook's last HTTP status (or the SMTP reply code).</summary>
    public int? LastStatus { get; set; }
    public string? LastError { get; set; }
}
