namespace FactCheck;

/// <summary>The page form as typed, with the version it was loaded at (optimistic concurrency).</summary>
public sealed class TransparencyPageForm
{
    public string? Title { get; set; }
    public string? Body { get; set; }
    public int Version { get; set; }
}
