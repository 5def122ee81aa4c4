namespace FactCheck;

/// <summary>A new registry entry as typed: the indicator and its first status.</summary>
public sealed class EntryForm
{
    public string? Type { get; set; }
    public string? Value { get; set; }
    public string? Country { get; set; }
    public string? Label { get; set; }
    public StatusForm Status { get; set; } = new();
}
