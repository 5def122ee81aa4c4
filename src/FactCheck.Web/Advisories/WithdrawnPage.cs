namespace FactCheck;

public sealed class WithdrawnPage : PublicPage
{
    public required string AdvisoryTitle { get; init; }
    public string? Reason { get; init; }
    public DateTime? WithdrawnAt { get; init; }
}
