namespace FactCheck;

/// <summary>
/// A screenshot from a reader goes through the editors' image pipeline first (<see cref="ScreenshotProcessor.StageAsync"/>:
/// type from the bytes, size and pixel limits before decoding, orientation applied, every byte of metadata
/// dropped), then OCR reads the clean PNG and its indicators are extracted like a pasted message's.
/// Nothing is written anywhere here.
/// </summary>
public sealed class ScreenshotCheck(ScreenshotProcessor processor, ScreenshotReader reader)
{
    /// <exception cref="MediaRejectedException">The upload is not an image we accept.</exception>
    /// <exception cref="MediaUnavailableException">Images cannot be processed on this server.</exception>
    public async Task<ScreenshotReading> ReadAsync(byte[] bytes, string? fileName, CancellationToken cancellationToken = default)
    {
        var image = await processor.StageAsync(bytes, fileName, cancellationToken);
        var text = await reader.ReadAsync(image.Png, cancellationToken);
        var candidates = text is null ? [] : IndicatorNormalizer.MessageCandidates(Trim(text, IndicatorNormalizer.MaxMessageLength));
        return new ScreenshotReading(image, text, candidates);
    }

    internal static string Trim(string text, int max) => text.Length <= max ? text : text[..max];
}
