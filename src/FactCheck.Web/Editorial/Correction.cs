namespace FactCheck;

/// <summary>A dated public note; moves the advisory's updated date.</summary>
public class Correction
{
    public int Id { get; set; }
    public Guid AdvisoryId { get; set; }
    public Advisory? Advisory { get; set; }
    public CorrectionKind Kind { get; set; }
    public string Note { get; set; } = "";
    public DateTime PublishedAt { get; set; }
}
