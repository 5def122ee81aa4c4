namespace FactCheck;

/// <param name="Term">The stable identifier inside the scheme (a platform key, a tag name).</param>
/// <param name="Scheme">An absolute URL; Scheme + escaped Term is the public list of that category.</param>
public sealed record FeedCategory(string Term, string Label, string Scheme);
