namespace FactCheck;

/// <param name="Total">Matches over all pages.</param>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total);
