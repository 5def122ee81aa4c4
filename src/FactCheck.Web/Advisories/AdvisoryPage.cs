namespace FactCheck;

public sealed class AdvisoryPage : PublicPage
{
    public required Advisory Advisory { get; init; }
    /// <summary>The body through the Markdown pipeline: sanitized, safe to emit raw.</summary>
    public required string BodyHtml { get; init; }
    public required IReadOnlyList<TranslationLink> Translations { get; init; }
}
