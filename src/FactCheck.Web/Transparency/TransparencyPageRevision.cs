namespace FactCheck;

/// <summary>A page as it was saved: who saved it, when, and the text.</summary>
public class TransparencyPageRevision
{
    public int Id { get; set; }
    public string Key { get; set; } = "";
    public string Language { get; set; } = "";
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTime SavedAt { get; set; }
    public string SavedBy { get; set; } = "";
}
