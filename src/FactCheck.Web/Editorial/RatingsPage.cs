namespace FactCheck;

public sealed class RatingsPage : AdminPage
{
    public required IReadOnlyList<Rating> Ratings { get; init; }
}
