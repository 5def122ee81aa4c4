namespace FactCheck;

/// <summary>A staged upload: the private image to redact, the coordinates form, and earlier coverage of the same scam.</summary>
public sealed class StagedScreenshotPage : AdminPage
{
    public required StagedUpload Staged { get; init; }
    public required SiteLanguage ContentLanguage { get; init; }
    public required IReadOnlyList<SimilarScreenshot> Similar { get; init; }
    public string? AltText { get; init; }
    public string? Caption { get; init; }
    public RedactionForm Redaction { get; init; } = new();
    public FormErrors Errors { get; init; } = new();

}
