namespace FactCheck;

/// <summary>The outcome of one attempt to send a <see cref="Delivery"/>.</summary>
public sealed record DeliveryResult(bool Delivered, int? Status = null, string? Error = null);
