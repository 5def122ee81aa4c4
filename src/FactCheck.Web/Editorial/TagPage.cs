namespace FactCheck;

public sealed class TagPage : AdminPage
{
    public required Tag Tag { get; init; }
    public required IReadOnlyList<string> Others { get; init; }
    public int Advisories { get; init; }
    public string? NewName { get; init; }
    public string? Into { get; init; }
    public string? Error { get; init; }
}
