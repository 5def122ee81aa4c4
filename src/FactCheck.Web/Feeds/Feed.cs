namespace FactCheck;

/// <summary>One feed, ready to be written in any format: every URL absolute, every date UTC.</summary>
public sealed record Feed(
    string Title,
    string Description,
    SiteLanguage Language,
    string HomeUrl,
    string SelfUrl,
    DateTime Updated,
    FeedPublisher Publisher,
    IReadOnlyList<FeedEntry> Entries);
