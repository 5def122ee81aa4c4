namespace FactCheck;

/// <summary>
/// What readers see of an advisory, rendered once when it is saved instead of on every uncached
/// request (bench/README.md, "The cold path"): the body through <see cref="MarkdownRenderer"/>
/// (sanitized, directions set, embedded runs isolated) and the advisory's lists (tags, authors,
/// indicators, sources, corrections, screenshots with their files, platform ids) as JSON, so that the
/// advisory page and the feeds read one row per advisory instead of eight queries.
/// </summary>
/// <remarks>
/// Written by <see cref="PublishingEvents.AdvisoryChangedAsync"/> inside the transaction of every
/// change, so it commits with the change. Each row carries the <see cref="Current"/> version of the
/// renderer that made it; a row of another version (or none, for advisories written by other means)
/// is never served: the page renders afresh from the advisory, and <see cref="StaleRenderings"/>
/// re-renders such rows in the background after each start.
/// </remarks>
public static class RenderedHtml
{
    /// <summary>
    /// Bump when Markdown, sanitizer or bidi output changes: every stored body is re-rendered on the next start.
    /// 2: scrollable tables reachable by keyboard, signs kept with names and digit groups isolated (issue 13).
    /// </summary>
    public const int Version = 2;

    /// <summary>
    /// <see cref="Version"/> with a fingerprint of the stored lists' shape: a field added to an indicator,
    /// source, correction or screenshot makes every stored row stale without anyone bumping anything.
    /// </summary>
    public static readonly string Current = $"{Version}.{AdvisoryParts.Fingerprint}";
}
