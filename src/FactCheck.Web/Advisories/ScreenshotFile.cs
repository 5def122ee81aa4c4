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

    /// <summary>Where readers fetch it (only once its advisory is published: MediaAccess).</summary>
    public string Url => MediaAccess.PublicPath + FileName;

    /// <summary>Where the back-office fetches it, whatever its advisory's status.</summary>
    public string BackOfficeUrl => MediaAccess.BackOfficePath + FileName;
}
