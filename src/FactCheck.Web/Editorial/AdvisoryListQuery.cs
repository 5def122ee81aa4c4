namespace FactCheck;

/// <summary>The back-office list's filters as typed in its query string (anything unknown is dropped, never an error).</summary>
public sealed class AdvisoryListQuery
{
    /// <summary>Words of the title, summary, body, claim or address, or an indicator typed any way.</summary>
    public string? Q { get; set; }
    public string? Status { get; set; }
    public string? Lang { get; set; }
    public string? Verdict { get; set; }
    public string? Platform { get; set; }
    /// <summary>"me", "none", or an account id.</summary>
    public string? Assignee { get; set; }
    /// <summary>Part of a byline name.</summary>
    public string? Author { get; set; }
    public int Page { get; set; } = 1;

    /// <summary>The query string of these filters (without the page), for links to other pages of the list.</summary>
    public string ToQueryString() => string.Join('&', new[] { ("q", Q), ("status", Status), ("lang", Lang), ("verdict", Verdict), ("platform", Platform),
            ("assignee", Assignee), ("author", Author) }
        .Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!)));
}
