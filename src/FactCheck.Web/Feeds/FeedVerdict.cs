namespace FactCheck;

/// <summary>The verdict with its ClaimReview number on the site's scale (documented on the methodology page).</summary>
public sealed record FeedVerdict(string Key, string Label, int Value, int Best, int Worst, string Scheme);
