namespace FactCheck;

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
