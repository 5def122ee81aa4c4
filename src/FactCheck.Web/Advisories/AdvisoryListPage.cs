namespace FactCheck;

public sealed class AdvisoryListPage : PublicPage
{
    public required string Heading { get; init; }
    public required IReadOnlyList<AdvisoryCard> Items { get; init; }
    public required ListFilter Filter { get; init; }
    public required int Page { get; init; }
    public required int TotalPages { get; init; }
    public required int TotalItems { get; init; }
    public required IReadOnlyList<Rating> Ratings { get; init; }
    public required IReadOnlyList<Platform> Platforms { get; init; }
    /// <summary>The home page shows the latest advisories without the filter form.</summary>
    public bool IsHome { get; init; }

    public string PagePath(int page) => Filter.ToPath(Language, page);
}
