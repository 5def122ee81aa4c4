namespace FactCheck;

/// <summary>A reader's screenshot, read: the metadata-free image, what OCR found in it, and the indicators in that text.</summary>
public sealed record ScreenshotReading(StagedImage Image, string? Text, IReadOnlyList<(IndicatorType Type, string Value)> Candidates)
{
    public bool OcrAvailable => Text is not null;
}
