namespace FactCheck;

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
