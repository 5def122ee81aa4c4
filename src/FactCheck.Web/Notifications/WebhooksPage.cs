namespace FactCheck;

public sealed class WebhooksPage : AdminPage
{
    public required IReadOnlyList<Webhook> Webhooks { get; init; }
    /// <summary>The newest deliveries, e-mails and webhook calls alike: the delivery log.</summary>
    public required IReadOnlyList<Delivery> Deliveries { get; init; }
    public string? NewUrl { get; init; }
    public IReadOnlyList<string> NewEvents { get; init; } = Enum.GetNames<NotificationEvent>();
    public string? Error { get; init; }
}
