namespace FactCheck;

/// <summary>A note in an advisory's desk thread. Only the back-office shows it: never a public page, feed or export.</summary>
public class AdvisoryNote
{
    public long Id { get; set; }
    public Guid AdvisoryId { get; set; }
    public NoteKind Kind { get; set; }
    /// <summary>Null for the scheduler.</summary>
    public string? AuthorId { get; set; }
    public string AuthorName { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
