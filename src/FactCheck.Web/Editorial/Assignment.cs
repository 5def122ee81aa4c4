namespace FactCheck;

/// <summary>Who on the desk looks after an advisory now (one person at a time, or nobody).</summary>
public class Assignment
{
    public Guid AdvisoryId { get; set; }
    public string UserId { get; set; } = "";
    public EditorUser? User { get; set; }
    public DateTime AssignedAt { get; set; }
    public string AssignedByName { get; set; } = "";
}
