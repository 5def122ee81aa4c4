namespace FactCheck;

/// <summary>A status as the editor typed it (strings, so a refused value comes back as typed).</summary>
public sealed class StatusForm
{
    public string? Status { get; set; }
    public string? Since { get; set; }
    public string? Organisation { get; set; }
    public string? Channel { get; set; }
    public string? Note { get; set; }
    public string? SourceTitle { get; set; }
    public string? SourceUrl { get; set; }
}
