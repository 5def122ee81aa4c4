namespace FactCheck;

/// <summary>One result, with its title and a passage of its text highlighted (already HTML: encoded, with &lt;mark&gt;).</summary>
public sealed record SearchHit(
    Guid Id, SiteLanguage Language, string Path, string TitleHtml, string SnippetHtml,
    AdvisoryKind Kind, Rating? Rating, DateTime PublishedAt, IReadOnlyList<string> Platforms);
