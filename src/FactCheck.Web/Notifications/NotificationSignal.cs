namespace FactCheck;

/// <summary>Wakes this instance's <see cref="NotificationSender"/> when a change has queued deliveries, so they leave at once.</summary>
public sealed class NotificationSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Wake()
    {
        // One pending wake-up is enough: the sender sends everything that is due when it wakes.
        try { signal.Release(); } catch (SemaphoreFullException) { }
    }

    public Task WaitAsync(CancellationToken cancellationToken) => signal.WaitAsync(cancellationToken);
}
