using System.Diagnostics.Metrics;

namespace FactCheck;

/// <summary>
/// FactCheck's own instruments, beside the framework's (requests, EF Core, runtime). Exported by
/// <see cref="Telemetry"/>; in Prometheus text the dots become underscores (factcheck_advisories_published_total).
/// </summary>
public static class SiteMetrics
{
    public const string MeterName = "FactCheck";

    private static readonly Meter meter = new(MeterName);

    /// <summary>Advisories made public, tagged by what published them: an editor, or the scheduler at the set time.</summary>
    public static readonly Counter<long> Published = meter.CreateCounter<long>(
        "factcheck.advisories.published", unit: "{advisory}", description: "Advisories published, by an editor or by the scheduler");

    /// <summary>Public pages and documents answered from the output cache (hit) or rendered afresh (miss).</summary>
    public static readonly Counter<long> OutputCache = meter.CreateCounter<long>(
        "factcheck.output_cache.lookups", unit: "{request}", description: "Cacheable public requests, tagged result=hit or miss");

    public static readonly Histogram<double> ImageProcessing = meter.CreateHistogram<double>(
        "factcheck.image.processing.duration", unit: "ms", description: "Checking, decoding, redacting and encoding one upload or staged image");

    public static readonly Histogram<double> Search = meter.CreateHistogram<double>(
        "factcheck.search.duration", unit: "ms", description: "One full-text search query against the site's index");

    public static void CountPublished(int count, bool scheduled)
    {
        if (count > 0) Published.Add(count, new KeyValuePair<string, object?>("by", scheduled ? "scheduler" : "editor"));
    }
}
