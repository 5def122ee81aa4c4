namespace FactCheck;

/// <summary>Open tips that belong together: a shared indicator or a near-duplicate screenshot links two tips.</summary>
public sealed record TipCluster(
    IReadOnlyList<Tip> Tips, IReadOnlyList<(IndicatorType Type, string Value, int Tips)> Indicators,
    IReadOnlyList<AdvisoryLink> Advisories, IReadOnlyList<SimilarScreenshot> Screenshots)
{
    /// <summary>How many readers sent it: the demand signal the queue is sorted by.</summary>
    public int Size => Tips.Count;
}
