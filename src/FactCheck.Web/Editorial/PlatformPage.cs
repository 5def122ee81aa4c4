namespace FactCheck;

public sealed class PlatformPage : AdminPage
{
    public required Platform Platform { get; init; }
    public required PlatformForm Form { get; init; }
    public required IReadOnlyList<Platform> Others { get; init; }
    public int Advisories { get; init; }
    public FormErrors Errors { get; init; } = new();
}
