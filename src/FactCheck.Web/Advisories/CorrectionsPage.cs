namespace FactCheck;

public sealed class CorrectionsPage : PublicPage
{
    public required IReadOnlyList<CorrectionEntry> Entries { get; init; }
    public required int Page { get; init; }
    public required int TotalPages { get; init; }
}
