namespace FactCheck;

public sealed class AdvisoryPage : PublicPage
{
    public required Advisory Advisory { get; init; }
    /// <summary>The body through the Markdown pipeline: sanitized, safe to emit raw.</summary>
    public required string BodyHtml { get; init; }
    public required IReadOnlyList<TranslationLink> Translations { get; init; }
    /// <summary>
    /// Where the screenshots' files are served: /media/ for published advisories; previews of unpublished
    /// work use addresses that check who asks (MediaAccess), since /media serves only what readers may see.
    /// </summary>
    public string MediaPath { get; init; } = MediaAccess.PublicPath;
    public string MediaUrl(ScreenshotFile file) => MediaPath + file.FileName;
}
