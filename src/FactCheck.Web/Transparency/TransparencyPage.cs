namespace FactCheck;

/// <summary>
/// One of the pages a fact-checker owes its readers (the IFCN principles): who we are, who works here,
/// who pays, how we correct, how to reach us. One row per page and language, edited by Admins; every
/// save is kept as a <see cref="TransparencyPageRevision"/>.
/// </summary>
public class TransparencyPage
{
    public string Key { get; set; } = "";
    public string Language { get; set; } = SiteLanguage.Default.Code;
    public string Title { get; set; } = "";
    /// <summary>Markdown, rendered through <see cref="MarkdownRenderer"/> like an advisory's body.</summary>
    public string Body { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    /// <summary>Optimistic concurrency: two Admins saving the same version conflict instead of one losing the other's text.</summary>
    public int Version { get; set; }

    public string Path => $"/{Language}/{Key}";

    /// <summary>The pages, in the footer's order. Their keys are their addresses: /{lang}/about, …</summary>
    public static readonly IReadOnlyList<string> Keys = ["about", "team", "funding", "corrections-policy", "contact"];

    public static bool IsKey(string? key) => key is not null && Keys.Contains(key);
}
