using Microsoft.AspNetCore.OutputCaching;

namespace FactCheck;

/// <summary>Counts cache hits (served as stored) and misses (rendered afresh) for <see cref="SiteMetrics.OutputCache"/>.</summary>
internal sealed class CountedLookups : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        SiteMetrics.OutputCache.Add(1, new KeyValuePair<string, object?>("result", "hit"));
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        SiteMetrics.OutputCache.Add(1, new KeyValuePair<string, object?>("result", "miss"));
        return ValueTask.CompletedTask;
    }
}
