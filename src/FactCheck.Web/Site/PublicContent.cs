using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace FactCheck;

/// <summary>
/// The version of everything readers can see. It is part of every public cache key, and moves after
/// each committed change, so a request that started before the commit (and may have read the old
/// rows) can only store its page under the old key, which no later request asks for. Changes made
/// through other instances (or an "import" command) arrive through <see cref="ContentVersionWatcher"/>.
/// </summary>
public sealed class PublicContent(IOutputCacheStore store, IServiceScopeFactory scopes, CdnPurge cdn, ILogger<PublicContent> logger)
{
    private readonly Lock gate = new();
    private long counter;
    private long observed = -1;

    /// <summary>This instance's cache key part; moves on every change seen, local or not.</summary>
    public string Version { get; private set; } = "0";

    /// <summary>
    /// Call after the change is committed (calling before would let a reader re-cache the old rows): moves
    /// the database's <see cref="ContentVersion"/> (which tells the other instances), empties this
    /// instance's cache, and asks the CDN, if one is configured, to purge what <paramref name="change"/> names.
    /// </summary>
    public async Task ChangedAsync(ContentChange? change = null, CancellationToken cancellationToken = default)
    {
        long number = -1;
        try
        {
            using var scope = scopes.CreateScope();
            number = await ContentVersion.BumpAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // This instance still shows the change; the others see it when their entries expire.
            logger.LogError(e, "Could not record the content change for the other instances");
        }
        await EvictAsync(number, cancellationToken);
        cdn.Purge(change ?? ContentChange.Everything);
    }

    /// <summary>The database's number as another instance left it: empties this instance's cache when it moved.</summary>
    public Task ObserveAsync(long number, CancellationToken cancellationToken = default)
    {
        lock (gate)
            if (number == observed) return Task.CompletedTask;
        return EvictAsync(number, cancellationToken);
    }

    private async Task EvictAsync(long number, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (number >= 0) observed = number;
            Version = (++counter).ToString(CultureInfo.InvariantCulture);
        }
        // The old entries are unreachable already; evicting them frees the memory now rather than at expiry.
        await store.EvictByTagAsync(PublicCaching.Tag, cancellationToken);
    }
}
