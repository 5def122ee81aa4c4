namespace FactCheck;

/// <summary>One encoded rendition of a screenshot, stored under a content-hash name.</summary>
public class ScreenshotFile
{
    public int Id { get; set; }
    public int ScreenshotId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public int Width { get; set; }
    public int Height { get; set; }
    public long Length { get; set; }

    public string Url => "/media/" + FileName;
}
