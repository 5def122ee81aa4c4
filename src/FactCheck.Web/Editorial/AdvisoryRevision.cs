namespace FactCheck;

/// <summary>Every save of an advisory, with every field as it was then (see <see cref="AdvisoryContent"/>).</summary>
public class AdvisoryRevision
{
    public int Id { get; set; }
    public Guid AdvisoryId { get; set; }
    /// <summary>1, 2, 3… per advisory.</summary>
    public int Number { get; set; }
    public DateTime SavedAt { get; set; }
    public string? SavedById { get; set; }
    public string SavedByName { get; set; } = "";
    public RevisionReason Reason { get; set; }
    /// <summary>The public correction or update note saved with this revision, if any.</summary>
    public string? Note { get; set; }
    /// <summary>For <see cref="RevisionReason.Restore"/>: the revision whose content was restored.</summary>
    public int? RestoredFromNumber { get; set; }
    /// <summary>The advisory's fields as JSON (<see cref="AdvisoryContent"/>).</summary>
    public string Snapshot { get; set; } = "";
}
