namespace FactCheck;

/// <summary>An earlier screenshot that looks like the new one, and the advisory it belongs to.</summary>
public sealed record SimilarScreenshot(int Distance, Screenshot Screenshot, Guid AdvisoryId, string Title, string Language, AdvisoryStatus Status, string Path)
{
    public ScreenshotFile? Thumbnail => Screenshot.Fallbacks.FirstOrDefault() ?? Screenshot.Files.OrderBy(f => f.Width).FirstOrDefault();
}
