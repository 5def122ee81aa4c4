namespace FactCheck;

/// <summary>One advisory in a list.</summary>
public sealed record AdvisoryCard(
    string Title, string Summary, string Path, AdvisoryKind Kind, Rating? Rating, Severity? Severity,
    DateTime PublishedAt, IReadOnlyList<string> Platforms, Screenshot? Thumbnail = null);
