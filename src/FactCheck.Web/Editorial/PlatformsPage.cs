namespace FactCheck;

public sealed class PlatformsPage : AdminPage
{
    public required IReadOnlyList<TaxonomyCount<Platform>> Platforms { get; init; }
    public PlatformForm Form { get; init; } = new();
    public FormErrors Errors { get; init; } = new();
}
