namespace FactCheck;

/// <summary>Every change of a registry entry, with the entry as it was after it (JSON), like advisory revisions.</summary>
public class RegistryRevision
{
    public int Id { get; set; }
    public int EntryId { get; set; }
    public int Number { get; set; }
    public DateTime SavedAt { get; set; }
    public string? SavedById { get; set; }
    public string SavedByName { get; set; } = "";
    /// <summary>What was done, in a few words ("status added: hijacked").</summary>
    public string Change { get; set; } = "";
    public string Snapshot { get; set; } = "";
}
