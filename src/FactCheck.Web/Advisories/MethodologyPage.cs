namespace FactCheck;

public sealed class MethodologyPage : PublicPage
{
    public required IReadOnlyList<Rating> Ratings { get; init; }
    public required int Best { get; init; }
    public required int Worst { get; init; }
}
