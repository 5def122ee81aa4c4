namespace FactCheck;

public sealed class SearchPage : PublicPage
{
    public required SearchForm Form { get; init; }
    /// <summary>A query was run (the reader typed something with at least one word in it).</summary>
    public required bool Searched { get; init; }
    /// <summary>Shown instead of results, e.g. when the input held no words.</summary>
    public string? Notice { get; init; }
    public IReadOnlyList<SearchHit> Hits { get; init; } = [];
    public int Total { get; init; }
    public int Page { get; init; } = 1;
    public int TotalPages { get; init; } = 1;
    public required IReadOnlyList<Rating> Ratings { get; init; }
    public required IReadOnlyList<Platform> Platforms { get; init; }

    public string PagePath(int page) => Form.ToPath(Language, page);
}
