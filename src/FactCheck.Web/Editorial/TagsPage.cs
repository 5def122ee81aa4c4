namespace FactCheck;

public sealed class TagsPage : AdminPage
{
    public required IReadOnlyList<TaxonomyCount<Tag>> Tags { get; init; }
    public string? Query { get; init; }
}
