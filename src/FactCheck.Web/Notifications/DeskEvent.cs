namespace FactCheck;

/// <summary>What happened, for the notifications about it.</summary>
/// <param name="Note">The desk note that came with it (why it was sent back, the correction note), if any.</param>
/// <param name="Problem">For <see cref="NotificationEvent.PublishFailed"/>: why, as a resource key.</param>
public sealed record DeskEvent(NotificationEvent Event, Advisory Advisory, Actor Actor, string? Note = null, string? Problem = null);
