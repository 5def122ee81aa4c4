namespace FactCheck;

public class Source
{
    public int Id { get; set; }
    public Guid AdvisoryId { get; set; }
    public int Position { get; set; }
    public string Title { get; set; } = "";
    public string Url { get; set; } = "";
    public string? Publisher { get; set; }
    public DateOnly? AccessedOn { get; set; }
    public string? ArchiveUrl { get; set; }
}
