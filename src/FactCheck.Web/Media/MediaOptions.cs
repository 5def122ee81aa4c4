namespace FactCheck;

/// <summary>Limits that apply before any pixel is decoded (Media section of the settings).</summary>
public sealed class MediaOptions
{
    public long MaxUploadBytes { get; set; } = 15 * 1024 * 1024;
    public long MaxPixels { get; set; } = 40_000_000;
    /// <summary>Responsive widths; an image is never upscaled, so small ones get fewer variants.</summary>
    public int[] Widths { get; set; } = [480, 960, 1600];
    /// <summary>When set, unredacted uploads are kept here (outside the public media folder) for legal holds.</summary>
    public string? KeepOriginalsPath { get; set; }
    /// <summary>Uploads waiting for redaction longer than this are deleted (they hold unredacted pixels).</summary>
    public int StagingHours { get; set; } = 24;
    /// <summary>How often media files nothing refers to are looked for (MediaSweep).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);
    /// <summary>How old such a file must be before it goes: longer than any upload takes between writing its files and saving.</summary>
    public TimeSpan OrphanGrace { get; set; } = TimeSpan.FromHours(1);
}
