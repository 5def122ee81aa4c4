namespace FactCheck;

/// <summary>The upload form on its own page (where a refused upload comes back), or the alt text and caption of a screenshot.</summary>
public sealed class ScreenshotFormPage : AdminPage
{
    public required Guid AdvisoryId { get; init; }
    public required SiteLanguage ContentLanguage { get; init; }
    /// <summary>Null for an upload; the screenshot whose texts are edited otherwise.</summary>
    public Screenshot? Existing { get; init; }
    /// <summary>Whether the form has the file input (an upload) or only the texts (editing, or a staged upload).</summary>
    public bool AsksForFile { get; init; }
    public string? AltText { get; init; }
    public string? Caption { get; init; }
    public FormErrors Errors { get; init; } = new();
    public long MaxUploadBytes { get; init; }
}
