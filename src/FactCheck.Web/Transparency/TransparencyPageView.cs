namespace FactCheck;

public sealed class TransparencyPageView : PublicPage
{
    public required TransparencyPage Page { get; init; }
    /// <summary>The body through the Markdown pipeline: sanitized, safe to emit raw.</summary>
    public required string BodyHtml { get; init; }
}
