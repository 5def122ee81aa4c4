namespace FactCheck;

/// <summary>The "Tips" settings: how often one client may send tips and have screenshots read.</summary>
public sealed class TipOptions
{
    public int TipsPerClientPerHour { get; set; } = 10;
    public int ScreenshotChecksPerClientPerHour { get; set; } = 30;
}
