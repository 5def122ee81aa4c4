namespace FactCheck;

/// <summary>
/// An advisory's text as the search index sees it, in three parts weighted differently when ranking:
/// the title; the prose (summary, claim, body, what to do); and the short facts (tags, platforms,
/// indicators, claimant, where the claim appeared). Needs the advisory's Platforms, Tags and Indicators loaded.
/// </summary>
public sealed record SearchDocument(Guid AdvisoryId, string Title, string Prose, string Facts)
{
    public static SearchDocument From(Advisory advisory) => new(
        advisory.Id,
        advisory.Title,
        string.Join('\n', Passages(advisory.Summary, advisory.ClaimText, advisory.Body, advisory.Steps)),
        string.Join('\n', new[] { advisory.Claimant ?? "" }
            .Concat(advisory.Tags.Select(t => t.Name))
            .Concat(advisory.Platforms.Select(p => p.Name))
            .Concat(advisory.Indicators.SelectMany(i => new[] { i.Raw, i.Normalized }))
            .Concat(advisory.ClaimAppearances)));

    /// <summary>The readable passages of an advisory, in the order a snippet prefers them.</summary>
    public static IEnumerable<string> Passages(string summary, string? claim, string bodyMarkdown, IEnumerable<string> steps)
    {
        yield return summary;
        if (!string.IsNullOrWhiteSpace(claim)) yield return claim;
        yield return PlainText(bodyMarkdown);
        foreach (var step in steps) yield return step;
    }

    /// <summary>Markdown without its markup: what a reader reads, so link targets and emphasis marks are not searched or shown.</summary>
    public static string PlainText(string markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdig.Markdown.ToPlainText(markdown);
}
