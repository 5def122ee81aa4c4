namespace FactCheck;

/// <summary>An image of the scam shown on the advisory page; files live in {DataPath}/media.</summary>
public class Screenshot
{
    public int Id { get; set; }
    public Guid AdvisoryId { get; set; }
    public int Position { get; set; }
    public string AltText { get; set; } = "";
    public string? Caption { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    /// <summary>Difference hash of the upright image (see <see cref="PerceptualHash"/>): finds earlier coverage of the same scam.</summary>
    public long PerceptualHash { get; set; }
    /// <summary>The unredacted upload under Media:KeepOriginalsPath, kept only when a desk turns that on.</summary>
    public string? OriginalFileName { get; set; }
    /// <summary>The rectangles hidden so far, as JSON in pixels of the upright image, so that redacting again from a kept original repeats them.</summary>
    public string? Redactions { get; set; }
    public List<ScreenshotFile> Files { get; set; } = [];

    /// <summary>
    /// The same stored image for another advisory (a translation, or "covered before?" reused): new rows,
    /// the same files (content-hash names, so nothing is uploaded or encoded again), hash and redactions,
    /// with its own alt text and caption. Files are deleted only when no screenshot uses them any more.
    /// </summary>
    public Screenshot Reused(string altText, string? caption) => new()
    {
        AltText = altText,
        Caption = caption,
        Width = Width,
        Height = Height,
        PerceptualHash = PerceptualHash,
        OriginalFileName = OriginalFileName,
        Redactions = Redactions,
        Files = Files.Select(f => new ScreenshotFile { FileName = f.FileName, ContentType = f.ContentType, Width = f.Width, Height = f.Height, Length = f.Length }).ToList(),
    };

    public IEnumerable<ScreenshotFile> WebP => Files.Where(f => f.ContentType == "image/webp").OrderBy(f => f.Width);

    /// <summary>The JPEG/PNG renditions, smallest first, for the fallback srcset.</summary>
    public IEnumerable<ScreenshotFile> Fallbacks => Files.Where(f => f.ContentType != "image/webp").OrderBy(f => f.Width);

    /// <summary>The file pages fall back to in &lt;img src&gt;: the largest non-WebP one.</summary>
    public ScreenshotFile? Fallback =>
        Files.Where(f => f.ContentType != "image/webp").OrderByDescending(f => f.Width).FirstOrDefault()
        ?? Files.OrderByDescending(f => f.Width).FirstOrDefault();
}
