using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace FactCheck;

/// <summary>
/// The version of everything readers can see. It is part of every public cache key, and moves after
/// each committed change, so a request that started before the commit (and may have read the old
/// rows) can only store its page under the old key, which no later request asks for.
/// </summary>
public sealed class PublicContent(IOutputCacheStore store)
{
    private long counter;

    public string Version { get; private set; } = "0";

    /// <summary>Call after the change is committed (calling before would let a reader re-cache the old rows).</summary>
    public async Task ChangedAsync(CancellationToken cancellationToken = default)
    {
        Version = Interlocked.Increment(ref counter).ToString(CultureInfo.InvariantCulture);
        // The old entries are unreachable already; evicting them frees the memory now rather than at expiry.
        await store.EvictByTagAsync(PublicCaching.Tag, cancellationToken);
    }
}
