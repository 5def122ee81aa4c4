namespace FactCheck;

/// <param name="Id">The advisory id: feed ids derive from it, so they survive slug edits.</param>
/// <param name="ContentHtml">Sanitized HTML with absolute URLs, wrapped in an element carrying lang and dir.</param>
/// <param name="Updated">Moves when a correction or update is published.</param>
public sealed record FeedEntry(
    Guid Id,
    string Title,
    string Summary,
    string Url,
    string ContentHtml,
    DateTime Published,
    DateTime Updated,
    IReadOnlyList<string> Authors,
    AdvisoryKind Kind,
    FeedVerdict? Verdict,
    Severity? Severity,
    IReadOnlyList<FeedCategory> Platforms,
    IReadOnlyList<FeedCategory> Tags,
    IReadOnlyList<FeedImage> Images)
{
    public string Urn => "urn:uuid:" + Id.ToString("D");
}
